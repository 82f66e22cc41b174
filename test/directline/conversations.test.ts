/**
 * Direct Line conversations over REST: start (welcome via conversationUpdate), reconnect, the
 * activity log with watermarks, the echo Web Chat waits for, and the statuses for bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers/service.js';
import { activities, call, message, say, startConversation, type DlActivity } from './client.js';

let svc: TestService;
beforeEach(async () => {
  svc = await startService({ MAX_BODY_BYTES: '65536' }, { defaultMetrics: false });
});
afterEach(async () => {
  await svc.close();
});

const bots = (list: DlActivity[]) => list.filter((a) => a.from?.role === 'bot');

describe('starting and reconnecting', () => {
  it('greets the user on start, for the market of the locale', async () => {
    const c = await startConversation(svc.url, 'en-FR');
    expect(c.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${c.conversationId}/stream\\?watermark=&t=`));
    const { activities: log, watermark } = await activities(svc.url, c);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      type: 'message',
      channelId: 'directline',
      from: { id: 'bot', role: 'bot' },
      conversation: { id: c.conversationId },
      channelData: { support: { kind: 'system', market: 'FR' } },
    });
    expect(log[0]!.text).toMatch(/support assistant/);
    expect(log[0]!.suggestedActions?.actions.map((a) => a.title)).toContain('Talk to a person');
    expect(watermark).toBe('0');
  });

  it('starts once: a second POST with the same token is the same conversation, not a second welcome', async () => {
    const gen = await call(svc.url, 'POST', '/tokens/generate');
    const first = await call(svc.url, 'POST', '/conversations', { token: gen.body.token, body: { locale: 'en-KR' } });
    const again = await call(svc.url, 'POST', '/conversations', { token: gen.body.token });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.conversationId).toBe(first.body.conversationId);
    expect((await activities(svc.url, first.body)).activities).toHaveLength(1);
  });

  it('reconnects with GET conversations/:id: a fresh token and a streamUrl carrying the watermark', async () => {
    const c = await startConversation(svc.url);
    const res = await call(svc.url, 'GET', `/conversations/${c.conversationId}?watermark=0`, { token: c.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ conversationId: c.conversationId, token: expect.any(String), expires_in: expect.any(Number) });
    expect(new URL(res.body.streamUrl).searchParams.get('watermark')).toBe('0');
  });

  it('answers 404 for a conversation that was never started, 403 for a token of another one', async () => {
    const unstarted = await call(svc.url, 'POST', '/tokens/generate');
    const res = await call(svc.url, 'GET', `/conversations/${unstarted.body.conversationId}`, { token: unstarted.body.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const posted = await call(svc.url, 'POST', `/conversations/${unstarted.body.conversationId}/activities`, { token: unstarted.body.token, body: message('hello') });
    expect(posted.status).toBe(404);

    const a = await startConversation(svc.url);
    const b = await startConversation(svc.url);
    for (const [method, path, body] of [
      ['GET', `/conversations/${b.conversationId}`, undefined],
      ['GET', `/conversations/${b.conversationId}/activities`, undefined],
      ['POST', `/conversations/${b.conversationId}/activities`, message('let me in')],
    ] as const) {
      const wrong = await call(svc.url, method, path, { token: a.token, body });
      expect(wrong.status, `${method} ${path}`).toBe(403);
    }
    expect((await activities(svc.url, b)).activities).toHaveLength(1); // nothing got in
  });
});

describe('posting activities', () => {
  it('echoes the user activity as Web Chat expects, then appends the bot replies', async () => {
    const c = await startConversation(svc.url);
    const sent = message('I forgot my password', { from: { id: 'dl_forged', name: 'Ana' } });
    const res = await call(svc.url, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, body: sent });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(`${c.conversationId}|0000001`);

    const { activities: log, watermark } = await activities(svc.url, c, '0');
    const [echo, ...replies] = log;
    expect(echo).toMatchObject({
      id: res.body.id,
      type: 'message',
      text: 'I forgot my password',
      channelId: 'directline',
      from: { role: 'user', name: 'Ana' },
      conversation: { id: c.conversationId },
      channelData: { clientActivityID: (sent.channelData as { clientActivityID: string }).clientActivityID },
    });
    expect(echo!.from!.id).toMatch(/^dl_/);
    expect(echo!.from!.id).not.toBe('dl_forged'); // the user is the token's, not the body's
    expect(Date.parse(echo!.timestamp!)).toBeGreaterThan(Date.now() - 60_000);
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r).toMatchObject({ from: { id: 'bot', role: 'bot' }, replyToId: res.body.id, channelData: { support: { kind: expect.any(String) } } });
    expect(replies.map((r) => r.text).join('\n')).toMatch(/password/i);
    expect(watermark).toBe(String(log.length));
  });

  it('pages with watermarks: only what came after, and the same watermark when nothing is new', async () => {
    const c = await startConversation(svc.url);
    const all = await activities(svc.url, c);
    const none = await activities(svc.url, c, all.watermark);
    expect(none).toEqual({ activities: [], watermark: all.watermark });
    await say(svc.url, c, 'hello');
    const next = await activities(svc.url, c, all.watermark);
    expect(next.activities[0]).toMatchObject({ text: 'hello', from: { role: 'user' } });
    expect(Number(next.watermark)).toBe(Number(all.watermark) + next.activities.length);
  });

  it('processes a resend (same clientActivityID) once and answers with the same id', async () => {
    const c = await startConversation(svc.url);
    const body = message('hello');
    const first = await call(svc.url, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, body });
    const resend = await call(svc.url, 'POST', `/conversations/${c.conversationId}/activities`, { token: c.token, body });
    expect(resend.status).toBe(200);
    expect(resend.body.id).toBe(first.body.id);
    const users = (await activities(svc.url, c)).activities.filter((a) => a.from?.role === 'user');
    expect(users).toHaveLength(1);
  });

  it('renders choices whose value differs from the label as messageBack, so the transcript shows the label', async () => {
    const c = await startConversation(svc.url);
    const welcome = (await activities(svc.url, c)).activities[0]!;
    const noWater = welcome.suggestedActions!.actions.find((a) => a.title === 'No water coming out')!;
    expect(noWater).toMatchObject({ type: 'messageBack', text: 'task:noWater', displayText: 'No water coming out' });
    // What Web Chat posts when it is tapped: the text for the bot, the label for the transcript.
    const tapped = await say(svc.url, c, noWater.text!, { channelData: { clientActivityID: 'tap-1', messageBack: { displayText: noWater.displayText } } });
    const [echo, ...replies] = (await activities(svc.url, c, '0')).activities;
    expect(echo).toMatchObject({ id: tapped.body.id, text: 'task:noWater', channelData: { messageBack: { displayText: 'No water coming out' } } });
    expect(bots(replies)[0]).toMatchObject({ channelData: { support: { kind: 'dialog', dialog: 'noWater' } } });
  });
});

describe('bad input', () => {
  it('answers 400 for malformed JSON and for what is not an activity', async () => {
    const c = await startConversation(svc.url);
    const path = `/conversations/${c.conversationId}/activities`;
    const broken = await call(svc.url, 'POST', path, { token: c.token, raw: '{"type":"message","text":' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('BAD_JSON');
    for (const body of [[], 'hello', { text: 'no type' }, { type: 'message', text: 42 }, { type: 'invoke', name: 'x' }]) {
      const res = await call(svc.url, 'POST', path, { token: c.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const badMark = await call(svc.url, 'GET', `${path}?watermark=abc`, { token: c.token });
    expect(badMark.status).toBe(400);
    expect((await activities(svc.url, c)).activities).toHaveLength(1);
  });

  it('answers 413 for a message text over the cap and for a body over MAX_BODY_BYTES', async () => {
    const c = await startConversation(svc.url);
    const path = `/conversations/${c.conversationId}/activities`;
    const long = await call(svc.url, 'POST', path, { token: c.token, body: message('a'.repeat(5001)) });
    expect(long.status).toBe(413);
    const huge = await call(svc.url, 'POST', path, { token: c.token, body: message('hi', { channelData: { pad: 'x'.repeat(70_000) } }) });
    expect(huge.status).toBe(413);
    const bulky = await call(svc.url, 'POST', path, { token: c.token, body: message('hi', { channelData: { pad: 'x'.repeat(40_000) } }) });
    expect(bulky.status).toBe(413); // under the body limit, over what one activity may store
    expect((await say(svc.url, c, 'still fine')).status).toBe(200);
  });

  it('answers 401 without a token and 403 with a forged one, on every conversation endpoint', async () => {
    const c = await startConversation(svc.url);
    const at = c.token.length - 10;
    const forged = c.token.slice(0, at) + (c.token[at] === 'A' ? 'B' : 'A') + c.token.slice(at + 1);
    for (const [method, path] of [
      ['POST', '/conversations'],
      ['GET', `/conversations/${c.conversationId}`],
      ['GET', `/conversations/${c.conversationId}/activities`],
      ['POST', `/conversations/${c.conversationId}/activities`],
    ] as const) {
      const body = method === 'POST' ? message('x') : undefined;
      expect((await call(svc.url, method, path, { body })).status, `${method} ${path}`).toBe(401);
      expect((await call(svc.url, method, path, { token: forged, body })).status, `${method} ${path}`).toBe(403);
    }
  });
});
