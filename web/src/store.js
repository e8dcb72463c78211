// The cockpit's one state: the live view, the frozen (scrubbed) view when there is one, short histories for the
// sparklines, and who is signed in. Panels subscribe and render whatever `shown()` returns.
const SPARK = 120;

class Ring {
  constructor(size) {
    this.values = new Float64Array(size).fill(NaN);
    this.next = 0;
    this.count = 0;
  }

  push(v) {
    this.values[this.next] = v ?? NaN;
    this.next = (this.next + 1) % this.values.length;
    this.count = Math.min(this.count + 1, this.values.length);
  }

  /** Oldest first. */
  forEach(fn) {
    const n = this.values.length;
    for (let i = 0; i < this.count; i++) fn(this.values[(this.next - this.count + i + n) % n], i);
  }
}

export const store = {
  signedIn: false,
  live: null,
  frozen: null,
  sparks: new Map(),
  listeners: new Set(),
  modeListeners: new Set(),

  shown() {
    return this.frozen ?? this.live;
  },

  isLive() {
    return this.frozen === null;
  },

  spark(key) {
    let ring = this.sparks.get(key);
    if (!ring) this.sparks.set(key, (ring = new Ring(SPARK)));
    return ring;
  },

  pushLive(view) {
    this.live = view;
    this.spark('cpu').push(view.cpu.usage);
    this.spark('memory').push(view.memory.ratio);
    this.spark('swap').push(view.swap.ratio);
    this.spark('temp').push(view.hottest?.celsius ?? null);
    view.gpus.forEach((g, i) => this.spark(`gpu${i}`).push(g.util));
    if (this.frozen === null) this.emit();
  },

  freeze(view) {
    this.frozen = view;
    this.emit();
    for (const fn of this.modeListeners) fn();
  },

  resume() {
    this.frozen = null;
    this.emit();
    for (const fn of this.modeListeners) fn();
  },

  emit() {
    const view = this.shown();
    if (!view) return;
    for (const fn of this.listeners) fn(view);
  },

  subscribe(fn) {
    this.listeners.add(fn);
    if (this.shown()) fn(this.shown());
  },

  onMode(fn) {
    this.modeListeners.add(fn);
  },
};
