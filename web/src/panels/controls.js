import { ApiError, getJson, postJson } from '../api.js';
import { confirmDialog } from '../confirm.js';
import { h } from '../dom.js';

/**
 * Hardware controls from GET /api/v1/controls: current value, a guarded change (confirm first), and the server's
 * reason when it refuses. A 404 means this server has no controls: the panel stays hidden.
 */
export function controlsPanel(onAvailability) {
  const list = h('div', { class: 'controls-list' });
  const status = h('p', { class: 'muted' });
  const el = h('div', { class: 'controls' }, status, list);
  let available = false;

  async function load() {
    try {
      const controls = await getJson('/api/v1/controls');
      available = controls.some((c) => c.supported);
      status.textContent = available ? '' : 'This machine has no controls it can set.';
      list.replaceChildren(...controls.map(row));
    } catch (e) {
      available = false;
      if (!(e instanceof ApiError && e.status === 404)) status.textContent = `Controls could not be read: ${e.message}`;
    }
    onAvailability(available);
  }

  function row(c) {
    const message = h('div', { class: 'control-message', role: 'status' });
    const current = h('span', { class: 'control-value', text: `${c.value ?? '—'}${c.unit ? ` ${c.unit}` : ''}` });
    const input = editor(c);
    const disabled = !c.supported || c.readonly;
    input.disabled = disabled;
    const apply = h('button', { type: 'button', class: 'btn', disabled }, 'Set');
    apply.addEventListener('click', async () => {
      const value = String(input.value);
      const ok = await confirmDialog(`Change ${c.name}?`, `Set ${c.name} from ${c.value ?? '—'} to ${value}${c.unit ? ` ${c.unit}` : ''}. This changes the hardware.`, 'Change it');
      if (!ok) return;
      message.textContent = 'Applying…';
      message.dataset.kind = '';
      try {
        const changed = await postJson('/api/v1/controls', { control: c.name, value });
        c.value = changed.value ?? value;
        current.textContent = `${c.value}${c.unit ? ` ${c.unit}` : ''}`;
        message.textContent = 'Done.';
      } catch (e) {
        message.dataset.kind = 'error';
        message.textContent = e instanceof ApiError ? `Refused: ${e.message}` : `Failed: ${e.message}`;
      }
    });
    const note = !c.supported ? 'not supported on this machine' : c.readonly ? 'read only' : c.requires_sudo ? 'needs root' : '';
    return h('div', { class: 'control', dataset: { control: c.name } },
      h('div', { class: 'control-head' }, h('strong', { text: c.name }), current, note ? h('span', { class: 'pill', text: note }) : null),
      c.description ? h('p', { class: 'muted', text: c.description }) : null,
      h('div', { class: 'control-edit' }, input, apply),
      message);
  }

  function editor(c) {
    if (Array.isArray(c.options) && c.options.length) {
      return h('select', {}, c.options.map((o) => h('option', { value: o, selected: String(o) === String(c.value), text: o })));
    }
    if (c.min !== null && c.min !== undefined && c.max !== null && c.max !== undefined) {
      return h('input', { type: 'number', min: c.min, max: c.max, step: c.step ?? 1, value: c.value ?? c.min });
    }
    return h('input', { type: 'text', value: c.value ?? '' });
  }

  return { el, load, render() {}, available: () => available };
}
