/**
 * A minimal Direct Line 3.0 client for the protocol tests: plain fetch for REST, the `ws` client
 * for the stream. It speaks to the service as Web Chat's DirectLineJS does.
 */
import WebSocket from 'ws';

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  timestamp?: string;
  replyToId?: string;
  channelId?: string;
  from?: { id: string; name?: string; role?: string };
  conversation?: { id: string };
  channelData?: { clientActivityID?: string; support?: Record<string, unknown> };
  suggestedActions?: { actions: Array<{ type: string; title: string; value?: string; text?: string; displayText?: string }> };
  [k: string]: unknown;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export async function call<T = any>(base: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/v3/directline${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T };
}

export interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
  expires_in: number;
}

/** tokens/generate, then conversations: what the customer page does on a first visit. */
export async function startConversation(base: string, locale = 'en-TW'): Promise<Started> {
  const gen = await call<{ token: string }>(base, 'POST', '/tokens/generate');
  if (gen.status !== 200) throw new Error(`tokens/generate answered ${gen.status}`);
  const conv = await call<Started>(base, 'POST', '/conversations', { token: gen.body.token, body: { locale } });
  if (conv.status !== 201) throw new Error(`conversations answered ${conv.status}`);
  return conv.body;
}

let seq = 0;
export function message(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    text,
    locale: 'en-TW',
    from: { id: 'ignored-by-the-server', role: 'user' },
    channelData: { clientActivityID: `client-${Date.now()}-${seq}` },
    ...extra,
  };
}

export async function say(base: string, c: Started, text: string, extra: Record<string, unknown> = {}): Promise<Answer<{ id: string }>> {
  return call(base, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, body: message(text, extra) });
}

export async function activities(base: string, c: Started, watermark?: string): Promise<{ activities: DlActivity[]; watermark?: string }> {
  const q = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
  const res = await call<{ activities: DlActivity[]; watermark?: string }>(base, 'GET', `/conversations/${c.conversationId}/activities${q}`, { token: c.token });
  if (res.status !== 200) throw new Error(`GET activities answered ${res.status}`);
  return res.body;
}

export interface Frame {
  activities: DlActivity[];
  watermark: string;
}

export interface Stream {
  frames: Frame[];
  /** Every activity received so far, in order. */
  readonly activities: DlActivity[];
  /** Resolves once an activity matching `pred` has arrived (or rejects after timeoutMs). */
  waitFor(pred: (a: DlActivity) => boolean, timeoutMs?: number): Promise<DlActivity>;
  pings: number;
  close(): Promise<void>;
}

/** Open a streamUrl; rejects with the HTTP status when the upgrade is refused. */
export function openStream(streamUrl: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl);
    const frames: Frame[] = [];
    let waiters: Array<() => boolean> = [];
    const stream: Stream = {
      frames,
      get activities() {
        return frames.flatMap((f) => f.activities);
      },
      pings: 0,
      waitFor(pred, timeoutMs = 5000) {
        return new Promise((res, rej) => {
          const check = () => {
            const found = stream.activities.find(pred);
            if (found) {
              clearTimeout(timer);
              res(found);
              return true;
            }
            return false;
          };
          const timer = setTimeout(() => rej(new Error(`no matching activity within ${timeoutMs} ms; got ${JSON.stringify(stream.activities.map((a) => a.text ?? a.type))}`)), timeoutMs);
          if (!check()) waiters.push(check);
        });
      },
      close: () =>
        new Promise<void>((res) => {
          if (ws.readyState === WebSocket.CLOSED) return res();
          ws.once('close', () => res());
          ws.close();
        }),
    };
    ws.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      frames.push(JSON.parse(text) as Frame);
      waiters = waiters.filter((w) => !w());
    });
    ws.on('ping', () => {
      stream.pings += 1;
    });
    ws.once('open', () => resolve(stream));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Wait until `fn` stops throwing (or rethrow after timeoutMs). */
export async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
