import { wsUrl } from './api.js';

/**
 * A WebSocket that comes back: on a drop it waits 0.5 s, then doubles up to 10 s, and says what it is doing through
 * onState('open' | 'connecting' | 'retrying' | 'closed', detail).
 */
export class Socket {
  constructor(path, { onMessage, onState, onOpen }) {
    this.path = path;
    this.onMessage = onMessage;
    this.onState = onState ?? (() => {});
    this.onOpen = onOpen ?? (() => {});
    this.delay = 500;
    this.stopped = false;
    this.ws = null;
    this.timer = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close(1000);
    this.ws = null;
    this.onState('closed');
  }

  send(message) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  connect() {
    this.onState('connecting');
    const ws = new WebSocket(wsUrl(this.path));
    this.ws = ws;
    ws.onopen = () => {
      this.delay = 500;
      this.onState('open');
      this.onOpen(this);
    };
    ws.onmessage = (e) => {
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      this.onMessage(data);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws || this.stopped) return;
      const wait = this.delay;
      this.delay = Math.min(this.delay * 2, 10_000);
      this.onState('retrying', { wait, reason: e.reason || (e.code === 1006 ? 'connection lost' : `closed ${e.code}`) });
      this.timer = setTimeout(() => this.connect(), wait);
    };
  }
}
