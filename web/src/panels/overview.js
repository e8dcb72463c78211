import { h, setText } from '../dom.js';
import { Gauge } from '../gauge.js';
import { bytes, celsius, percent, rate } from '../format.js';
import { store } from '../store.js';

export function overviewPanel() {
  const gauges = {
    cpu: new Gauge('CPU', 'cpu'),
    memory: new Gauge('Memory', 'memory'),
    swap: new Gauge('Swap', 'swap'),
    temp: new Gauge('Hottest', 'temp'),
  };
  const gaugeRow = h('div', { class: 'gauges' }, Object.values(gauges).map((g) => g.el));
  const gpuGauges = [];
  const cores = h('div', { class: 'cores' });
  const io = h('table', { class: 'io' });
  const load = h('span', { class: 'muted' });
  const el = h('div', { class: 'overview' },
    gaugeRow,
    h('div', { class: 'split' },
      h('div', { class: 'card' }, h('h3', {}, 'Cores ', load), cores),
      h('div', { class: 'card' }, h('h3', { text: 'Disks and network' }), io)));
  const coreBars = [];

  function render(v) {
    gauges.cpu.set(v.cpu.usage, percent(v.cpu.usage), v.cpu.cores.length ? `${v.cpu.cores.length} cores` : '');
    gauges.memory.set(v.memory.ratio, percent(v.memory.ratio), `${bytes(v.memory.used)} of ${bytes(v.memory.total)}`);
    gauges.swap.set(v.swap.ratio, v.swap.ratio === null ? 'none' : percent(v.swap.ratio), v.swap.total ? `${bytes(v.swap.used)} of ${bytes(v.swap.total)}` : 'no swap');
    const t = v.hottest;
    gauges.temp.set(t ? t.celsius / (t.high || 100) : null, t ? celsius(t.celsius) : 'n/a', t ? t.label : 'no sensors');
    renderGpus(v);
    if (store.isLive()) {
      gauges.cpu.spark(store.spark('cpu'));
      gauges.memory.spark(store.spark('memory'));
      gauges.swap.spark(store.spark('swap'));
      gauges.temp.spark(store.spark('temp'), 110);
      gpuGauges.forEach((g, i) => g.spark(store.spark(`gpu${i}`)));
    }
    setText(load, v.cpu.load ? `load ${v.cpu.load.map((x) => x.toFixed(2)).join(' ')}` : '');
    renderCores(v.cpu.cores);
    renderIo(v);
  }

  function renderGpus(v) {
    while (gpuGauges.length < v.gpus.length) {
      const i = gpuGauges.length;
      const g = new Gauge(`GPU ${i}`, `gpu${i}`);
      gpuGauges.push(g);
      gaugeRow.append(g.el);
    }
    gpuGauges.forEach((g, i) => {
      const gpu = v.gpus[i];
      g.el.hidden = !gpu;
      if (gpu) {
        g.set(gpu.util, percent(gpu.util), gpu.name);
      }
    });
  }

  function renderCores(list) {
    if (coreBars.length !== list.length) {
      cores.replaceChildren();
      coreBars.length = 0;
      for (const c of list) {
        const fill = h('div', { class: 'core-fill' });
        const label = h('div', { class: 'core-label', text: String(c.id) });
        const bar = h('div', { class: 'core', title: `CPU ${c.id}` }, h('div', { class: 'core-track' }, fill), label);
        coreBars.push({ bar, fill });
        cores.append(bar);
      }
      if (!list.length) cores.append(h('p', { class: 'muted', text: 'Per-core figures need a sign-in.' }));
    }
    list.forEach((c, i) => {
      const { bar, fill } = coreBars[i];
      const r = c.usage ?? 0;
      fill.style.transform = `scaleY(${Math.max(0, Math.min(1, r)).toFixed(3)})`;
      bar.dataset.level = r >= 0.9 ? 'crit' : r >= 0.7 ? 'warn' : 'ok';
      bar.title = `CPU ${c.id}: ${c.online ? percent(r) : 'offline'}`;
    });
  }

  function renderIo(v) {
    const rows = [
      ...v.disks.map((d) => ['disk', d.name, `read ${rate(d.read)}`, `write ${rate(d.write)}`]),
      ...v.nets.filter((n) => n.name !== 'lo' && n.name !== 'total').map((n) => ['net', n.name, `in ${rate(n.rx)}`, `out ${rate(n.tx)}`]),
    ];
    if (io.rows.length !== rows.length) {
      io.replaceChildren(...rows.map(() => h('tr', {}, h('td', { class: 'tag' }), h('td'), h('td', { class: 'num' }), h('td', { class: 'num' }))));
    }
    rows.forEach((r, i) => r.forEach((text, j) => setText(io.rows[i].cells[j], text)));
  }

  return { el, render };
}
