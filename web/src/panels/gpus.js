import { h } from '../dom.js';
import { bytes, percent } from '../format.js';
import { fields, lists, table } from './generic.js';

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
      el.replaceChildren(...v.gpus.map((g) => {
        const memRatio = g.memUsed !== null && g.memTotal ? g.memUsed / g.memTotal : null;
        return h('div', { class: 'card gpu', dataset: { gpu: String(g.index) } },
          h('h3', { text: `${g.name} · ${g.index}` }),
          bar('Utilisation', g.util, percent(g.util)),
          bar('Memory', memRatio, g.memTotal ? `${bytes(g.memUsed)} of ${bytes(g.memTotal)}` : '—'),
          fields(g.readings),
          lists(g.readings).map(([name, rows]) => h('div', {}, h('h4', { text: name }), table(rows))));
      }));
    },
  };
}
