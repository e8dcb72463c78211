import { h } from '../dom.js';
import { bytes, percent } from '../format.js';
import { gpuUtil } from '../store.js';
import { fields, lists, table } from './generic.js';

function memory(g) {
  const used = g.memory_used_bytes ?? g.memory?.used_bytes ?? null;
  const total = g.memory_total_bytes ?? g.memory?.total_bytes ?? null;
  return { used, total, ratio: used !== null && total ? used / total : null };
}

function bar(label, ratio, text) {
  const fill = h('div', { class: 'bar-fill' });
  fill.style.width = `${Math.max(0, Math.min(1, ratio ?? 0)) * 100}%`;
  return h('div', { class: 'meter' }, h('span', { class: 'meter-label', text: label }), h('div', { class: 'meter-bar' }, fill), h('span', { class: 'meter-value', text }));
}

/** One card per GPU: utilisation and memory bars, then every reading it has. Hidden when the snapshot has none. */
export function gpusPanel() {
  const el = h('div', { class: 'cards' });
  let signature = '';
  return {
    el,
    available: (v) => v.gpus.length > 0,
    render(v) {
      const next = JSON.stringify(v.gpus);
      if (next === signature) return;
      signature = next;
      el.replaceChildren(...v.gpus.map((g, i) => {
        const m = memory(g);
        const util = gpuUtil(g);
        return h('div', { class: 'card gpu', dataset: { gpu: String(g.index ?? i) } },
          h('h3', { text: `${g.name ?? 'GPU'} · ${g.index ?? i}` }),
          bar('Utilisation', util, percent(util)),
          bar('Memory', m.ratio, m.total ? `${bytes(m.used)} of ${bytes(m.total)}` : '—'),
          fields(g, new Set(['name', 'index'])),
          lists(g).map(([name, rows]) => h('div', {}, h('h4', { text: name }), table(rows))));
      }));
    },
  };
}
