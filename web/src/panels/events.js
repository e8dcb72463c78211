import { getJson } from '../api.js';
import { h, setText } from '../dom.js';
import { clock } from '../format.js';
import { Socket } from '../socket.js';

const MAX = 500;

/**
 * The event log's live tail over WS /ws (the session cookie authenticates it), after one GET /events for the recent
 * past. Filters by source, type and level and a text search, all in the page. Every field is set as text.
 */
export function eventsPanel() {
  const events = [];
  const seen = { source: new Set(), type: new Set() };
  const source = h('select', { 'aria-label': 'Source', dataset: { filter: 'source' } }, h('option', { value: '', text: 'all sources' }));
  const type = h('select', { 'aria-label': 'Type', dataset: { filter: 'type' } }, h('option', { value: '', text: 'all types' }));
  const level = h('select', { 'aria-label': 'Level', dataset: { filter: 'level' } },
    ['', 'debug', 'info', 'warn', 'error'].map((l) => h('option', { value: l, text: l || 'all levels' })));
  const search = h('input', { type: 'search', placeholder: 'Search messages', 'aria-label': 'Search', dataset: { filter: 'search' } });
  const state = h('span', { class: 'conn small', dataset: { state: 'connecting' }, text: 'connecting' });
  const count = h('span', { class: 'muted' });
  const list = h('ol', { class: 'event-list' });
  const el = h('div', { class: 'events' },
    h('div', { class: 'toolbar' }, source, type, level, search, count, state),
    list);
  for (const input of [source, type, level]) input.addEventListener('change', rerender);
  search.addEventListener('input', rerender);

  function matches(e) {
    const q = search.value.trim().toLowerCase();
    return (!source.value || e.source === source.value)
      && (!type.value || e.event_type === type.value)
      && (!level.value || e.level === level.value)
      && (!q || `${e.message ?? ''} ${e.source} ${e.event_type} ${JSON.stringify(e.data ?? {})}`.toLowerCase().includes(q));
  }

  function row(e) {
    const t = Date.parse(e.timestamp) / 1000;
    return h('li', { class: 'event', dataset: { level: e.level, id: String(e.id) } },
      h('time', { text: clock(t), title: e.timestamp }),
      h('span', { class: 'level', text: e.level }),
      h('span', { class: 'source', text: e.source }),
      h('span', { class: 'type', text: e.event_type }),
      h('span', { class: 'message', text: e.message ?? '' }));
  }

  function note(kind, value, select) {
    if (seen[kind].has(value)) return;
    seen[kind].add(value);
    select.append(h('option', { value, text: value }));
  }

  function add(e, prepend) {
    note('source', e.source, source);
    note('type', e.event_type, type);
    if (prepend) events.unshift(e); else events.push(e);
    if (events.length > MAX) events.length = MAX;
  }

  function rerender() {
    list.replaceChildren(...events.filter(matches).map(row));
    setText(count, `${list.childElementCount} shown`);
  }

  function receive(message) {
    if (message.type !== 'event' || !message.event) return;
    if (events.some((x) => x.id === message.event.id)) return;
    add(message.event, true);
    if (matches(message.event)) {
      list.prepend(row(message.event));
      while (list.childElementCount > MAX) list.lastChild.remove();
      setText(count, `${list.childElementCount} shown`);
    }
  }

  async function start() {
    new Socket('/ws', {
      onMessage: receive,
      onState: (s, detail) => {
        state.dataset.state = s;
        setText(state, s === 'open' ? 'live' : s === 'retrying' ? `reconnecting in ${Math.round(detail.wait / 1000)} s` : s);
      },
    }).start();
    try {
      const body = await getJson('/events?limit=200');
      for (const e of body.events) if (!events.some((x) => x.id === e.id)) add(e, false);
      events.sort((a, b) => b.id - a.id);
      rerender();
    } catch (e) {
      setText(count, `history unavailable: ${e.message}`);
    }
  }

  return { el, start, render() {} };
}
