/**
 * Delivery to the platforms with a scripted bot (so the replies can be as long or as many as a test
 * needs): splitting, calls of at most 5 messages, numbered choices, retries that make sense and none
 * that do not, logs with the platform's code, and what happens when a turn fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineChannel, type LineChannel } from '../../src/channels/line.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../src/channels/whatsapp.js';
import { testConfig } from '../../src/config.js';
import { AppError } from '../../src/lib/errors.js';
import type { Choice, Reply, TurnInput } from '../../src/lib/types.js';
import { MemoryStorage } from '../../src/state/memory.js';
import {
  LINE_SECRET,
  LINE_TOKEN,
  WA_APP_SECRET,
  WA_PHONE_ID,
  WA_TOKEN,
  WA_VERIFY_TOKEN,
  line,
  lineMessages,
  startFakeLine,
  startFakeWhatsApp,
  wa,
  whatsappMessages,
  type FakePlatform,
} from '../helpers/fake-platforms.js';
import { captureLogs } from './support.js';

/** A bot that answers from a script and records what it was given. */
class ScriptedBot {
  inputs: TurnInput[] = [];
  next: Array<Reply[] | Error> = [];
  async handle(input: TurnInput): Promise<Reply[]> {
    this.inputs.push(input);
    const r = this.next.shift() ?? [];
    if (r instanceof Error) throw r;
    return r;
  }
}

const sentence = (i: number) => `Step ${i}: rinse the water tank, refill it and run the descaling programme again.`;
const longText = (chars: number) => {
  const parts: string[] = [];
  for (let i = 1; parts.join(' ').length < chars; i++) parts.push(sentence(i));
  return parts.join(' ');
};
const reply = (text: string, choices?: Choice[]): Reply => ({ text, choices, support: { kind: 'faq' } });
const fast = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

let bot: ScriptedBot;
let logs: ReturnType<typeof captureLogs>;
let storage: MemoryStorage;
beforeEach(() => {
  bot = new ScriptedBot();
  logs = captureLogs();
  storage = new MemoryStorage();
});

describe('LINE delivery', () => {
  let fake: Awaited<ReturnType<typeof startFakeLine>>;
  let channel: LineChannel;
  beforeEach(async () => {
    fake = await startFakeLine();
    const config = testConfig({ LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: fake.url });
    channel = createLineChannel({ config, router: bot, storage, logger: logs.logger, retry: fast })!;
  });
  afterEach(() => fake.close());

  const say = async (text: string, extra: Record<string, unknown> = {}) => {
    await channel.accept(JSON.parse(line.body(line.text('U1', text, extra))));
    await channel.drain();
  };

  it('a 12,000-character answer goes as three messages of at most 5000 in one reply call', async () => {
    const text = longText(12_000);
    bot.next.push([reply(text)]);
    await say('tell me everything');
    expect(fake.requests).toHaveLength(1);
    const sent = lineMessages(fake);
    expect(sent.map((m) => m.via)).toEqual(['reply', 'reply', 'reply']);
    expect(sent.every((m) => m.text.length <= 5000 && /\.$/.test(m.text))).toBe(true);
    expect(sent.map((m) => m.text).join(' ')).toBe(text);
  });

  it('more than five messages: the first five through the reply token, the rest pushed', async () => {
    bot.next.push(Array.from({ length: 7 }, (_, i) => reply(`${i}: ${longText(4000)}`)));
    await say('hi');
    expect(fake.accepted().map((r) => [r.path, r.body.messages.length])).toEqual([
      ['/v2/bot/message/reply', 5],
      ['/v2/bot/message/push', 2],
    ]);
    expect(lineMessages(fake).map((m) => m.text.slice(0, 2))).toEqual(['0:', '1:', '2:', '3:', '4:', '5:', '6:']);
  });

  it('more than 13 choices become numbered text, and a typed number sends that choice', async () => {
    const choices = Array.from({ length: 14 }, (_, i) => ({ label: `Model ${i + 1}`, value: `model-${i + 1}` }));
    bot.next.push([reply('Which model?', choices)], []);
    await say('my machine');
    const [m] = lineMessages(fake);
    expect(m!.quickReply).toBeUndefined();
    expect(m!.text).toMatch(/^Which model\?\n\n1\. Model 1\n[\s\S]*\n14\. Model 14\n\nReply with a number to choose\.$/);
    await say('14');
    expect(bot.inputs.at(-1)!.text).toBe('model-14');
  });

  it('429 and 5xx are retried with a short backoff, and logged with their code', async () => {
    fake.failNext('/reply', { status: 500, body: { message: 'Internal error' } });
    fake.failNext('/reply', { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '0' } });
    bot.next.push([reply('Hello.')]);
    await say('hi');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 429, 200]);
    const retries = logs.lines.filter((l) => l.msg === 'LINE send failed; retrying');
    expect(retries.map((l) => [l.status, l.platformCode])).toEqual([[500, 'Internal error'], [429, 'Too many requests']]);
  });

  it('a push that keeps failing stops after a bounded number of attempts, with one retry key', async () => {
    fake.failNext('/push', { status: 503, body: { message: 'Service unavailable' } }, 10);
    bot.next.push([reply('Hello.')]);
    await say('hi', { replyToken: 'expired-1' });
    const pushes = fake.requests.filter((r) => r.path.endsWith('/push'));
    expect(pushes).toHaveLength(3);
    expect(new Set(pushes.map((p) => p.headers['x-line-retry-key'])).size).toBe(1);
    expect(logs.lines.some((l) => l.msg === 'LINE rejected the replies' && l.status === 503 && l.code === 'CHANNEL_SEND_FAILED')).toBe(true);
  });

  it('a 400 the platform means is not retried, and is logged with its message', async () => {
    fake.failNext('/reply', { status: 400, body: { message: 'The request body has 1 error(s)' } });
    bot.next.push([reply('Hello.')]);
    await say('hi');
    expect(fake.requests).toHaveLength(1);
    const log = logs.lines.find((l) => l.msg === 'LINE rejected the replies');
    expect(log).toMatchObject({ status: 400, platformCode: 'The request body has 1 error(s)', code: 'CHANNEL_SEND_FAILED' });
  });

  it('a failed turn gets an apology, and a redelivery of that event is processed again', async () => {
    const ev = line.text('U1', 'hello');
    bot.next.push(new AppError('BOT_LOCK_FAILED'), [reply('Hello again.')]);
    await channel.accept(JSON.parse(line.body(ev)));
    await channel.drain();
    expect(lineMessages(fake)[0]!.text).toMatch(/still working on your previous message/);
    await channel.accept(JSON.parse(line.body({ ...ev, replyToken: 'rt-2', deliveryContext: { isRedelivery: true } })));
    await channel.drain();
    expect(lineMessages(fake).map((m) => m.text)).toEqual([expect.stringMatching(/still working/), 'Hello again.']);
    expect(bot.inputs.map((i) => i.activityId)).toEqual([ev.webhookEventId, ev.webhookEventId]);
  });

  it('messages from one customer are handled in order even when the bot is slow', async () => {
    const slow = new ScriptedBot();
    slow.handle = async (input) => {
      await new Promise((r) => setTimeout(r, input.text === 'first' ? 50 : 0));
      return [reply(`re: ${input.text}`)];
    };
    const config = testConfig({ LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: fake.url });
    const ch = createLineChannel({ config, router: slow, storage, logger: logs.logger, retry: fast })!;
    await ch.accept(JSON.parse(line.body(line.text('U1', 'first'))));
    await ch.accept(JSON.parse(line.body(line.text('U1', 'second'))));
    await ch.drain();
    expect(lineMessages(fake).map((m) => m.text)).toEqual(['re: first', 're: second']);
  });
});

