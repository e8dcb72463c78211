import { h } from './dom.js';

/** An in-page confirmation (no window.confirm): resolves true only on the confirm button. */
export function confirmDialog(title, text, action) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm' },
      h('h3', { text: title }),
      h('p', { text }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn', onclick: () => done(false) }, 'Cancel'),
        h('button', { type: 'button', class: 'btn primary', dataset: { confirm: '' }, onclick: () => done(true) }, action)));
    function done(ok) {
      dialog.close();
      dialog.remove();
      resolve(ok);
    }
    dialog.addEventListener('cancel', () => done(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}
