/**
 * Loopback fakes of the LINE Messaging API and the WhatsApp Cloud API (http servers on
 * 127.0.0.1:0). They record every request, check credentials and the platform limits the way the
 * real APIs do (so a message the real platform would reject fails here too), and can be told to
 * fail the next calls. Plus helpers that sign webhook bodies like the platforms do.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  /** Status the fake answered with. */
  status: number;
}

export interface Failure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Check = (req: Recorded) => Failure | undefined;

export interface FakePlatform {
  url: string;
  requests: Recorded[];
  /** Requests the fake accepted (2xx). */
  accepted(): Recorded[];
  /** The next `times` requests to `path` (suffix match) fail with this answer. */
  failNext(path: string, failure: Failure, times?: number): void;
  /** Resolves when `predicate` holds over the recorded requests (polls; rejects after timeoutMs). */
  waitFor(predicate: (requests: Recorded[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function startFake(check: Check, ok: (req: Recorded) => unknown): Promise<FakePlatform> {
  const requests: Recorded[] = [];
  const failures: Array<{ path: string; failure: Failure; times: number }> = [];
  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep the text */
    }
    const rec: Recorded = { method: req.method ?? '', path: (req.url ?? '').split('?')[0]!, headers: req.headers, body, status: 0 };
    requests.push(rec);
    const planned = failures.find((f) => f.times > 0 && rec.path.endsWith(f.path));
    const failure = planned ? (planned.times--, planned.failure) : check(rec);
    if (failure) {
      rec.status = failure.status;
      return send(res, failure.status, failure.body, failure.headers);
    }
    rec.status = 200;
    send(res, 200, ok(rec));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    failNext(path, failure, times = 1) {
      failures.push({ path, failure, times });
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > until) throw new Error(`fake platform: condition not met within ${timeoutMs} ms (${requests.length} requests)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// LINE

export const LINE_SECRET = 'line-test-secret';
export const LINE_TOKEN = 'line-test-access-token';

export function lineSignature(body: string, secret = LINE_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

const lineError = (message: string): Failure => ({ status: 400, body: { message } });

/** POST /v2/bot/message/reply and /push with the checks the real API makes. Reply tokens are single-use. */
export async function startFakeLine(opts: { token?: string } = {}): Promise<FakePlatform & { usedTokens: Set<string> }> {
  const usedTokens = new Set<string>();
  const token = opts.token ?? LINE_TOKEN;
  const check: Check = (req) => {
    if (req.method !== 'POST' || !/^\/v2\/bot\/message\/(reply|push)$/.test(req.path)) return { status: 404, body: { message: 'Not found' } };
    if (req.headers.authorization !== `Bearer ${token}`) return { status: 401, body: { message: 'Authentication failed' } };
    const b = req.body as { replyToken?: string; to?: string; messages?: any[] };
    const msgs = Array.isArray(b?.messages) ? b.messages : [];
    if (msgs.length < 1 || msgs.length > 5) return lineError('Size must be between 1 and 5');
    for (const m of msgs) {
      if (m.type !== 'text' || typeof m.text !== 'string' || m.text.length < 1 || m.text.length > 5000) return lineError('The request body has 1 error(s)');
      const items = m.quickReply?.items;
      if (items !== undefined) {
        if (!Array.isArray(items) || items.length < 1 || items.length > 13) return lineError('quickReply.items: Size must be between 1 and 13');
        for (const it of items) {
          const a = it.action;
          if (typeof a?.label !== 'string' || a.label.length < 1 || a.label.length > 20) return lineError('label: Length must be between 1 and 20');
          if (a.type === 'message') {
            if (typeof a.text !== 'string' || a.text.length < 1 || a.text.length > 300) return lineError('text: Length must be between 1 and 300');
          } else if (a.type === 'postback') {
            if (typeof a.data !== 'string' || a.data.length < 1 || a.data.length > 300) return lineError('data: Length must be between 1 and 300');
            if (a.displayText !== undefined && (typeof a.displayText !== 'string' || a.displayText.length < 1 || a.displayText.length > 300)) return lineError('displayText: Length must be between 1 and 300');
          } else return lineError('action type not supported in this test fake');
        }
      }
    }
    if (req.path.endsWith('/reply')) {
      const t = b.replyToken ?? '';
      if (!t || t.startsWith('expired') || usedTokens.has(t)) return lineError('Invalid reply token');
      usedTokens.add(t);
    } else if (!b.to) return lineError('The property, \'to\', in the request body is invalid');
    return undefined;
  };
  const fake = await startFake(check, (req) => (req.path.endsWith('/push') ? { sentMessages: [{ id: randomUUID() }] } : {}));
  return Object.assign(fake, { usedTokens });
}

export interface LineSent {
  via: 'reply' | 'push';
  to?: string;
  replyToken?: string;
  text: string;
  /** Quick reply items: the button label, what the chat shows on tap, what the bot receives. */
  quickReply?: Array<{ label: string; shows: string; sends: string }>;
}

/** Messages LINE accepted (reply or push), flattened in order. */
export function lineMessages(fake: FakePlatform): LineSent[] {
  return fake.accepted().flatMap((r) =>
    (r.body.messages as any[]).map((m) => ({
      via: r.path.endsWith('/reply') ? ('reply' as const) : ('push' as const),
      to: r.body.to,
      replyToken: r.body.replyToken,
      text: m.text,
      quickReply: m.quickReply?.items.map((i: any) =>
        i.action.type === 'postback'
          ? { label: i.action.label, shows: i.action.displayText ?? '', sends: i.action.data }
          : { label: i.action.label, shows: i.action.text, sends: i.action.text },
      ),
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// WhatsApp

export const WA_VERIFY_TOKEN = 'wa-verify-token';
export const WA_APP_SECRET = 'wa-app-secret';
export const WA_TOKEN = 'wa-access-token';
export const WA_PHONE_ID = '1098765432';

export function whatsappSignature(body: string, secret = WA_APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const waError = (code: number, message: string, status = 400): Failure => ({
  status,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'fake' } },
});

/** POST /{phone-number-id}/messages with the Cloud API's limits on text, buttons and lists. */
export async function startFakeWhatsApp(opts: { token?: string; phoneNumberId?: string } = {}): Promise<FakePlatform> {
  const token = opts.token ?? WA_TOKEN;
  const phoneId = opts.phoneNumberId ?? WA_PHONE_ID;
  const check: Check = (req) => {
    if (req.method !== 'POST' || req.path !== `/${phoneId}/messages`) return waError(100, 'Unsupported post request', 400);
    if (req.headers.authorization !== `Bearer ${token}`) return waError(190, 'Invalid OAuth access token', 401);
    const b = req.body as any;
    if (b?.messaging_product !== 'whatsapp' || typeof b.to !== 'string') return waError(100, 'Invalid parameter');
    if (b.type === 'text') {
      const body = b.text?.body;
      if (typeof body !== 'string' || body.length < 1 || body.length > 4096) return waError(100, 'Param text[\'body\'] must be at most 4096 characters long');
      return undefined;
    }
    if (b.type !== 'interactive') return waError(100, 'Invalid parameter');
    const i = b.interactive;
    const text = i?.body?.text;
    if (typeof text !== 'string' || text.length < 1 || text.length > 1024) return waError(131009, 'Parameter value is not valid: body text');
    if (i.type === 'button') {
      const buttons = i.action?.buttons;
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return waError(131009, 'buttons: 1 to 3');
      const titles = new Set<string>();
      for (const x of buttons) {
        const t = x.reply?.title;
        if (x.type !== 'reply' || typeof t !== 'string' || t.length < 1 || t.length > 20) return waError(131009, 'Button title length invalid');
        if (typeof x.reply.id !== 'string' || x.reply.id.length < 1 || x.reply.id.length > 256) return waError(131009, 'Button id invalid');
        if (titles.has(t)) return waError(131009, 'Button titles must be unique');
        titles.add(t);
      }
      return undefined;
    }
    if (i.type === 'list') {
      const button = i.action?.button;
      if (typeof button !== 'string' || button.length < 1 || button.length > 20) return waError(131009, 'List button label invalid');
      const rows = (i.action?.sections ?? []).flatMap((s: any) => s.rows ?? []);
      if (rows.length < 1 || rows.length > 10) return waError(131009, 'Total row count exceeded');
      const ids = new Set<string>();
      for (const r of rows) {
        if (typeof r.title !== 'string' || r.title.length < 1 || r.title.length > 24) return waError(131009, 'Row title length invalid');
        if (r.description !== undefined && (typeof r.description !== 'string' || r.description.length > 72)) return waError(131009, 'Row description length invalid');
        if (typeof r.id !== 'string' || r.id.length < 1 || r.id.length > 200 || ids.has(r.id)) return waError(131009, 'Row id invalid');
        ids.add(r.id);
      }
      return undefined;
    }
    return waError(131009, 'Unsupported interactive type');
  };
  return startFake(check, (req) => ({
    messaging_product: 'whatsapp',
    contacts: [{ input: req.body.to, wa_id: req.body.to }],
    messages: [{ id: `wamid.${randomUUID()}` }],
  }));
}

export interface WaSent {
  to: string;
  kind: 'text' | 'buttons' | 'list';
  text: string;
  /** Button titles or list row titles. */
  titles: string[];
  /** Button or row ids (what a tap sends back). */
  ids: string[];
  descriptions: Array<string | undefined>;
  listButton?: string;
}

export function whatsappMessages(fake: FakePlatform, to?: string): WaSent[] {
  return fake
    .accepted()
    .map((r): WaSent => {
      const b = r.body;
      if (b.type === 'text') return { to: b.to, kind: 'text', text: b.text.body, titles: [], ids: [], descriptions: [] };
      const i = b.interactive;
      if (i.type === 'button') {
        return { to: b.to, kind: 'buttons', text: i.body.text, titles: i.action.buttons.map((x: any) => x.reply.title), ids: i.action.buttons.map((x: any) => x.reply.id), descriptions: [] };
      }
      const rows = i.action.sections.flatMap((s: any) => s.rows);
      return { to: b.to, kind: 'list', text: i.body.text, titles: rows.map((x: any) => x.title), ids: rows.map((x: any) => x.id), descriptions: rows.map((x: any) => x.description), listButton: i.action.button };
    })
    .filter((m) => !to || m.to === to);
}

// ---------------------------------------------------------------------------------------------
// Webhook bodies

let seq = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

export const line = {
  source: (userId: string) => ({ type: 'user', userId }),
  text(userId: string, text: string, extra: Record<string, unknown> = {}) {
    return { type: 'message', mode: 'active', timestamp: Date.now(), webhookEventId: nextId('01LINE'), replyToken: nextId('rt'), source: line.source(userId), deliveryContext: { isRedelivery: false }, message: { type: 'text', id: nextId(''), text }, ...extra };
  },
  follow(userId: string, extra: Record<string, unknown> = {}) {
    return { type: 'follow', mode: 'active', timestamp: Date.now(), webhookEventId: nextId('01LINE'), replyToken: nextId('rt'), source: line.source(userId), deliveryContext: { isRedelivery: false }, follow: { isUnblocked: false }, ...extra };
  },
  postback(userId: string, data: string, extra: Record<string, unknown> = {}) {
    return { type: 'postback', mode: 'active', timestamp: Date.now(), webhookEventId: nextId('01LINE'), replyToken: nextId('rt'), source: line.source(userId), deliveryContext: { isRedelivery: false }, postback: { data }, ...extra };
  },
  body: (...events: unknown[]) => JSON.stringify({ destination: 'Ubot0000', events }),
};

export const wa = {
  text(from: string, body: string, extra: Record<string, unknown> = {}) {
    return { from, id: nextId('wamid.'), timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body }, ...extra };
  },
  button(from: string, id: string, title: string) {
    return { from, id: nextId('wamid.'), timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } };
  },
  listReply(from: string, id: string, title: string) {
    return { from, id: nextId('wamid.'), timestamp: String(Math.floor(Date.now() / 1000)), type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } };
  },
  status(recipient: string, status = 'delivered') {
    return { id: nextId('wamid.'), status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient };
  },
  body(value: { messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] }, phoneNumberId = WA_PHONE_ID) {
    return JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: phoneNumberId }, ...value } }] }],
    });
  },
};
