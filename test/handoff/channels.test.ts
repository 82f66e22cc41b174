/**
 * The same hand-off round trip for customers on our web chat (Direct Line), on LINE (push) and on
 * WhatsApp (inside the 24-hour window): agent messages reach them on their own channel, the bot
 * says nothing in between, and after the agent ends the bot answers again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  line,
  lineMessages,
  LINE_SECRET,
  LINE_TOKEN,
  startFakeLine,
  startFakeWhatsApp,
  wa,
  WA_APP_SECRET,
  WA_PHONE_ID,
  WA_TOKEN,
  WA_VERIFY_TOKEN,
  whatsappMessages,
  type FakePlatform,
} from '../helpers/fake-platforms.js';
import { startService, type TestService } from '../helpers/service.js';
import { postLine, postWhatsApp } from '../channels/support.js';
import { activities, openStream, say, startConversation, type DlActivity, type Stream } from '../directline/client.js';
import { AgentClient } from './agent-client.js';

const TOKEN = 'agent-secret-for-tests';
/** Monday 2026-11-23 11:00 in Taipei: the Taiwan team is in. */
const MONDAY_11_TAIPEI = Date.parse('2026-11-23T03:00:00Z');

let svc: TestService | undefined;
let fake: FakePlatform | undefined;
let stream: Stream | undefined;
afterEach(async () => {
  await stream?.close();
  await svc?.close();
  await fake?.close();
  svc = fake = stream = undefined;
});

const botMessages = (list: DlActivity[]) => list.filter((a) => a.type === 'message' && a.from?.role === 'bot');

describe('hand-off on Direct Line (web chat)', () => {
  it('queue → accept → both ways over the stream, bot silent → end → the bot answers again', async () => {
    svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false, now: () => MONDAY_11_TAIPEI });
    const agent = new AgentClient(svc.url, TOKEN);
    const c = await startConversation(svc.url, 'en-TW');
    stream = await openStream(c.streamUrl);
    const id = `directline:${c.conversationId}`;

    expect((await say(svc.url, c, 'talk to a person')).status).toBe(200);
    const queued = await stream.waitFor((a) => a.channelData?.support?.kind === 'handoff');
    expect(queued.text).toMatch(/next in the queue\. Our team for Taiwan is available 08:00–22:00 \(Taipei time\)/);
    const q = await agent.queue();
    expect(q.body.waiting).toEqual([expect.objectContaining({ id, channel: 'directline', market: 'TW' })]);
    // Our own web chat has no hand-off hub: no handoff.initiate event is sent to it.
    expect((await activities(svc.url, c)).activities.some((a) => a.type === 'event')).toBe(false);

    expect((await agent.accept(id, 'Seo-yeon')).status).toBe(200);
    await stream.waitFor((a) => a.text === 'Seo-yeon from our support team has joined the chat.');
    const during = botMessages((await activities(svc.url, c)).activities).length;

    expect((await say(svc.url, c, 'The descaling light keeps blinking')).status).toBe(200);
    expect((await agent.send(id, 'Let us run the descaling cycle together.')).status).toBe(200);
    const agentLine = await stream.waitFor((a) => a.text === 'Let us run the descaling cycle together.');
    expect(agentLine).toMatchObject({ from: { role: 'bot' }, channelData: { support: { kind: 'handoff' } } });
    expect((await say(svc.url, c, 'ok, done, thanks')).status).toBe(200);

    const log = botMessages((await activities(svc.url, c)).activities);
    expect(log.slice(during).map((a) => a.text)).toEqual(['Let us run the descaling cycle together.']);
    const transcript = (await agent.conversation(id)).body.transcript.map((l: { from: string; text: string }) => `${l.from}: ${l.text}`);
    expect(transcript).toEqual(
      expect.arrayContaining(['user: The descaling light keeps blinking', 'agent: Let us run the descaling cycle together.', 'user: ok, done, thanks']),
    );

    expect((await agent.end(id)).status).toBe(200);
    await stream.waitFor((a) => /^You're back with the assistant/.test(a.text ?? ''));
    expect((await say(svc.url, c, 'hello')).status).toBe(200);
    await stream.waitFor((a) => a.channelData?.support?.kind === 'smalltalk'); // the bot answers again
  });
});

