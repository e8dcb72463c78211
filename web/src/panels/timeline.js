import { getJson } from '../api.js';
import { h, setText } from '../dom.js';
import { clock, dateTime } from '../format.js';
import { timelineArrived, timelineDrawn } from '../measure.js';
import { familyOf } from '../series.js';
import { store } from '../store.js';
import { TimelineChart, uPlotReady } from '../timeline/chart.js';
import { RANGES, TimelineData, timelineUrl } from '../timeline/data.js';
import { seriesOptions } from '../timeline/options.js';

/**
 * Any recorded series over 5 minutes to 30 days from /api/timeline: average line, min/max band, event markers, drag to
 * zoom, and a scrubber. A click or the scrubber freezes the cockpit at that moment (onScrub); while live the window
 * scrolls by asking only for what is new since its last point.
 */
export function timelinePanel({ onScrub: freezeAt, settings, save }) {
  let series = settings.series ?? 'aura_cpu_usage_ratio';
  let range = settings.range ?? 900;
  let zoom = null;
  let data = new TimelineData();
  let units = new Map([['aura_cpu_usage_ratio', 'ratio']]);
  let fetching = false;
  let lastFetch = 0;
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
  const chartEl = h('div', { class: 'chart' });
  const tip = h('div', { class: 'chart-tip', hidden: true });
  const scrubber = h('input', { type: 'range', class: 'scrubber', 'aria-label': 'Scrub through time', min: 0, max: 1, step: 1, value: 1 });
  const scrubLabel = h('span', { class: 'scrub-label muted' });
  const el = h('div', { class: 'timeline' },
    h('div', { class: 'toolbar' }, select, h('div', { class: 'segs', role: 'group', 'aria-label': 'Range' }, buttons), info),
    h('div', { class: 'chart-wrap' }, chartEl, tip),
    h('div', { class: 'scrub-row' }, scrubber, scrubLabel));
  const chart = new TimelineChart(chartEl, tip, {
    onZoom: (window) => { zoom = window; load(); },
    onScrub,
    onDrawn: () => timelineDrawn({ points: data.t.length, range, zoom: zoom ? zoom.to - zoom.from : null, events: data.events.map((e) => e.id) }),
  });

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

  function shownWindow() {
    if (zoom) return zoom;
    const to = store.isLive() ? Date.now() / 1000 : (data.to || Date.now() / 1000);
    return { from: to - range, to };
  }

  function points() {
    return Math.max(200, Math.min(2000, Math.round(chartEl.clientWidth || 800)));
  }

  async function load() {
    const { from, to } = shownWindow();
    const mine = ++request;
    setText(info, 'loading…');
    try {
      const [body] = await Promise.all([getJson(timelineUrl(series, from, to, points())), uPlotReady]);
      if (mine !== request) return;
      timelineArrived();
      data = new TimelineData();
      data.reset(from, to, body);
      lastFetch = Date.now();
      draw();
      setText(info, `${body.points.length} points · ${body.tier} tier`);
    } catch (e) {
      if (mine !== request) return;
      data = new TimelineData(from, to);
      await uPlotReady;
      draw();
      setText(info, e.message);
    }
    for (const b of buttons) b.dataset.active = String(!zoom && Number(b.dataset.range) === range);
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
    const from = data.last + 0.001;
    const mine = request;
    try {
      const body = await getJson(timelineUrl(series, from, now, Math.max(2, Math.ceil((now - from) / step) + 2)));
      if (mine !== request || !store.isLive()) return;
      data.append(body.points);
      data.addEvents(body.events ?? []);
      data.slide(now, range);
      timelineArrived();
      draw();
    } catch {
      // The next tick tries again; the connection state shows what is wrong.
    } finally {
      fetching = false;
    }
  }

  function draw() {
    const { from, to } = zoom ?? { from: data.from, to: data.to };
    chart.draw(data, { series, unit: units.get(familyOf(series)) ?? '', from, to, frozenAt: store.frozen?.time ?? null });
    scrubber.min = String(Math.floor(from));
    scrubber.max = String(Math.ceil(to));
    if (store.isLive()) {
      scrubber.value = scrubber.max;
      setText(scrubLabel, `live · ${clock(to)}`);
    }
  }

  new ResizeObserver(() => {
    if (chartEl.clientWidth) chart.resize(chartEl.clientWidth, chartEl.clientHeight);
  }).observe(chartEl);

  function setOptions(catalog, view) {
    units = new Map(catalog.map((s) => [s.name, s.unit]));
    select.replaceChildren(...seriesOptions(catalog, view, series).map(([key, label]) => h('option', { value: key, text: label, selected: key === series })));
  }

  return {
    el,
    setOptions,
    load,
    redraw: () => chart.redraw(store.frozen?.time ?? null),
    retheme: () => { chart.retheme(); if (chart.plot) draw(); },
    render(view) {
      if (store.isLive()) scroll(view.time);
      else {
        scrubber.value = String(Math.round(view.time));
        setText(scrubLabel, `frozen at ${dateTime(view.time)}`);
        chart.redraw(view.time);
      }
    },
  };
}
