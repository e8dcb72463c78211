// Same-origin requests only; the session cookie rides along. Errors carry the server's problem detail.
export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail);
    this.status = status;
    this.body = body;
  }
}

export async function getJson(path, { signal, preloaded = false } = {}) {
  // A preloaded request (index.html's <link rel=preload>) is only reused when this one matches it: no extra headers.
  const response = await fetch(path, preloaded ? {} : { headers: { Accept: 'application/json' }, signal, credentials: 'same-origin' });
  return read(response);
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  return read(response);
}

async function read(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    const detail = body?.detail ?? body?.message ?? body?.error ?? `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, typeof detail === 'string' ? detail : JSON.stringify(detail), body);
  }
  return body;
}

export function wsUrl(path) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
