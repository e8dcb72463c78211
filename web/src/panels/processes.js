import { h, setText } from '../dom.js';
import { bytes, number } from '../format.js';

const COLUMNS = [
  { key: 'pid', label: 'PID', num: true, text: (p) => String(p.pid) },
  { key: 'name', label: 'Name', text: (p) => p.name },
  { key: 'user', label: 'User', text: (p) => p.user },
  { key: 'cpu', label: 'CPU %', num: true, text: (p) => number(p.cpu) },
  { key: 'memPercent', label: 'Mem %', num: true, text: (p) => number(p.memPercent) },
  { key: 'rss', label: 'RSS', num: true, text: (p) => bytes(p.rss) },
  { key: 'gpuMem', label: 'GPU mem', num: true, text: (p) => (p.gpuMem === null ? '—' : bytes(p.gpuMem)) },
];

/** Sortable process table; shows whatever processes the shown view holds (live, or the scrubbed tick's). */
export function processesPanel() {
  let sort = { key: 'cpu', desc: true };
  let last = null;
  const head = h('tr', {}, COLUMNS.map((c) => h('th', {
    class: c.num ? 'num sortable' : 'sortable',
    dataset: { key: c.key },
    tabindex: 0,
    onclick: () => setSort(c.key),
    onkeydown: (e) => { if (e.key === 'Enter') setSort(c.key); },
  }, c.label)));
  const body = h('tbody');
  const caption = h('div', { class: 'panel-caption muted' });
  const table = h('table', { class: 'grid' }, h('thead', {}, head), body);
  const el = h('div', { class: 'processes' }, caption, h('div', { class: 'table-wrap' }, table));

  function setSort(key) {
    sort = sort.key === key ? { key, desc: !sort.desc } : { key, desc: key !== 'name' && key !== 'user' };
    if (last) render(last);
  }

  function render(v) {
    last = v;
    for (const th of head.cells) th.dataset.sort = th.dataset.key === sort.key ? (sort.desc ? 'desc' : 'asc') : '';
    const list = [...v.processes].sort((a, b) => compare(a[sort.key], b[sort.key]) * (sort.desc ? -1 : 1));
    setText(caption, `${list.length} processes · ${v.source === 'dvr' ? 'recorded' : 'live'}`);
    // The GPU memory column only where some process uses a GPU.
    table.dataset.gpu = list.some((p) => p.gpuMem !== null) ? 'some' : 'none';
    while (body.rows.length < list.length) body.append(h('tr', {}, COLUMNS.map((c) => h('td', { class: c.num ? 'num' : '' }))));
    while (body.rows.length > list.length) body.lastChild.remove();
    list.forEach((p, i) => {
      const row = body.rows[i];
      row.dataset.pid = p.pid;
      COLUMNS.forEach((c, j) => setText(row.cells[j], c.text(p)));
    });
  }

  return { el, render };
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return typeof a === 'string' ? a.localeCompare(b) : a - b;
}
