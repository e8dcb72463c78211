// Builds the one View (contract.js) from each source the page reads: Aura's snapshot, ClaraVerse's /api/stats body,
// and the DVR's values at one tick. Each source's field names are read here and nowhere else.
import { parseKey } from './series.js';

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ratioOf = (percent) => (num(percent) === null ? null : percent / 100);

/** @returns {import('./contract.js').ProcessView} from Aura's ProcessSample (snapshot and DVR). */
function processFromSample(p) {
  return {
    pid: p.pid,
    name: p.name,
    user: p.user,
    state: p.state,
    cpu: num(p.cpu_percent),
    memPercent: num(p.memory_percent),
    rss: num(p.rss_bytes),
    threads: num(p.threads),
    gpuMem: num(p.gpu_memory_bytes),
  };
}

/** @returns {import('./contract.js').ProcessView} from ClaraVerse's process (no user, RSS or threads). */
function processFromClara(p) {
  return { pid: p.pid, name: p.name, user: '', state: p.status, cpu: num(p.cpu), memPercent: num(p.memory), rss: null, threads: null, gpuMem: null };
}

/** @returns {import('./contract.js').GpuView} from the snapshot's GpuSample; every reading but its identity stays shown. */
function gpuFromSample(g) {
  const { index, name, ...readings } = g;
  return { index, name, util: ratioOf(g.utilization_percent), memUsed: num(g.memory_used_bytes), memTotal: num(g.memory_total_bytes), readings };
}

/** @returns {import('./contract.js').GpuView} from ClaraVerse's flat GPU, its readings under the snapshot's names. */
function gpuFromClara(g, index) {
  return {
    index,
    name: g.name,
    util: ratioOf(g.usage),
    memUsed: num(g.memoryUsed),
    memTotal: num(g.memoryTotal),
    readings: {
      utilization_percent: num(g.usage),
      memory_used_bytes: num(g.memoryUsed),
      memory_total_bytes: num(g.memoryTotal),
      memory_free_bytes: num(g.memoryFree),
      temperature_celsius: num(g.temperature),
      fan_percent: num(g.fanSpeed),
      power_watts: num(g.powerDraw),
      core_clock_mhz: num(g.clockCore),
      memory_clock_mhz: num(g.clockMemory),
    },
  };
}

/** @returns {import('./contract.js').View} */
export function fromSnapshot(s) {
  const mem = s.memory;
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
    memory: { ratio: num(mem?.used_ratio), used: num(mem?.used_bytes), total: num(mem?.total_bytes) },
    swap: { ratio: mem?.swap_total_bytes ? num(mem.swap_used_ratio) : null, used: num(mem?.swap_used_bytes), total: num(mem?.swap_total_bytes) },
    hottest: hottest ? { celsius: hottest.celsius, label: hottest.label || hottest.id, high: hottest.critical_celsius ?? hottest.high_celsius ?? null } : null,
    disks: (s.disks ?? []).map((d) => ({ name: d.device, read: num(d.read_bytes_per_second), write: num(d.write_bytes_per_second) })),
    nets: (s.network?.interfaces ?? []).map((n) => ({ name: n.name, rx: num(n.rates?.rx_bytes_per_second), tx: num(n.rates?.tx_bytes_per_second) })),
    processes: (s.processes ?? []).map(processFromSample),
    gpus: (s.gpus ?? []).map(gpuFromSample),
    jetson: s.jetson ?? null,
  };
}

/** ClaraVerse's body has totals, not rates: rates come from the previous body. @returns {import('./contract.js').View} */
export function fromClara(c, previous) {
  const time = Date.parse(c.timestamp) / 1000;
  const dt = previous ? time - previous.time : 0;
  const delta = (now, before) => (dt > 0 && before !== undefined && now >= before ? (now - before) / dt : null);
  const prevNet = previous?.raw?.network;
  const swap = c.memory?.swap;
  return {
    source: 'clara',
    time,
    host: '',
    raw: c,
    cpu: { usage: ratioOf(c.cpu?.usage), cores: [], load: null },
    memory: { ratio: ratioOf(c.memory?.usedPercent), used: num(c.memory?.used), total: num(c.memory?.total) },
    swap: { ratio: swap?.total ? ratioOf(swap.usedPercent) : null, used: num(swap?.used), total: num(swap?.total) },
    hottest: num(c.cpu?.temperature) !== null ? { celsius: c.cpu.temperature, label: 'CPU', high: null } : null,
    disks: [],
    nets: [{ name: 'all', rx: delta(c.network?.bytesRecv, prevNet?.bytesRecv), tx: delta(c.network?.bytesSent, prevNet?.bytesSent) }],
    processes: (c.processes ?? []).map(processFromClara),
    gpus: (c.gpu ?? []).map(gpuFromClara),
    jetson: null,
  };
}

const GPU_PREFIX = 'aura_gpu_';

/**
 * GPUs from the DVR's aura_gpu_* series: a reading per family (a family with a second label, such as the engine or the
 * clock, gives one reading per value: `memory_utilization_ratio`, `graphics_clock_hertz`). The DVR keeps no names, so
 * a GPU the live view also has takes its name from there.
 */
function gpusFromValues(by, live) {
  const gpus = new Map();
  for (const [family, entries] of by) {
    if (!family.startsWith(GPU_PREFIX)) continue;
    const reading = family.slice(GPU_PREFIX.length);
    for (const { labels, value } of entries) {
      const index = Number(labels.gpu ?? 0);
      if (!gpus.has(index)) {
        const name = live?.gpus.find((g) => g.index === index)?.name ?? `GPU ${index}`;
        gpus.set(index, { index, name, util: null, memUsed: null, memTotal: null, readings: {} });
      }
      const gpu = gpus.get(index);
      const second = Object.entries(labels).find(([label]) => label !== 'gpu');
      gpu.readings[second ? `${second[1]}_${reading}` : reading] = value;
      if (reading === 'utilization_ratio' && second?.[1] === 'gpu') gpu.util = value;
      if (reading === 'memory_used_bytes') gpu.memUsed = value;
      if (reading === 'memory_total_bytes') gpu.memTotal = value;
    }
  }
  return [...gpus.values()].sort((a, b) => a.index - b.index);
}

/** The DVR's values at one tick (and that tick's processes) as a view. @returns {import('./contract.js').View} */
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
    processes: (processTick?.processes ?? []).map(processFromSample),
    gpus: gpusFromValues(by, live),
    jetson: null,
  };
}
