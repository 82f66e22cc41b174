/**
 * GET/POST /api/whatsapp end to end: Meta's handshake, signed webhooks → router → the Cloud API
 * (a loopback fake that checks the real limits). Transcript style: customer → what WhatsApp receives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whatsappKeys } from '../../src/channels/whatsapp.js';
import { keys } from '../../src/state/storage.js';
import { WA_VERIFY_TOKEN, wa, whatsappMessages, whatsappSignature } from '../helpers/fake-platforms.js';
import { startService } from '../helpers/service.js';
import { FIXTURE_KNOWLEDGE, postWhatsApp, startWhatsAppRig, type Rig } from './support.js';

let rig: Rig;
let clock = 0;
let customer: string;
const number = (cc: string) => `${cc}${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
beforeEach(async () => {
  clock = 0;
  rig = await startWhatsAppRig({ now: () => Date.now() + clock });
  customer = number('886');
});
afterEach(() => rig.close());

/** Post messages from the customer, wait for the turns, return what WhatsApp received meanwhile. */
async function send(...messages: unknown[]) {
  const before = whatsappMessages(rig.fake).length;
  const res = await postWhatsApp(rig.svc, wa.body({ messages, contacts: [{ wa_id: customer, profile: { name: 'Mei' } }] }));
  expect(res.status).toBe(200);
  await rig.svc.app.whatsapp!.drain();
  return whatsappMessages(rig.fake).slice(before);
}

const verify = (query: string) => fetch(`${rig.svc.url}/api/whatsapp?${query}`);

