/**
 * Test harness: the real service on a loopback port, plus a loopback "channel" that captures what
 * the bot sends to the activity's serviceUrl — the Bot Framework round trip without the cloud.
 */
import { createServer, type IncomingMessage, type Server as NodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';

export interface CapturedActivity {
  type: string;
  text?: string;
  conversation?: { id: string };
  replyToId?: string;
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  channelData?: { support?: Record<string, unknown> };
  [k: string]: unknown;
}

export interface ChannelCapture {
  url: string;
  activities: CapturedActivity[];
  forConversation(id: string): CapturedActivity[];
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        resolve(null);
      }
    });
  });
}

/** A loopback stand-in for a Bot Framework channel's connector service. */
export async function startChannelCapture(): Promise<ChannelCapture> {
  const activities: CapturedActivity[] = [];
  const server: NodeServer = createServer(async (req, res) => {
    const body = (await readJson(req)) as CapturedActivity | null;
    const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    if (req.method === 'POST' && m && body) {
      activities.push({ ...body, conversation: { id: decodeURIComponent(m[1]!) } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    forConversation: (id) => activities.filter((a) => a.conversation?.id === id),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface TestService {
  app: App;
  url: string;
  channel: ChannelCapture;
  close(): Promise<void>;
}

export async function startService(
  overrides: Partial<Record<keyof Config, string>> = {},
  options: AppOptions = {},
): Promise<TestService> {
  const channel = await startChannelCapture();
  const app = await createApp(testConfig({ PORT: '0', ...overrides }), options);
  const url = await app.listen(0, '127.0.0.1');
  // As a load balancer would: send turns once /readyz says the languages' indexes are built.
  for (const deadline = Date.now() + 30_000; (await fetch(`${url}/readyz`)).status !== 200; ) {
    if (Date.now() > deadline) throw new Error(`${url}/readyz did not answer 200 within 30 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    app,
    url,
    channel,
    async close() {
      await app.close();
      await channel.close();
    },
  };
}

export interface ConversationOptions {
  locale?: string;
  channelId?: string;
  userId?: string;
  conversationId?: string;
}

/** A customer on /api/messages: each say() posts an activity and returns the bot's replies. */
export class BotConversation {
  readonly id: string;
  readonly userId: string;
  private seq = 0;

  constructor(
    private readonly svc: TestService,
    private readonly opts: ConversationOptions = {},
  ) {
    this.id = opts.conversationId ?? `conv-${randomUUID()}`;
    this.userId = opts.userId ?? `user-${randomUUID().slice(0, 8)}`;
  }

  activity(partial: Record<string, unknown>): Record<string, unknown> {
    this.seq += 1;
    return {
      type: 'message',
      id: `${this.id}-a${this.seq}`,
      channelId: this.opts.channelId ?? 'emulator',
      serviceUrl: this.svc.channel.url,
      from: { id: this.userId, name: 'Customer', role: 'user' },
      recipient: { id: 'bot', name: 'Support bot', role: 'bot' },
      conversation: { id: this.id },
      locale: this.opts.locale,
      timestamp: new Date().toISOString(),
      ...partial,
    };
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.svc.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  /** Send a message; returns the activities the bot sent to the serviceUrl for this turn. */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<CapturedActivity[]> {
    const before = this.svc.channel.forConversation(this.id).length;
    const { status } = await this.post(this.activity({ text, ...extra }));
    if (status >= 300) throw new Error(`POST /api/messages answered ${status}`);
    return this.svc.channel.forConversation(this.id).slice(before);
  }

  /** Same, with deliveryMode expectReplies: the replies come back in the HTTP response. */
  async sayExpectReplies(text: string): Promise<CapturedActivity[]> {
    const { status, body } = await this.post(this.activity({ text, deliveryMode: 'expectReplies' }));
    if (status >= 300) throw new Error(`POST /api/messages answered ${status}`);
    return ((body as { activities?: CapturedActivity[] })?.activities ?? []) as CapturedActivity[];
  }

  async join(): Promise<CapturedActivity[]> {
    const before = this.svc.channel.forConversation(this.id).length;
    await this.post(
      this.activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: this.userId }, { id: 'bot' }] }),
    );
    return this.svc.channel.forConversation(this.id).slice(before);
  }
}

export const texts = (acts: CapturedActivity[]) => acts.map((a) => a.text ?? '');
export const support = (a: CapturedActivity | undefined) => a?.channelData?.support as Record<string, unknown> | undefined;
export const choices = (a: CapturedActivity | undefined) => a?.suggestedActions?.actions.map((x) => x.title) ?? [];
