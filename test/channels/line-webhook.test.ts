/**
 * POST /api/line end to end: signed webhook → router → LINE Messaging API (a loopback fake that
 * checks what the real API checks). Transcript style: what the customer does → what LINE receives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { line, lineMessages, lineSignature } from '../helpers/fake-platforms.js';
import { startService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE, postLine, startLineRig } from './support.js';

let rig: Awaited<ReturnType<typeof startLineRig>>;
let user: string;
beforeEach(async () => {
  rig = await startLineRig();
  user = `U${Math.random().toString(16).slice(2).padEnd(32, '0')}`;
});
afterEach(() => rig.close());

/** Post events, wait for their turns, return what LINE received meanwhile. */
async function send(...events: unknown[]) {
  const before = lineMessages(rig.fake).length;
  const res = await postLine(rig.svc, line.body(...events));
  expect(res.status).toBe(200);
  await rig.svc.app.line!.drain();
  return lineMessages(rig.fake).slice(before);
}

describe('LINE conversation', () => {
  it('follow → welcome through the reply token, with the five tasks as quick replies, market TW', async () => {
    const follow = line.follow(user);
    const out = await send(follow);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ via: 'reply', replyToken: follow.replyToken });
    expect(out[0]!.text).toMatch(/Nespresso 客服小幫手/);
    expect(out[0]!.quickReply).toEqual([
      // LINE customers are answered for Taiwan, in Traditional Chinese until they write in another language.
      { label: '重設密碼', shows: '重設密碼', sends: 'task:passwordReset' },
      { label: '機器不出水', shows: '機器不出水', sends: 'task:noWater' },
      { label: '預約維修', shows: '預約維修', sends: 'task:repairBooking' },
      { label: '解約違約金', shows: '解約違約金', sends: 'task:cancellationPenalty' },
      { label: '找真人客服', shows: '找真人客服', sends: 'cmd:agent' },
    ]);
    const state = await rig.svc.app.router.loadConversation(`line:${user}`);
    expect(state).toMatchObject({ market: 'TW', marketSource: 'channel', conversationRef: { to: user } });
  });

  it('a FAQ question → the Taiwan answer with its source, and 👍/👎 as quick replies', async () => {
    const out = await send(line.text(user, 'How often should I descale my machine?'));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toMatch(/Lattissima and Maestria: when the descaling alert is on/);
    expect(out[0]!.text).toMatch(/Source: .*How often should I descale/);
    expect(out[0]!.quickReply?.map((q) => q.label)).toEqual(['👍 Yes', '👎 No']);
  });

  it('a customer who says they are in France is answered for France, not TW', async () => {
    const out = await send(line.text(user, "I'm in France. how many years guarantee"));
    expect(out.map((m) => m.text).join('\n')).toMatch(/In France, .* 2-year warranty/);
    expect(await rig.svc.app.router.loadConversation(`line:${user}`)).toMatchObject({ market: 'FR', marketSource: 'said' });
  });

  it('a tapped quick reply (postback) starts the dialog in the language the customer chose; labels fit and a typed number picks one', async () => {
    const welcome = await send(line.follow(user));
    await send(line.text(user, 'in English please'));
    const reset = welcome[0]!.quickReply!.find((q) => q.sends === 'task:passwordReset')!;
    const step = await send(line.postback(user, reset.sends));
    expect(step).toHaveLength(1);
    expect(step[0]!.text).toMatch(/What happened\?/);
    // Every label fits LINE's 20 characters in every language, so none is shortened.
    expect(step[0]!.quickReply).toHaveLength(5);
    expect(step[0]!.quickReply!.every((q) => q.label.length <= 20 && q.label === q.shows)).toBe(true);
    expect(step[0]!.quickReply![2]).toMatchObject({ sends: 'notReceived' });
    const next = await send(line.text(user, '3'));
    expect(next.map((m) => m.text).join('\n')).toMatch(/spam|junk|trash/i);
  });

  it('an expired reply token falls back to a push to the same user', async () => {
    const ev = line.text(user, 'hello', { replyToken: 'expired-token-1' });
    const out = await send(ev);
    const replyCalls = rig.fake.requests.filter((r) => r.path.endsWith('/reply'));
    expect(replyCalls.map((r) => [r.body.replyToken, r.status])).toEqual([['expired-token-1', 400]]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ via: 'push', to: user });
    expect(out[0]!.text).toMatch(/您好/);
  });

  it('an event older than the reply token lifetime is pushed without trying the token', async () => {
    const out = await send(line.text(user, 'hello', { timestamp: Date.now() - 120_000 }));
    expect(rig.fake.requests.filter((r) => r.path.endsWith('/reply'))).toHaveLength(0);
    expect(out).toMatchObject([{ via: 'push', to: user }]);
  });

  it('a group chat is one conversation, pushed to the group id', async () => {
    const group = `C${user.slice(1)}`;
    const ev = line.text(user, 'hello', { source: { type: 'group', groupId: group, userId: user }, replyToken: 'expired-g' });
    const out = await send(ev);
    expect(out).toMatchObject([{ via: 'push', to: group }]);
    expect(await rig.svc.app.router.loadConversation(`line:${group}`)).toBeDefined();
  });

  it('a redelivered event is answered once', async () => {
    const ev = line.text(user, 'How often should I descale my machine?');
    await send(ev);
    const again = await send({ ...ev, replyToken: 'rt-redelivered', deliveryContext: { isRedelivery: true } });
    expect(again).toEqual([]);
    expect(rig.fake.requests).toHaveLength(1);
  });

  it('the same event twice in one burst is answered once', async () => {
    const ev = line.text(user, 'hello');
    const [a, b] = await Promise.all([postLine(rig.svc, line.body(ev)), postLine(rig.svc, line.body(ev))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await rig.svc.app.line!.drain();
    expect(lineMessages(rig.fake)).toHaveLength(1);
  });

  it('several events in one webhook are answered in order, each through its own token', async () => {
    const a = line.text(user, 'hello');
    const b = line.text(user, 'How often should I descale my machine?');
    const out = await send(a, b);
    expect(out.map((m) => m.replyToken)).toEqual([a.replyToken, b.replyToken]);
    expect(out[1]!.text).toMatch(/descaling alert/);
  });

  it('an agent message reaches the customer by push (OutboundChannel)', async () => {
    await send(line.follow(user));
    const state = (await rig.svc.app.router.loadConversation(`line:${user}`))!;
    const result = await rig.svc.app.outbound.send(state, [{ text: 'Hi, this is Mei from support.', support: { kind: 'handoff' } }]);
    expect(result).toEqual({ ok: true });
    expect(lineMessages(rig.fake).at(-1)).toMatchObject({ via: 'push', to: user, text: 'Hi, this is Mei from support.' });
    const noRef = await rig.svc.app.outbound.send({ ...state, conversationRef: undefined }, [{ text: 'x', support: { kind: 'handoff' } }]);
    expect(noRef).toMatchObject({ ok: false, reason: 'no-reference' });
  });
});

