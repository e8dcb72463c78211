// The timeline's data: the points of one series over a window, kept in uPlot's column order, grown by the live
// scroll and trimmed as the window moves. No DOM here, so it is unit tested in node.

export const RANGES = [
  ['5m', 300], ['15m', 900], ['1h', 3600], ['6h', 21600], ['24h', 86400], ['7d', 604800], ['30d', 2592000],
];

/** The /api/timeline request for one series over [from, to] at most `points` points; empty when never recorded. */
export function timelineUrl(series, from, to, points) {
  const query = new URLSearchParams({ series, from: from.toFixed(3), to: to.toFixed(3), points: String(points), missing: 'empty' });
  return `/api/timeline?${query}`;
}

export class TimelineData {
  constructor(from = 0, to = 0) {
    this.reset(from, to);
  }

  /** Starts over with the answer to one request (or nothing, over [from, to]). */
  reset(from, to, body = null) {
    this.t = [];
    this.avg = [];
    this.min = [];
    this.max = [];
    this.events = body?.events ?? [];
    this.from = body?.from ?? from;
    this.to = body?.to ?? to;
    this.tier = body?.tier ?? null;
    if (body) this.append(body.points);
  }

  get last() {
    return this.t.length ? this.t[this.t.length - 1] : null;
  }

  /** Adds points later than the last one (an overlapping answer adds nothing twice). */
  append(points) {
    const last = this.last ?? -Infinity;
    for (const p of points) {
      if (p.t <= last) continue;
      this.t.push(p.t);
      this.avg.push(p.avg);
      this.min.push(p.min);
      this.max.push(p.max);
    }
  }

  /** Adds events not yet shown (the live scroll's answers overlap by a point). */
  addEvents(events) {
    for (const e of events) if (!this.events.some((x) => x.id === e.id)) this.events.push(e);
  }

  /** Moves the window to [to - range, to], dropping points and events that scrolled out. */
  slide(to, range) {
    this.to = to;
    this.from = to - range;
    let drop = 0;
    while (drop < this.t.length && this.t[drop] < this.from) drop++;
    if (drop) for (const column of [this.t, this.avg, this.min, this.max]) column.splice(0, drop);
    this.events = this.events.filter((e) => e.t >= this.from);
  }

  /** The columns uPlot draws: time, average, min, max. */
  columns() {
    return [this.t, this.avg, this.min, this.max];
  }
}