describe('WhatsApp verification handshake', () => {
  it('echoes hub.challenge as plain text for the right token', async () => {
    const res = await verify(`hub.mode=subscribe&hub.verify_token=${WA_VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses a wrong token or mode with 403', async () => {
    for (const q of ['hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1', `hub.mode=unsubscribe&hub.verify_token=${WA_VERIFY_TOKEN}&hub.challenge=1`, '']) {
      const res = await verify(q);
      expect(res.status, q).toBe(403);
      expect(await res.text()).not.toContain('1158201444');
    }
  });
});

describe('WhatsApp conversation', () => {
  it('a FAQ question → the answer with 👍/👎 as reply buttons; a tapped button is understood', async () => {
    const out = await send(wa.text(customer, 'How often should I descale my machine?'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ to: customer, kind: 'buttons', titles: ['👍 Yes', '👎 No'], ids: ['yes', 'no'] });
    expect(out[0]!.text).toMatch(/Lattissima and Maestria: when the descaling alert is on/);
    const thanks = await send(wa.button(customer, out[0]!.ids[0]!, '👍 Yes'));
    expect(thanks).toMatchObject([{ kind: 'text' }]);
    expect(thanks[0]!.text).toMatch(/glad that helped/);
  });

  it('the five tasks come as a list; twelve models as numbered text; typed numbers pick', async () => {
    await send(wa.text(customer, 'in English please'));
    const out = await send(wa.text(customer, 'hi'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'list',
      listButton: 'Choose',
      titles: ['Reset my password', 'No water coming out', 'Book a repair', 'Cancellation penalty', 'Talk to a person'],
    });
    const models = await send(wa.text(customer, '2')); // "No water coming out"
    expect((await rig.svc.app.router.loadConversation(`whatsapp:${customer}`))?.dialog?.machine).toBe('noWater');
    // Twelve models: more than a list holds, so numbered text.
    expect(models).toHaveLength(1);
    expect(models[0]!.kind).toBe('text');
    expect(models[0]!.text).toMatch(/Which Nespresso machine do you have\?/);
    expect(models[0]!.text).toMatch(/\n\n1\. Inissia\n2\. Essenza Mini\n3\. CitiZ\n[\s\S]*\n12\. Another model\n\nReply with a number to choose\.$/);
    await send(wa.text(customer, '3'));
    expect((await rig.svc.app.storage.get<{ model?: string }>(keys.user('whatsapp', customer)))?.value.model).toBe('CitiZ');
  });

  it('a list reply starts the task; every label fits a row title', async () => {
    await send(wa.text(customer, 'in English please'));
    const menu = await send(wa.text(customer, 'hi'));
    expect(menu[0]!.ids[0]).toBe('task:passwordReset');
    const out = await send(wa.listReply(customer, menu[0]!.ids[0]!, menu[0]!.titles[0]!));
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe('list');
    expect(out[0]!.text).toMatch(/What happened\?/);
    const rows = out[0]!.titles.map((title, i) => ({ title, id: out[0]!.ids[i], description: out[0]!.descriptions[i] }));
    expect(rows[0]).toEqual({ title: 'I forgot my password', id: 'forgot', description: undefined });
    expect(rows[4]).toEqual({ title: 'Bought elsewhere', id: 'otherChannel', description: undefined });
  });

  it('the market comes from the country code unless the customer says otherwise', async () => {
    const cases: Array<[string, string]> = [['886', 'TW'], ['33', 'FR'], ['351', 'PT'], ['82', 'KR']];
    for (const [cc, market] of cases) {
      customer = number(cc);
      await send(wa.text(customer, 'hello'));
      expect(await rig.svc.app.router.loadConversation(`whatsapp:${customer}`), cc).toMatchObject({ market, marketSource: 'channel' });
    }
    customer = number('33');
    const out = await send(wa.text(customer, "I'm in Korea. how many months guarantee"));
    expect(out.map((m) => m.text).join('\n')).toMatch(/In Korea, household machines have a 12-month warranty/);
  });

  it('a retried delivery (same message id) is answered once', async () => {
    const m = wa.text(customer, 'How often should I descale my machine?');
    await send(m);
    expect(await send(m)).toEqual([]);
    expect(rig.fake.requests).toHaveLength(1);
  });

  it('status callbacks are acknowledged and nothing is sent', async () => {
    const res = await postWhatsApp(rig.svc, wa.body({ statuses: [wa.status(customer, 'delivered'), wa.status(customer, 'read')] }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, scheduled: 0 });
    await rig.svc.app.whatsapp!.drain();
    expect(rig.fake.requests).toHaveLength(0);
    expect(await rig.svc.app.router.loadConversation(`whatsapp:${customer}`)).toBeUndefined();
  });

  it('an image is answered with a request for words', async () => {
    const out = await send({ ...wa.text(customer, ''), type: 'image', text: undefined, image: { id: 'media-1', mime_type: 'image/jpeg' } });
    expect(out[0]!.text).toMatch(/我沒有收到文字/);
  });

  it('a message for another phone number of the account is left alone', async () => {
    const res = await postWhatsApp(rig.svc, wa.body({ messages: [wa.text(customer, 'hello')] }, '5550001'));
    expect(res.status).toBe(200);
    await rig.svc.app.whatsapp!.drain();
    expect(rig.fake.requests).toHaveLength(0);
  });
});

describe('WhatsApp 24-hour window', () => {
  it('an agent message goes out inside the window and is refused, with a reason, after it', async () => {
    await send(wa.text(customer, 'hello'));
    const state = (await rig.svc.app.router.loadConversation(`whatsapp:${customer}`))!;
    expect(state.conversationRef).toEqual({ to: customer });
    const agent = [{ text: 'Hi, this is Mei from support.', support: { kind: 'handoff' as const } }];

    clock = 23 * 3600_000;
    expect(await rig.svc.app.outbound.send(state, agent)).toEqual({ ok: true });
    expect(whatsappMessages(rig.fake).at(-1)).toMatchObject({ to: customer, kind: 'text', text: 'Hi, this is Mei from support.' });

    clock = 24 * 3600_000 + 1000;
    const sent = rig.fake.requests.length;
    expect(await rig.svc.app.outbound.send(state, agent)).toMatchObject({ ok: false, reason: 'window-closed' });
    expect(rig.fake.requests).toHaveLength(sent);

    await send(wa.text(customer, 'are you there?', { timestamp: String(Math.floor((Date.now() + clock) / 1000)) }));
    expect(await rig.svc.app.outbound.send(state, agent)).toEqual({ ok: true });
  });

  it('the last inbound time is kept in Storage per customer', async () => {
    await send(wa.text(customer, 'hello'));
    const at = (await rig.svc.app.storage.get<number>(whatsappKeys.lastInbound(customer)))?.value;
    expect(Math.abs(Date.now() - at!)).toBeLessThan(5000);
    expect(await rig.svc.app.whatsapp!.windowOpen(number('886'))).toBe(false);
  });
});

describe('WhatsApp webhook guard', () => {
  it('missing or forged signatures → 401, and nothing reaches the bot', async () => {
    const body = wa.body({ messages: [wa.text(customer, 'hello')] });
    const good = whatsappSignature(body);
    const forged = [null, '', good.slice('sha256='.length), `sha1=${good.slice(7, 47)}`, whatsappSignature(body, 'another-secret'), whatsappSignature(`${body}\n`), `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`];
    for (const sig of forged) expect((await postWhatsApp(rig.svc, body, sig)).status, String(sig)).toBe(401);
    expect((await postWhatsApp(rig.svc, '{not json', whatsappSignature('{}'))).status).toBe(401);
    await rig.svc.app.whatsapp!.drain();
    expect(rig.fake.requests).toHaveLength(0);
    expect(await rig.svc.app.router.loadConversation(`whatsapp:${customer}`)).toBeUndefined();
    expect(await rig.svc.app.whatsapp!.windowOpen(customer)).toBe(false);
  });

  it('signed but malformed bodies → 400; odd messages are skipped without harm', async () => {
    for (const body of ['{not json', '', '[]', '{"object":"x"}', '{"object":"x","entry":[{"changes":"no"}]}']) {
      const res = await postWhatsApp(rig.svc, body);
      expect(res.status, body).toBe(400);
    }
    const res = await postWhatsApp(rig.svc, wa.body({ messages: [null, { from: 'not-a-number', id: 'x', type: 'text' }, wa.text(customer, 'hello')] }));
    expect(res.body).toEqual({ ok: true, scheduled: 1 });
    await rig.svc.app.whatsapp!.drain();
    expect(whatsappMessages(rig.fake)).toHaveLength(1);
  });
});

describe('WhatsApp not configured', () => {
  it('GET and POST answer 503 with a clear error', async () => {
    const svc = await startService({}, { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false });
    try {
      const get = await fetch(`${svc.url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`);
      expect(get.status).toBe(503);
      const post = await postWhatsApp(svc, wa.body({ messages: [wa.text('886900000000', 'hi')] }));
      expect(post.status).toBe(503);
      expect(post.body).toEqual({ error: { code: 'CHANNEL_NOT_CONFIGURED', message: 'WhatsApp channel not configured' } });
    } finally {
      await svc.close();
    }
  });
});
