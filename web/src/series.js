// Series keys as the server writes them (Aura.Core's SeriesKey): `name{a="x",b="y"}`, label values escaped as the
// Prometheus text format escapes them (backslash, double quote, newline). The page builds and reads keys only here.

const KEY = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?$/s;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/gs;

/** Escapes a label value: `\` → `\\`, `"` → `\"`, a newline → `\n`. */
export function escapeLabel(value) {
  return String(value).replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function unescapeLabel(text) {
  return text.replace(/\\(.)/gs, (_, c) => (c === 'n' ? '\n' : c));
}

/** The key of one series; labels in the order the family declares them (the server matches keys as written). */
export function seriesKey(name, labels = {}) {
  const parts = Object.entries(labels).map(([label, value]) => `${label}="${escapeLabel(value)}"`);
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

/** Splits a key into its family name and label values (unescaped). */
export function parseKey(key) {
  const m = KEY.exec(key);
  if (!m) return { name: key, labels: {} };
  const labels = {};
  for (const part of (m[2] ?? '').matchAll(LABEL)) labels[part[1]] = unescapeLabel(part[2]);
  return { name: m[1], labels };
}

/** A key's family name: what the series catalog's units are keyed by. */
export const familyOf = (key) => parseKey(key).name;
