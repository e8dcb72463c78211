import { h } from '../dom.js';
import { fields, lists, table } from './generic.js';

/** Jetson engines, rails and the rest of the tegrastats reading, as tables. Hidden off a Jetson. */
export function jetsonPanel() {
  const el = h('div', { class: 'jetson' });
  let signature = '';
  return {
    el,
    available: (v) => v.jetson !== null && typeof v.jetson === 'object',
    render(v) {
      if (!v.jetson) return;
      const next = JSON.stringify(v.jetson);
      if (next === signature) return;
      signature = next;
      el.replaceChildren(
        h('div', { class: 'card' }, fields(v.jetson)),
        ...lists(v.jetson).map(([name, rows]) => h('div', { class: 'card', dataset: { list: name } }, h('h3', { text: name }), table(rows))));
    },
  };
}
