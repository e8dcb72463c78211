// What the cockpit's tests and benchmarks read from the page (globalThis.__aura): first paint, long tasks, and the
// timeline's draw time and contents. Render code calls these hooks at its milestones; nothing here changes the page.
const metrics = (globalThis.__aura ??= {});

/** Starts counting long tasks (main-thread blocks over 50 ms) where the browser reports them. */
export function watchLongTasks() {
  metrics.longTasks = [];
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) metrics.longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
}

/** The first render with data: the page is ready. */
export function firstPaint() {
  if (metrics.firstPaint) return;
  metrics.firstPaint = performance.now();
  document.documentElement.dataset.ready = 'true';
}

let arrived = 0;

/** Timeline data came back; the next drawTimeline() measures from here. */
export function timelineArrived() {
  arrived = performance.now();
}

/** The timeline finished drawing what arrived: how long that took, and what it shows. */
export function timelineDrawn(shown) {
  if (!arrived) return;
  metrics.timelineDrawMs = performance.now() - arrived;
  arrived = 0;
  metrics.timelinePoints = shown.points;
  metrics.timelineRange = shown.range;
  metrics.timelineZoom = shown.zoom;
  metrics.timelineEvents = shown.events;
}
