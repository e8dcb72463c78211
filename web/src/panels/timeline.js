import { getJson } from '../api.js';
import { h, setText } from '../dom.js';
import { byUnit, clock, dateTime } from '../format.js';
import { store } from '../store.js';

const pad = (n) => String(n).padStart(2, '0');

/** One line per tick, as precise as the window needs: seconds within an hour, dates beyond a day. */
function tickLabel(t, span) {
  const d = new Date(t * 1000);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (span <= 3600) return `${hm}:${pad(d.getSeconds())}`;
  if (span <= 86400) return hm;
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

export const RANGES = [
  ['5m', 300], ['15m', 900], ['1h', 3600], ['6h', 21600], ['24h', 86400], ['7d', 604800], ['30d', 2592000],
];

// uPlot arrives as its own chunk after the first paint: the gauges need none of it.
let uPlot = null;
const uPlotReady = import('uplot').then((m) => { uPlot = m.default; });

const LEVEL_COLORS = { debug: '#7a8599', info: '#4cc9f0', warn: '#f8b84e', error: '#ff5d73' };

/**
 * Any recorded series over 5 minutes to 30 days from /api/timeline: average line, min/max band, event markers, drag to
 * zoom, and a scrubber. A click or the scrubber freezes the cockpit at that moment (onScrub); while live the window
 * scrolls by asking only for what is new since its last point.
 */
export function timelinePanel({ onScrub: freezeAt, settings, save }) {
  let series = settings.series ?? 'aura_cpu_usage_ratio';
  let range = settings.range ?? 900;
  let zoom = null;
  let data = { t: [], avg: [], min: [], max: [], events: [], from: 0, to: 0 };
  let units = new Map([['aura_cpu_usage_ratio', 'ratio']]);
  let plot = null;
  let plotSeries = null;
  let fetching = false;
  let lastFetch = 0;
  let arrived = 0;
  let request = 0;

  /** Only moments the DVR holds can be shown: a scrub before the first recorded point goes to that point. */
  function onScrub(t) {
    if (!data.t.length) return;
    freezeAt(Math.min(Math.max(t, data.t[0]), Date.now() / 1000));
  }

  const select = h('select', { 'aria-label': 'Series', dataset: { role: 'series' } });
  const buttons = RANGES.map(([label, seconds]) => h('button', {
    type: 'button', class: 'seg', dataset: { range: String(seconds) }, onclick: () => setRange(seconds),
  }, label));
  const info = h('span', { class: 'muted timeline-info' });
  const chart = h('div', { class: 'chart' });
  const tip = h('div', { class: 'chart-tip', hidden: true });
  const scrubber = h('input', { type: 'range', class: 'scrubber', 'aria-label': 'Scrub through time', min: 0, max: 1, step: 1, value: 1 });
  const scrubLabel = h('span', { class: 'scrub-label muted' });
  const el = h('div', { class: 'timeline' },
    h('div', { class: 'toolbar' }, select, h('div', { class: 'segs', role: 'group', 'aria-label': 'Range' }, buttons), info),
    h('div', { class: 'chart-wrap' }, chart, tip),
    h('div', { class: 'scrub-row' }, scrubber, scrubLabel));

  select.addEventListener('change', () => {
    series = select.value;
    settings.series = series;
    save();
    load();
  });
  let scrubTimer = 0;
  scrubber.addEventListener('input', () => {
    const t = Number(scrubber.value);
    setText(scrubLabel, dateTime(t));
    clearTimeout(scrubTimer);
    scrubTimer = setTimeout(() => onScrub(t), 120);
  });

  function setRange(seconds) {
    range = seconds;
    zoom = null;
    settings.range = seconds;
    save();
    load();
  }

  function window_() {
    if (zoom) return zoom;
    const to = store.isLive() ? Date.now() / 1000 : (data.to || Date.now() / 1000);
    return { from: to - range, to };
  }

  function points() {
    return Math.max(200, Math.min(2000, Math.round(chart.clientWidth || 800)));
  }

  async function load() {
    const { from, to } = window_();
    const mine = ++request;
    setText(info, 'loading…');
    try {
      const [body] = await Promise.all([
        getJson(`/api/timeline?series=${encodeURIComponent(series)}&from=${from.toFixed(3)}&to=${to.toFixed(3)}&points=${points()}&missing=empty`),
        uPlotReady,
      ]);
      if (mine !== request) return;
      arrived = performance.now();
      data = { t: [], avg: [], min: [], max: [], events: body.events ?? [], from: body.from, to: body.to, tier: body.tier };
      append(body.points);
      lastFetch = Date.now();
      draw();
      setText(info, `${body.points.length} points · ${body.tier} tier`);
    } catch (e) {
      if (mine !== request) return;
      data = { t: [], avg: [], min: [], max: [], events: [], from, to };
      await uPlotReady;
      draw();
      setText(info, e.message);
    }
    for (const b of buttons) b.dataset.active = String(!zoom && Number(b.dataset.range) === range);
  }

  function append(list) {
    const last = data.t.length ? data.t[data.t.length - 1] : -Infinity;
    for (const p of list) {
      if (p.t <= last) continue;
      data.t.push(p.t);
      data.avg.push(p.avg);
      data.min.push(p.min);
      data.max.push(p.max);
    }
  }

  /** While live: fetch only what came after the last point, and drop what scrolled out. */
  async function scroll(now) {
    if (zoom || fetching || !store.signedIn) return;
    const step = Math.max(2, range / points());
    if (Date.now() - lastFetch < step * 1000) return;
    if (range >= 21600 || !data.t.length) {
      lastFetch = Date.now();
      return load();
    }
    fetching = true;
    lastFetch = Date.now();
    const from = data.t[data.t.length - 1] + 0.001;
    const mine = request;
    try {
      const body = await getJson(`/api/timeline?series=${encodeURIComponent(series)}&from=${from.toFixed(3)}&to=${now.toFixed(3)}&points=${Math.max(2, Math.ceil((now - from) / step) + 2)}&missing=empty`);
      if (mine !== request || !store.isLive()) return;
      append(body.points);
      for (const e of body.events ?? []) if (!data.events.some((x) => x.id === e.id)) data.events.push(e);
      data.to = now;
      data.from = now - range;
      let drop = 0;
      while (drop < data.t.length && data.t[drop] < data.from) drop++;
      if (drop) for (const k of ['t', 'avg', 'min', 'max']) data[k].splice(0, drop);
      data.events = data.events.filter((e) => e.t >= data.from);
      arrived = performance.now();
      draw();
    } catch {
      // The next tick tries again; the connection state shows what is wrong.
    } finally {
      fetching = false;
    }
  }

  function colors() {
    const s = getComputedStyle(document.documentElement);
    return { line: s.getPropertyValue('--accent').trim(), band: s.getPropertyValue('--band').trim(), grid: s.getPropertyValue('--grid').trim(), text: s.getPropertyValue('--muted').trim(), scrub: s.getPropertyValue('--scrub').trim() };
  }

  function makePlot() {
    const c = colors();
    const unit = units.get(series.replace(/\{.*$/, '')) ?? '';
    const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
    plot?.destroy();
    plotSeries = series;
    plot = new uPlot({
      width: Math.max(200, chart.clientWidth || 600),
      height: Math.max(140, chart.clientHeight || 220),
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
        draw: [drawMarks],
        setSelect: [(u) => {
          if (u.select.width > 4) {
            zoom = { from: u.posToVal(u.select.left, 'x'), to: u.posToVal(u.select.left + u.select.width, 'x') };
            u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
            load();
          }
        }],
        setCursor: [showTip],
      },
    }, [[], [], [], []], chart);
    let downX = null;
    plot.over.addEventListener('mousedown', (e) => { downX = e.offsetX; });
    plot.over.addEventListener('mouseup', (e) => {
      if (downX !== null && Math.abs(e.offsetX - downX) <= 3) onScrub(plot.posToVal(e.offsetX, 'x'));
      downX = null;
    });
    plot.over.addEventListener('mouseleave', () => { tip.hidden = true; });
  }

  function drawMarks(u) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    for (const e of data.events) {
      const x = Math.round(u.valToPos(e.t, 'x', true));
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.strokeStyle = LEVEL_COLORS[e.level] ?? LEVEL_COLORS.info;
      ctx.globalAlpha = 0.8;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fillRect(x - 3 * devicePixelRatio, top, 6 * devicePixelRatio, 6 * devicePixelRatio);
    }
    const frozen = store.frozen?.time;
    if (frozen) {
      const x = Math.round(u.valToPos(frozen, 'x', true));
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colors().scrub;
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
    if (arrived) {
      const ms = performance.now() - arrived;
      arrived = 0;
      const m = (globalThis.__aura ??= {});
      m.timelineDrawMs = ms;
      m.timelinePoints = data.t.length;
      m.timelineRange = range;
      m.timelineZoom = zoom ? zoom.to - zoom.from : null;
      m.timelineEvents = data.events.map((e) => e.id);
    }
  }

  function showTip(u) {
    const left = u.cursor.left;
    if (left === undefined || left < 0) { tip.hidden = true; return; }
    const t = u.posToVal(left, 'x');
    const near = data.events.find((e) => Math.abs(u.valToPos(e.t, 'x') - left) <= 4);
    const i = u.cursor.idx;
    const unit = units.get(series.replace(/\{.*$/, '')) ?? '';
    const value = i !== null && i !== undefined && data.t[i] !== undefined ? byUnit(data.avg[i], unit) : '';
    tip.replaceChildren(
      h('div', { text: `${dateTime(t)}${value ? ` · ${value}` : ''}` }),
      near ? h('div', { class: 'tip-event', dataset: { level: near.level } }, `${near.level} ${near.source}/${near.event_type}: `, near.message ?? '') : null);
    tip.style.transform = `translate(${Math.min(left + 12, chart.clientWidth - 220)}px, 8px)`;
    tip.hidden = false;
  }

  function draw() {
    if (!plot || plotSeries !== series) makePlot();
    const { from, to } = zoom ?? { from: data.from, to: data.to };
    plot.batch(() => {
      plot.setData([data.t, data.avg, data.min, data.max], false);
      plot.setScale('x', { min: from, max: to });
    });
    scrubber.min = String(Math.floor(from));
    scrubber.max = String(Math.ceil(to));
    if (store.isLive()) {
      scrubber.value = scrubber.max;
      setText(scrubLabel, `live · ${clock(to)}`);
    }
  }

  new ResizeObserver(() => {
    if (plot && chart.clientWidth) plot.setSize({ width: chart.clientWidth, height: Math.max(140, chart.clientHeight) });
  }).observe(chart);

  function setOptions(catalog, view) {
    units = new Map(catalog.map((s) => [s.name, s.unit]));
    const options = [];
    const add = (key, label) => { if (!options.some((o) => o[0] === key)) options.push([key, label]); };
    add('aura_cpu_usage_ratio', 'CPU');
    add('aura_memory_used_ratio', 'Memory');
    add('aura_swap_used_ratio', 'Swap');
    add('aura_temperature_hottest_celsius', 'Hottest temperature');
    for (const c of view?.cpu.cores ?? []) add(`aura_cpu_core_usage_ratio{cpu="${c.id}"}`, `CPU ${c.id}`);
    for (const d of view?.disks ?? []) {
      add(`aura_disk_read_bytes_per_second{device="${d.name}"}`, `${d.name} read`);
      add(`aura_disk_write_bytes_per_second{device="${d.name}"}`, `${d.name} write`);
    }
    for (const n of view?.nets ?? []) {
      add(`aura_network_receive_bytes_per_second{interface="${n.name}"}`, `${n.name} in`);
      add(`aura_network_transmit_bytes_per_second{interface="${n.name}"}`, `${n.name} out`);
    }
    for (const s of catalog) {
      if (s.labels.length === 0 && s.kind === 'gauge') add(s.name, s.help.replace(/\.$/, ''));
      if (s.labels.length === 1 && s.labels[0] === 'gpu') (view?.gpus ?? []).forEach((g, i) => add(`${s.name}{gpu="${g.index ?? i}"}`, `GPU ${g.index ?? i} ${s.name.replace(/^aura_gpu_/, '').replace(/_/g, ' ')}`));
    }
    if (!options.some((o) => o[0] === series)) add(series, series);
    select.replaceChildren(...options.map(([key, label]) => h('option', { value: key, text: label, selected: key === series })));
  }

  return {
    el,
    setOptions,
    load,
    redraw: () => plot && plot.redraw(false),
    retheme: () => { if (plot) { makePlot(); draw(); } },
    render(view) {
      if (store.isLive()) scroll(view.time);
      else {
        scrubber.value = String(Math.round(view.time));
        setText(scrubLabel, `frozen at ${dateTime(view.time)}`);
        plot?.redraw(false);
      }
    },
  };
}