describe('LINE webhook guard', () => {
  it('missing or forged signatures → 401, and nothing reaches the bot', async () => {
    const body = line.body(line.text(user, 'hello'));
    const forged = [null, '', 'not-base64!!', lineSignature(body, 'another-secret'), lineSignature(`${body} `)];
    for (const sig of forged) expect((await postLine(rig.svc, body, sig)).status).toBe(401);
    // A forged request is refused before its body is parsed: malformed JSON is a 401 too.
    expect((await postLine(rig.svc, '{not json', lineSignature('{}'))).status).toBe(401);
    await rig.svc.app.line!.drain();
    expect(rig.fake.requests).toHaveLength(0);
    expect(await rig.svc.app.router.loadConversation(`line:${user}`)).toBeUndefined();
  });

  it('signed but malformed bodies → 400; odd events are skipped without harm', async () => {
    for (const body of ['{not json', '', '[]', '{"events":"x"}', '{"destination":"U1"}']) {
      const res = await postLine(rig.svc, body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toMatch(/BAD_/);
    }
    const good = line.text(user, 'hello');
    const res = await postLine(rig.svc, line.body({ type: 'message' }, null, 42, { ...good, source: { type: 'alien' } }, good, line.text(user, 'x', { mode: 'standby' })));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, scheduled: 1 });
    await rig.svc.app.line!.drain();
    expect(lineMessages(rig.fake)).toHaveLength(1);
  });

  it('the console verification call (no events) → 200', async () => {
    expect((await postLine(rig.svc, line.body())).status).toBe(200);
  });

  it('a sticker is answered with a request for words', async () => {
    const out = await send({ ...line.text(user, ''), message: { type: 'sticker', id: '1', packageId: '1', stickerId: '1' } });
    expect(out[0]!.text).toMatch(/我沒有收到文字/);
  });
});

describe('LINE not configured', () => {
  it('answers 503 with a clear error', async () => {
    const svc = await startService({}, { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false });
    try {
      const res = await postLine(svc, line.body(line.text('U1', 'hi')));
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'CHANNEL_NOT_CONFIGURED', message: 'LINE channel not configured' } });
      expect(svc.app.line).toBeUndefined();
    } finally {
      await svc.close();
    }
  });
});
