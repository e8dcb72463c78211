// One shape for every panel, whatever fed it: Aura's snapshot (signed in), ClaraVerse's /api/stats body (public), or
// the DVR's series values at a scrubbed moment.

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function processFrom(p) {
  return {
    pid: p.pid,
    name: p.name ?? '',
    user: p.user ?? '',
    state: p.state ?? p.status ?? '',
    cpu: num(p.cpu_percent ?? p.cpu),
    memPercent: num(p.memory_percent ?? p.memory),
    rss: num(p.rss_bytes),
    threads: num(p.threads),
    gpuMem: num(p.gpu_memory_bytes ?? p.gpu_memory_used_bytes ?? p.gpu_memory),
  };
}

export function fromSnapshot(s) {
  const mem = s.memory ?? {};
  const hottest = (s.thermal?.sensors ?? []).reduce((a, b) => (a && a.celsius >= b.celsius ? a : b), null);
  return {
    source: 'snapshot',
    time: Date.parse(s.time) / 1000,
    host: s.host?.hostname ?? '',
    cpu: {
      usage: num(s.cpu?.total?.busy),
      cores: (s.cpu?.cores ?? []).map((c) => ({ id: c.id, usage: c.online === false ? null : num(c.times?.busy), online: c.online !== false })),
      load: s.cpu?.load ? [s.cpu.load.one, s.cpu.load.five, s.cpu.load.fifteen] : null,
    },
    memory: { ratio: num(mem.used_ratio), used: num(mem.used_bytes), total: num(mem.total_bytes) },
    swap: { ratio: mem.swap_total_bytes ? num(mem.swap_used_ratio) : null, used: num(mem.swap_used_bytes), total: num(mem.swap_total_bytes) },
    hottest: hottest ? { celsius: hottest.celsius, label: hottest.label || hottest.id, high: hottest.critical_celsius ?? hottest.high_celsius ?? null } : null,
    disks: (s.disks ?? []).map((d) => ({ name: d.device, read: num(d.read_bytes_per_second), write: num(d.write_bytes_per_second) })),
    nets: (s.network?.interfaces ?? []).map((n) => ({ name: n.name, rx: num(n.rates?.rx_bytes_per_second), tx: num(n.rates?.tx_bytes_per_second) })),
    processes: (s.processes ?? []).map(processFrom),
    gpus: Array.isArray(s.gpus) ? s.gpus : [],
    jetson: s.jetson ?? null,
  };
}

/** ClaraVerse's body has totals, not rates: rates come from the previous body. */
export function fromClara(c, previous) {
  const time = Date.parse(c.timestamp) / 1000;
  const dt = previous ? time - previous.time : 0;
  const delta = (now, before) => (dt > 0 && before !== undefined && now >= before ? (now - before) / dt : null);
  const prevNet = previous?.raw?.network;
  return {
    source: 'clara',
    time,
    host: '',
    raw: c,
    cpu: { usage: c.cpu?.usage === null || c.cpu?.usage === undefined ? null : c.cpu.usage / 100, cores: [], load: null },
    memory: { ratio: (c.memory?.usedPercent ?? 0) / 100, used: c.memory?.used, total: c.memory?.total },
    swap: { ratio: c.memory?.swap?.total ? c.memory.swap.usedPercent / 100 : null, used: c.memory?.swap?.used, total: c.memory?.swap?.total },
    hottest: c.cpu?.temperature ? { celsius: c.cpu.temperature, label: 'CPU', high: null } : null,
    disks: [],
    nets: [{ name: 'all', rx: delta(c.network?.bytesRecv, prevNet?.bytesRecv), tx: delta(c.network?.bytesSent, prevNet?.bytesSent) }],
    processes: (c.processes ?? []).map(processFrom),
    gpus: [],
    jetson: null,
  };
}

const LABEL = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})?$/;

/** Splits `name{a="1",b="x"}` into its name and labels. */
export function parseKey(key) {
  const m = LABEL.exec(key);
  if (!m) return { name: key, labels: {} };
  const labels = {};
  for (const part of (m[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)) labels[part[1]] = part[2];
  return { name: m[1], labels };
}

/** The DVR's values at one tick (and that tick's processes) as a view, with the live view's names for what is missing. */
export function fromValues(body, processTick, live) {
  const by = new Map();
  for (const [key, value] of Object.entries(body.values ?? {})) {
    const { name, labels } = parseKey(key);
    if (!by.has(name)) by.set(name, []);
    by.get(name).push({ labels, value });
  }
  const one = (name) => by.get(name)?.[0]?.value ?? null;
  const each = (name, label) => new Map((by.get(name) ?? []).map((e) => [e.labels[label], e.value]));
  const cores = each('aura_cpu_core_usage_ratio', 'cpu');
  const reads = each('aura_disk_read_bytes_per_second', 'device');
  const writes = each('aura_disk_write_bytes_per_second', 'device');
  const rx = each('aura_network_receive_bytes_per_second', 'interface');
  const tx = each('aura_network_transmit_bytes_per_second', 'interface');
  const hottest = one('aura_temperature_hottest_celsius');
  const gpus = new Map();
  for (const [name, entries] of by) {
    if (!name.startsWith('aura_gpu_')) continue;
    for (const { labels, value } of entries) {
      const id = labels.gpu ?? '0';
      if (!gpus.has(id)) gpus.set(id, { index: Number(id), name: `GPU ${id}` });
      gpus.get(id)[name.slice('aura_gpu_'.length)] = value;
    }
  }
  return {
    source: 'dvr',
    time: body.time,
    host: live?.host ?? '',
    cpu: {
      usage: one('aura_cpu_usage_ratio'),
      cores: [...cores].sort((a, b) => Number(a[0]) - Number(b[0])).map(([id, usage]) => ({ id: Number(id), usage, online: true })),
      load: null,
    },
    memory: { ratio: one('aura_memory_used_ratio'), used: one('aura_memory_used_bytes'), total: one('aura_memory_total_bytes') },
    swap: { ratio: one('aura_swap_total_bytes') ? one('aura_swap_used_ratio') : null, used: one('aura_swap_used_bytes'), total: one('aura_swap_total_bytes') },
    hottest: hottest === null ? null : { celsius: hottest, label: 'hottest', high: null },
    disks: [...reads.keys()].map((name) => ({ name, read: reads.get(name), write: writes.get(name) ?? null })),
    nets: [...rx.keys()].map((name) => ({ name, rx: rx.get(name), tx: tx.get(name) ?? null })),
    processes: (processTick?.processes ?? []).map(processFrom),
    gpus: [...gpus.values()],
    jetson: null,
  };
}
