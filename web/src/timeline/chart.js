// The timeline's chart: uPlot drawing the average line and min/max band of one series, the event log's markers, the
// frozen moment, a hover tip, drag-to-zoom and click-to-scrub. uPlot arrives as its own chunk after the first paint.
import { h } from '../dom.js';
import { byUnit, dateTime } from '../format.js';

let uPlot = null;
export const uPlotReady = import('uplot').then((m) => { uPlot = m.default; });

const LEVEL_COLORS = { debug: '#7a8599', info: '#4cc9f0', warn: '#f8b84e', error: '#ff5d73' };
const pad = (n) => String(n).padStart(2, '0');

/** One line per tick, as precise as the window needs: seconds within an hour, dates beyond a day. */
function tickLabel(t, span) {
  const d = new Date(t * 1000);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (span <= 3600) return `${hm}:${pad(d.getSeconds())}`;
  if (span <= 86400) return hm;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

function colors() {
  const s = getComputedStyle(document.documentElement);
  const v = (name) => s.getPropertyValue(name).trim();
  return { line: v('--accent'), band: v('--band'), grid: v('--grid'), text: v('--muted'), scrub: v('--scrub') };
}

export class TimelineChart {
  /** onZoom({from, to}) after a drag; onScrub(t) after a click; onDrawn() after each draw. */
  constructor(container, tip, { onZoom, onScrub, onDrawn }) {
    this.container = container;
    this.tip = tip;
    this.handlers = { onZoom, onScrub, onDrawn };
    this.plot = null;
    this.key = null;
    this.data = null;
    this.unit = '';
    this.frozenAt = null;
  }

  /** Draws data over [from, to]; a new series (or theme) makes a new plot. Needs uPlotReady. */
  draw(data, { series, unit, from, to, frozenAt }) {
    this.data = data;
    this.frozenAt = frozenAt;
    if (!this.plot || this.key !== series || this.unit !== unit) this.make(series, unit);
    this.plot.batch(() => {
      this.plot.setData(data.columns(), false);
      this.plot.setScale('x', { min: from, max: to });
    });
  }

  /** Redraws what is there, e.g. with the frozen moment moved. */
  redraw(frozenAt) {
    this.frozenAt = frozenAt;
    this.plot?.redraw(false);
  }

  /** The theme changed: colours are read when a plot is made, so the next draw makes a new one. */
  retheme() {
    this.key = null;
  }

  resize(width, height) {
    this.plot?.setSize({ width, height: Math.max(140, height) });
  }

  make(series, unit) {
    const c = colors();
    const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
    this.plot?.destroy();
    this.key = series;
    this.unit = unit;
    const plot = new uPlot({
      width: Math.max(200, this.container.clientWidth || 600),
      height: Math.max(140, this.container.clientHeight || 220),
      legend: { show: false },
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: {
        x: { time: true },
        // Ratios on a fixed 0–100 % axis, so a flat 99.7 % does not look like a cliff; others from 0 when never negative.
        y: { range: (u, min, max) => (unit === 'ratio' ? [0, Math.max(1, max ?? 1)] : [Math.min(0, min ?? 0), (max ?? 1) > 0 ? max * 1.08 : 1]) },
      },
      series: [
        {},
        { label: 'avg', stroke: c.line, width: 1.5, value: (u, v) => byUnit(v, unit) },
        { label: 'min', stroke: 'transparent', width: 0 },
        { label: 'max', stroke: 'transparent', width: 0 },
      ],
      bands: [{ series: [3, 2], fill: c.band }],
      axes: [
        { ...axis, values: (u, ticks) => ticks.map((t) => tickLabel(t, u.scales.x.max - u.scales.x.min)) },
        { ...axis, size: 64, values: (u, ticks) => ticks.map((v) => byUnit(v, unit)) },
      ],
      hooks: {
        draw: [(u) => { this.drawMarks(u, c); this.handlers.onDrawn(); }],
        setSelect: [(u) => {
          if (u.select.width <= 4) return;
          const zoom = { from: u.posToVal(u.select.left, 'x'), to: u.posToVal(u.select.left + u.select.width, 'x') };
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
          this.handlers.onZoom(zoom);
        }],
        setCursor: [(u) => this.showTip(u)],
      },
    }, [[], [], [], []], this.container);
    let downX = null;
    plot.over.addEventListener('mousedown', (e) => { downX = e.offsetX; });
    plot.over.addEventListener('mouseup', (e) => {
      if (downX !== null && Math.abs(e.offsetX - downX) <= 3) this.handlers.onScrub(plot.posToVal(e.offsetX, 'x'));
      downX = null;
    });
    plot.over.addEventListener('mouseleave', () => { this.tip.hidden = true; });
    this.plot = plot;
  }

  drawMarks(u, c) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    const line = (x) => { ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke(); };
    ctx.save();
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    for (const e of this.data?.events ?? []) {
      const x = Math.round(u.valToPos(e.t, 'x', true));
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.strokeStyle = LEVEL_COLORS[e.level] ?? LEVEL_COLORS.info;
      ctx.globalAlpha = 0.8;
      line(x);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fillRect(x - 3 * devicePixelRatio, top, 6 * devicePixelRatio, 6 * devicePixelRatio);
    }
    if (this.frozenAt) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = c.scrub;
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.lineWidth = 2 * devicePixelRatio;
      line(Math.round(u.valToPos(this.frozenAt, 'x', true)));
    }
    ctx.restore();
  }

  showTip(u) {
    const left = u.cursor.left;
    if (left === undefined || left < 0 || !this.data) { this.tip.hidden = true; return; }
    const t = u.posToVal(left, 'x');
    const near = this.data.events.find((e) => Math.abs(u.valToPos(e.t, 'x') - left) <= 4);
    const i = u.cursor.idx;
    const value = i !== null && i !== undefined && this.data.t[i] !== undefined ? byUnit(this.data.avg[i], this.unit) : '';
    this.tip.replaceChildren(
      h('div', { text: `${dateTime(t)}${value ? ` · ${value}` : ''}` }),
      near ? h('div', { class: 'tip-event', dataset: { level: near.level } }, `${near.level} ${near.source}/${near.event_type}: `, near.message ?? '') : null);
    this.tip.style.transform = `translate(${Math.min(left + 12, this.container.clientWidth - 220)}px, 8px)`;
    this.tip.hidden = false;
  }
}
