import { getJson } from './api.js';
import { Dock, LAYOUT } from './dock.js';
import { h, setText } from './dom.js';
import { clock, dateTime } from './format.js';
import { firstPaint, watchLongTasks } from './measure.js';
import { fromClara, fromSnapshot, fromValues } from './model.js';
import { controlsPanel } from './panels/controls.js';
import { eventsPanel } from './panels/events.js';
import { gpusPanel } from './panels/gpus.js';
import { jetsonPanel } from './panels/jetson.js';
import { overviewPanel } from './panels/overview.js';
import { processesPanel } from './panels/processes.js';
import { timelinePanel } from './panels/timeline.js';
import { Socket } from './socket.js';
import { store } from './store.js';

performance.mark('aura:script');
const $ = (id) => document.getElementById(id);
const THEME = 'aura.theme';

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  localStorage.setItem(THEME, theme);
}
applyTheme(localStorage.getItem(THEME) === 'light' ? 'light' : 'dark');

watchLongTasks();

const titles = { overview: 'Overview', timeline: 'Timeline', processes: 'Processes', gpus: 'GPUs', jetson: 'Jetson', controls: 'Controls', events: 'Events' };
const panels = {
  overview: overviewPanel(),
  processes: processesPanel(),
  gpus: gpusPanel(),
  jetson: jetsonPanel(),
  events: eventsPanel(),
};
let dock;
panels.controls = controlsPanel((available) => dock?.setHidden('controls', !available));
let savedTimeline = {};
try { savedTimeline = JSON.parse(localStorage.getItem(LAYOUT) ?? 'null')?.settings?.timeline ?? {}; } catch { savedTimeline = {}; }
panels.timeline = timelinePanel({ onScrub: scrub, settings: savedTimeline, save: () => dock?.save() });
dock = new Dock($('dock'), panels, titles);
dock.layout.settings.timeline = savedTimeline;
dock.setHidden('gpus', true);
dock.setHidden('jetson', true);
dock.setHidden('controls', true);
// A panel that becomes visible catches up at once.
dock.onRender = () => {
  panels.timeline.redraw();
  if (store.shown()) queueMicrotask(() => store.emit());
};

$('theme').addEventListener('click', () => {
  applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
  panels.timeline.retheme();
  if (store.shown()) store.emit();
});
$('reset-layout').addEventListener('click', () => dock.reset());
$('go-live').addEventListener('click', () => store.resume());

store.subscribe((view) => {
  setText($('host'), view.host);
  if (store.isLive()) setText($('mode-label'), `Live · ${clock(view.time)}`);
  dock.setHidden('gpus', !panels.gpus.available(view));
  dock.setHidden('jetson', !panels.jetson.available(view));
  for (const [id, panel] of Object.entries(panels)) {
    if (id === 'timeline' || dock.isShown(id) || id === 'overview') panel.render(view);
  }
  firstPaint();
});

store.onMode(() => {
  const live = store.isLive();
  $('mode').dataset.mode = live ? 'live' : 'frozen';
  setText($('mode-label'), live ? `Live · ${clock(store.live.time)}` : `Frozen at ${dateTime(store.frozen.time)}`);
  $('go-live').hidden = live;
});

let scrubRequest = 0;
/** Freezes every panel at moment t: figures from the DVR at t, processes of that tick. */
async function scrub(t) {
  if (!store.signedIn) return;
  const mine = ++scrubRequest;
  const at = t.toFixed(3);
  // Marked while the newest scrub's answer is on its way (an older answer is dropped when it lands).
  $('mode').dataset.pending = '';
  try {
    const [values, processes] = await Promise.all([
      getJson(`/api/v1/values?at=${at}`),
      getJson(`/api/v1/processes?at=${at}`).catch(() => null),
    ]);
    if (mine !== scrubRequest) return;
    store.freeze(fromValues(values, processes, store.live));
  } catch (e) {
    if (mine !== scrubRequest) return;
    setText($('mode-label'), `Nothing recorded at ${dateTime(t)}: ${e.message}`);
  } finally {
    if (mine === scrubRequest) delete $('mode').dataset.pending;
  }
}

function connection(state, detail) {
  const el = $('conn');
  el.dataset.state = state;
  setText(el, state === 'open' ? 'connected' : state === 'retrying' ? `reconnecting in ${Math.round(detail.wait / 1000)} s (${detail.reason})` : state);
}

function showSignIn(session) {
  const notice = $('signin');
  notice.hidden = false;
  notice.replaceChildren(
    h('strong', { text: session.expired ? 'Your session has expired. ' : 'Not signed in. ' }),
    `Showing the public live stats only. Sign in with the link `,
    h('code', { text: 'aura serve' }),
    ` printed when it started (${location.origin}/?token=…) to see history, processes over time, events and controls.`);
  for (const id of ['timeline', 'events', 'controls']) dock.setHidden(id, true);
}

async function start() {
  const session = await getJson('/api/v1/session', { preloaded: true });
  performance.mark('aura:session');
  store.signedIn = session.signed_in && session.scopes.includes('read');
  if (!store.signedIn) {
    showSignIn(session);
    let previous = null;
    const push = (body) => {
      previous = fromClara(body, previous);
      store.pushLive(previous);
    };
    push(await getJson('/api/stats'));
    new Socket('/ws/stats', { onMessage: push, onState: connection }).start();
    return;
  }

  const first = await getJson('/api/v1/snapshot');
  performance.mark('aura:snapshot');
  store.pushLive(fromSnapshot(first));
  let checking = false;
  new Socket('/ws/v1/snapshot', {
    onMessage: (s) => store.pushLive(fromSnapshot(s)),
    onState: (state, detail) => {
      connection(state, detail);
      // A restarted daemon forgets every session: once it answers again, start over as the signed-out page says.
      if (state !== 'retrying' || checking) return;
      checking = true;
      getJson('/api/v1/session', { preloaded: true })
        .then((now) => { if (!now.signed_in) location.reload(); })
        .catch(() => {})
        .finally(() => { checking = false; });
    },
  }).start();
  if (session.history) {
    panels.timeline.load();
    getJson('/api/v1/series').then((catalog) => panels.timeline.setOptions(catalog, store.live)).catch(() => {});
  } else {
    dock.setHidden('timeline', true);
  }
  if (session.events) panels.events.start(); else dock.setHidden('events', true);
  if (session.controls > 0) panels.controls.load();
}

start().catch((e) => {
  connection('closed');
  const notice = $('signin');
  notice.hidden = false;
  notice.replaceChildren(h('strong', { text: 'Aura is not answering. ' }), e.message);
});