describe('hand-off on LINE', () => {
  it('queue → accept → agent messages pushed to the user, bot silent → end → the bot answers again', async () => {
    fake = await startFakeLine();
    svc = await startService(
      { AGENT_TOKEN: TOKEN, LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: fake.url },
      { defaultMetrics: false },
    );
    const app = svc.app;
    const agent = new AgentClient(svc.url, TOKEN);
    const user = `U${Math.random().toString(16).slice(2).padEnd(32, '0')}`;
    const id = `line:${user}`;
    const customer = async (text: string) => {
      const before = lineMessages(fake!).length;
      expect((await postLine(svc!, line.body(line.text(user, text)))).status).toBe(200);
      await app.line!.drain();
      return lineMessages(fake!).slice(before);
    };

    const queued = await customer('I want to talk to a person');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.text).toMatch(/queue/);
    const q = await agent.queue();
    expect(q.body.waiting).toEqual([expect.objectContaining({ id, channel: 'line', market: 'TW' })]);

    const before = lineMessages(fake).length;
    expect((await agent.accept(id, 'Mei')).status).toBe(200);
    expect(await customer('My order has not arrived')).toEqual([]);
    const sent = await agent.send(id, 'I am checking your order now.');
    expect(sent.status).toBe(200);
    expect(await customer('Thank you')).toEqual([]);
    const during = lineMessages(fake).slice(before);
    expect(during.map((m) => [m.via, m.to, m.text])).toEqual([
      ['push', user, 'Mei from our support team has joined the chat.'],
      ['push', user, 'I am checking your order now.'],
    ]);

    expect((await agent.end(id, 'Order found, courier contacted')).status).toBe(200);
    const back = lineMessages(fake).slice(-1)[0]!;
    expect(back).toMatchObject({ via: 'push', to: user });
    expect(back.text).toMatch(/^You're back with the assistant/);
    const again = await customer('hello');
    expect(again).toHaveLength(1); // the bot answers again, by reply token
    expect(again[0]).toMatchObject({ via: 'reply' });
    expect(again[0]!.text).not.toMatch(/queue|back with the assistant/);
  });
});

describe('hand-off on WhatsApp', () => {
  it('agent messages go out inside the 24-hour window; after it the agent gets 409 and a clear reason', async () => {
    let clock = 0;
    fake = await startFakeWhatsApp();
    svc = await startService(
      {
        AGENT_TOKEN: TOKEN,
        WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
        WHATSAPP_APP_SECRET: WA_APP_SECRET,
        WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
        WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
        WHATSAPP_API_BASE_URL: fake.url,
      },
      { defaultMetrics: false, now: () => Date.now() + clock },
    );
    const agent = new AgentClient(svc.url, TOKEN);
    const phone = `33${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const id = `whatsapp:${phone}`;
    const customer = async (text: string) => {
      const before = whatsappMessages(fake!).length;
      const at = String(Math.floor((Date.now() + clock) / 1000));
      const body = wa.body({ messages: [wa.text(phone, text, { timestamp: at })], contacts: [{ wa_id: phone, profile: { name: 'Camille' } }] });
      expect((await postWhatsApp(svc!, body)).status).toBe(200);
      await svc!.app.whatsapp!.drain();
      return whatsappMessages(fake!).slice(before);
    };

    expect((await customer('talk to a person')).map((m) => m.text).join()).toMatch(/support team/);
    expect((await agent.accept(id, 'Lea')).status).toBe(200);
    expect(whatsappMessages(fake).at(-1)).toMatchObject({ to: phone, text: 'Lea from our support team has joined the chat.' });
    expect(await customer('My order is late')).toEqual([]);
    expect((await agent.send(id, 'Let me check.')).status).toBe(200);
    expect(whatsappMessages(fake).at(-1)).toMatchObject({ to: phone, text: 'Let me check.' });

    clock = 24 * 3600_000 + 60_000; // the customer has been silent for a day
    const requests = fake.requests.length;
    const refused = await agent.send(id, 'Are you still there?');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', reason: 'window-closed' });
    expect(refused.body.error.message).toMatch(/WhatsApp's 24-hour window is closed/);
    expect(fake.requests).toHaveLength(requests);

    expect(await customer('Sorry, I was away')).toEqual([]); // the customer writes: the window opens again
    expect((await agent.send(id, 'No problem, your order ships today.')).status).toBe(200);
    expect((await agent.end(id)).status).toBe(200);
    expect(whatsappMessages(fake).at(-1)!.text).toMatch(/^You're back with the assistant/);
  });
});