describe('WhatsApp delivery', () => {
  let fake: FakePlatform;
  let channel: WhatsAppChannel;
  const to = '33612345678';
  beforeEach(async () => {
    fake = await startFakeWhatsApp();
    const config = testConfig({
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_API_BASE_URL: fake.url,
    });
    channel = createWhatsAppChannel({ config, router: bot, storage, logger: logs.logger, retry: fast })!;
  });
  afterEach(() => fake.close());

  const say = async (text: string) => {
    await channel.accept(JSON.parse(wa.body({ messages: [wa.text(to, text)] })));
    await channel.drain();
  };

  it('a 10,000-character answer goes as three texts of at most 4096, cut after sentences', async () => {
    const text = longText(10_000);
    bot.next.push([reply(text)]);
    await say('tell me everything');
    const sent = whatsappMessages(fake);
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => m.kind === 'text' && m.text.length <= 4096 && /\.$/.test(m.text))).toBe(true);
    expect(sent.map((m) => m.text).join(' ')).toBe(text);
  });

  it('a long answer with buttons: the text first, then the buttons with the last part (≤1024)', async () => {
    const text = longText(3000);
    bot.next.push([reply(text, [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }])]);
    await say('hi');
    const sent = whatsappMessages(fake);
    expect(sent.map((m) => m.kind)).toEqual(['text', 'buttons']);
    expect(sent[1]!.text.length).toBeLessThanOrEqual(1024);
    expect(sent.map((m) => m.text).join(' ')).toBe(text);
  });

  it('5xx is retried; a 4xx is not, and is logged with the Graph error code', async () => {
    fake.failNext('/messages', { status: 500, body: { error: { message: 'Service temporarily unavailable', code: 2 } } });
    bot.next.push([reply('Hello.')]);
    await say('hi');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);

    fake.failNext('/messages', { status: 400, body: { error: { message: 'Invalid parameter', code: 100 } } });
    bot.next.push([reply('Hello again.')]);
    await say('hi again');
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200, 400]);
    expect(logs.lines.find((l) => l.msg === 'WhatsApp rejected the replies')).toMatchObject({ status: 400, platformCode: '100', code: 'CHANNEL_SEND_FAILED' });
    expect(JSON.stringify(logs.lines)).not.toContain(to); // phone numbers stay out of the logs
  });

  it('a throughput error (130429) is retried even though it is not a 429', async () => {
    fake.failNext('/messages', { status: 400, body: { error: { message: 'Rate limit hit', code: 130429 } } });
    bot.next.push([reply('Hello.')]);
    await say('hi');
    expect(fake.requests.map((r) => r.status)).toEqual([400, 200]);
  });

  it('the platform saying the window closed (131047) is reported as window-closed', async () => {
    bot.next.push([reply('Hello.')]);
    await say('hi');
    fake.failNext('/messages', { status: 400, body: { error: { message: 'Re-engagement message', code: 131047 } } });
    const state = { id: `whatsapp:${to}`, channelId: 'whatsapp', userId: to, conversationRef: { to }, fallbacks: 0, createdAt: 0, updatedAt: 0, turns: 1 };
    expect(await channel.outbound.send(state, [reply('An agent writes.')])).toMatchObject({ ok: false, reason: 'window-closed' });
  });

  it('a tap on a button whose id is the value reaches the bot as that value', async () => {
    await channel.accept(JSON.parse(wa.body({ messages: [wa.button(to, 'start repair booking', 'Book a repair')] })));
    await channel.drain();
    expect(bot.inputs[0]).toMatchObject({ type: 'message', text: 'start repair booking', channelMarket: 'FR', conversationId: to });
  });
});
