const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(n) {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  let i = 0;
  let v = Math.abs(n);
  while (v >= 1024 && i < UNITS.length - 1) { v /= 1024; i++; }
  return `${n < 0 ? '-' : ''}${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}

export const rate = (n) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : `${bytes(n)}/s`);

export function percent(ratio, digits = 0) {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export const celsius = (c) => (c === null || c === undefined || !Number.isFinite(c) ? '—' : `${c.toFixed(0)}°C`);

export function number(n, digits = 1) {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return Math.abs(n) >= 1000 ? n.toFixed(0) : String(Number(n.toFixed(digits)));
}

const pad = (n) => String(n).padStart(2, '0');

export function clock(epochSeconds) {
  const d = new Date(epochSeconds * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function dateTime(epochSeconds) {
  const d = new Date(epochSeconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(epochSeconds)}`;
}

/** A value in the unit the series catalog declares. */
export function byUnit(value, unit) {
  switch (unit) {
    case 'ratio': return percent(value, 1);
    case 'bytes': return bytes(value);
    case 'bytes_per_second': return rate(value);
    case 'celsius': return celsius(value);
    case 'hertz': return value >= 1e9 ? `${(value / 1e9).toFixed(2)} GHz` : `${(value / 1e6).toFixed(0)} MHz`;
    case 'watts': return `${number(value, 2)} W`;
    default: return number(value, 2);
  }
}

/** "memory_used_bytes" → "Memory used bytes". */
export function humanize(key) {
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
