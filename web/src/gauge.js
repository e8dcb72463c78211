import { h, setText, svg } from './dom.js';

const R = 42;
const SWEEP = 270;
const LENGTH = (2 * Math.PI * R * SWEEP) / 360;

function arc(r) {
  // From 135° to 405° (clockwise, a gap at the bottom).
  const start = polar(r, 135);
  const end = polar(r, 45);
  return `M ${start.x} ${start.y} A ${r} ${r} 0 1 1 ${end.x} ${end.y}`;
}

function polar(r, degrees) {
  const a = (degrees * Math.PI) / 180;
  return { x: (50 + r * Math.cos(a)).toFixed(2), y: (50 + r * Math.sin(a)).toFixed(2) };
}

/** A radial gauge with its value in the middle and a sparkline under it. */
export class Gauge {
  constructor(label, key) {
    this.key = key;
    this.value = svg('path', { d: arc(R), class: 'gauge-value', 'stroke-dasharray': `${LENGTH} ${LENGTH}`, 'stroke-dashoffset': LENGTH });
    this.text = h('div', { class: 'gauge-text' });
    this.sub = h('div', { class: 'gauge-sub' });
    this.canvas = h('canvas', { class: 'spark', width: 160, height: 36 });
    this.el = h('div', { class: 'gauge', dataset: { gauge: key } },
      h('div', { class: 'gauge-dial' },
        svg('svg', { viewBox: '0 0 100 100', 'aria-hidden': 'true' }, svg('path', { d: arc(R), class: 'gauge-track' }), this.value),
        h('div', { class: 'gauge-center' }, this.text, h('div', { class: 'gauge-label', text: label }))),
      this.sub,
      this.canvas);
    this.last = -1;
  }

  /** ratio in 0..1 (null for no reading), text for the middle, sub for the line below. */
  set(ratio, text, sub) {
    const r = ratio === null || ratio === undefined || !Number.isFinite(ratio) ? 0 : Math.max(0, Math.min(1, ratio));
    if (Math.abs(r - this.last) > 0.001) {
      this.value.setAttribute('stroke-dashoffset', (LENGTH * (1 - r)).toFixed(2));
      this.el.dataset.level = r >= 0.9 ? 'crit' : r >= 0.7 ? 'warn' : 'ok';
      this.last = r;
    }
    setText(this.text, text);
    setText(this.sub, sub ?? '');
    this.el.dataset.value = text;
  }

  /** Draws the ring oldest → newest, scaled to [0, max]. */
  spark(ring, max = 1) {
    const c = this.canvas;
    const g = c.getContext('2d');
    const w = c.width;
    const hgt = c.height;
    g.clearRect(0, 0, w, hgt);
    if (!ring || ring.count < 2) return;
    const style = getComputedStyle(this.el);
    // Few points still make a line: the x step shrinks as history builds up, to the ring's full width.
    const step = w / Math.max(Math.min(ring.values.length, Math.max(ring.count, 30)) - 1, 1);
    const x0 = w - (ring.count - 1) * step;
    g.beginPath();
    let started = false;
    ring.forEach((v, i) => {
      if (!Number.isFinite(v)) { started = false; return; }
      const x = x0 + i * step;
      const y = hgt - 2 - (Math.min(v, max) / max) * (hgt - 4);
      if (started) g.lineTo(x, y); else { g.moveTo(x, y); started = true; }
    });
    g.strokeStyle = style.getPropertyValue('--spark').trim() || '#4cc9f0';
    g.lineWidth = 1.5;
    g.stroke();
  }
}
