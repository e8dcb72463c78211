import { h } from './dom.js';

export const LAYOUT = 'aura.layout.v1';
const KEY = LAYOUT;

export const DEFAULT_LAYOUT = {
  slots: { main: ['overview', 'gpus', 'jetson'], side: ['processes', 'controls'], bottom: ['timeline', 'events'] },
  active: { main: 'overview', side: 'processes', bottom: 'timeline' },
};

const SLOT_NAMES = { main: 'Main', side: 'Side', bottom: 'Bottom' };

/**
 * Panels in three dock slots, each slot a group of tabs. A tab moves to another slot by dragging it onto that slot's
 * tab strip or with the slot's "Move" menu; the layout (and each panel's own settings) persists in localStorage.
 */
export class Dock {
  constructor(root, panels, titles) {
    this.root = root;
    this.panels = panels;
    this.titles = titles;
    this.hidden = new Set();
    this.layout = this.read();
    this.slots = {};
    for (const section of root.querySelectorAll('[data-slot]')) {
      const name = section.dataset.slot;
      const tabs = h('div', { class: 'tabs', role: 'tablist' });
      const move = h('select', { class: 'move', 'aria-label': `Move the ${SLOT_NAMES[name]} slot's panel to another slot`, title: 'Move this panel to another slot' });
      move.addEventListener('change', () => {
        if (move.value) this.move(this.layout.active[name], move.value);
        move.value = '';
      });
      const body = h('div', { class: 'slot-body' });
      section.append(h('div', { class: 'slot-head' }, tabs, move), body);
      tabs.addEventListener('dragover', (e) => { e.preventDefault(); section.dataset.drop = 'true'; });
      tabs.addEventListener('dragleave', () => { delete section.dataset.drop; });
      tabs.addEventListener('drop', (e) => {
        e.preventDefault();
        delete section.dataset.drop;
        const id = e.dataTransfer.getData('text/x-aura-panel');
        if (id) this.move(id, name);
      });
      this.slots[name] = { section, tabs, body, move };
    }
    this.render();
  }

  read() {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
      if (saved?.slots) {
        // Keep every known panel exactly once, whatever an older layout held.
        const known = new Set(Object.keys(this.panels));
        const placed = new Set();
        const slots = {};
        for (const name of Object.keys(DEFAULT_LAYOUT.slots)) {
          slots[name] = (saved.slots[name] ?? []).filter((id) => known.has(id) && !placed.has(id) && placed.add(id));
        }
        for (const id of known) if (!placed.has(id)) slots[defaultSlot(id)].push(id);
        return { slots, active: { ...DEFAULT_LAYOUT.active, ...saved.active }, settings: saved.settings ?? {} };
      }
    } catch {
      // A broken saved layout falls back to the default.
    }
    return structuredClone({ ...DEFAULT_LAYOUT, settings: {} });
  }

  save() {
    localStorage.setItem(KEY, JSON.stringify(this.layout));
  }

  reset() {
    const settings = this.layout.settings;
    this.layout = structuredClone({ ...DEFAULT_LAYOUT, settings });
    this.save();
    this.render();
  }

  settings(id) {
    return (this.layout.settings[id] ??= {});
  }

  move(id, slot) {
    for (const list of Object.values(this.layout.slots)) {
      const i = list.indexOf(id);
      if (i >= 0) list.splice(i, 1);
    }
    this.layout.slots[slot].push(id);
    this.layout.active[slot] = id;
    this.save();
    this.render();
  }

  activate(slot, id) {
    this.layout.active[slot] = id;
    this.save();
    this.render();
  }

  setHidden(id, hidden) {
    if (hidden === this.hidden.has(id)) return;
    if (hidden) this.hidden.add(id); else this.hidden.delete(id);
    this.render();
  }

  isShown(id) {
    for (const [slot, list] of Object.entries(this.layout.slots)) if (list.includes(id)) return this.visibleActive(slot) === id;
    return false;
  }

  visibleActive(slot) {
    const list = this.layout.slots[slot].filter((id) => !this.hidden.has(id));
    return list.includes(this.layout.active[slot]) ? this.layout.active[slot] : list[0];
  }

  render() {
    for (const [slot, { section, tabs, body, move }] of Object.entries(this.slots)) {
      const ids = this.layout.slots[slot].filter((id) => !this.hidden.has(id));
      const active = this.visibleActive(slot);
      section.hidden = ids.length === 0;
      tabs.replaceChildren(...ids.map((id) => {
        const tab = h('button', {
          type: 'button', class: 'tab', role: 'tab', draggable: 'true', dataset: { panel: id },
          'aria-selected': String(id === active), onclick: () => this.activate(slot, id),
        }, this.titles[id]);
        tab.addEventListener('dragstart', (e) => e.dataTransfer.setData('text/x-aura-panel', id));
        return tab;
      }));
      move.replaceChildren(h('option', { value: '', text: 'Move…' }),
        ...Object.keys(this.slots).filter((s) => s !== slot).map((s) => h('option', { value: s, text: `to ${SLOT_NAMES[s]}` })));
      move.hidden = !active;
      for (const id of this.layout.slots[slot]) {
        const el = this.panels[id].el;
        if (el.parentElement !== body) body.append(el);
        el.hidden = id !== active;
        el.dataset.panel = id;
        el.classList.add('panel');
      }
    }
    // Empty slots fold away and their neighbours take the room (see .dock[data-empty] in styles.css).
    this.root.dataset.empty = Object.entries(this.slots).filter(([, s]) => s.section.hidden).map(([name]) => name).join(' ');
    this.root.dataset.layout = Object.entries(this.layout.slots).map(([s, l]) => `${s}:${l.join(',')}`).join(';');
    this.onRender?.();
  }
}

function defaultSlot(id) {
  for (const [slot, list] of Object.entries(DEFAULT_LAYOUT.slots)) if (list.includes(id)) return slot;
  return 'main';
}
