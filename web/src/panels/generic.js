import { h } from '../dom.js';
import { humanize, number } from '../format.js';

// Readings whose exact fields vary by vendor and version (GPUs, Jetson engines and rails) are shown field by field:
// every scalar as a labelled value, every list of objects as a table. Nothing is dropped because it was unexpected.

export function scalarText(key, value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number') return String(value);
  if (key.endsWith('_bytes')) return bytesText(value);
  if (key.endsWith('_ratio')) return `${(value * 100).toFixed(1)}%`;
  if (key.endsWith('_percent')) return `${number(value)}%`;
  if (key.endsWith('_celsius')) return `${number(value)}°C`;
  if (key.endsWith('_watts')) return `${number(value, 2)} W`;
  if (key.endsWith('_milliwatts')) return `${number(value, 0)} mW`;
  if (key.endsWith('_hertz')) return `${(value / 1e6).toFixed(0)} MHz`;
  if (key.endsWith('_mhz')) return `${number(value, 0)} MHz`;
  return number(value, 2);
}

function bytesText(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

export function fields(obj, skip = new Set()) {
  const dl = h('dl', { class: 'fields' });
  for (const [key, value] of Object.entries(obj ?? {})) {
    if (skip.has(key) || (value !== null && typeof value === 'object')) continue;
    dl.append(h('dt', { text: humanize(key.replace(/_(bytes|ratio|percent|celsius|watts|milliwatts|hertz|mhz)$/, '')) }), h('dd', { text: scalarText(key, value) }));
  }
  return dl;
}

export function table(rows) {
  const keys = [];
  for (const row of rows) for (const [k, v] of Object.entries(row ?? {})) if ((v === null || typeof v !== 'object') && !keys.includes(k)) keys.push(k);
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, keys.map((k) => h('th', { text: humanize(k) })))),
    h('tbody', {}, rows.map((row) => h('tr', {}, keys.map((k) => h('td', { class: typeof row?.[k] === 'number' ? 'num' : '', text: scalarText(k, row?.[k]) }))))));
}

/** Every list of objects inside obj (and its nested objects), by a readable name. */
export function lists(obj, prefix = '') {
  const found = [];
  for (const [key, value] of Object.entries(obj ?? {})) {
    if (Array.isArray(value) && value.some((x) => x && typeof x === 'object')) found.push([humanize(prefix + key), value]);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      // A map of name → reading (e.g. engines by name) reads best as a table too.
      if (entries.length && entries.every(([, v]) => v && typeof v === 'object' && !Array.isArray(v))) {
        found.push([humanize(prefix + key), entries.map(([name, v]) => ({ name, ...v }))]);
      } else {
        found.push(...lists(value, `${prefix}${key} `));
      }
    }
  }
  return found;
}
