/**
 * No personal data in the logs or the operator report (DESIGN.md §11, issue 15 item 8), read from
 * the real service's own logger: conversation ids (a WhatsApp id is a phone number) are hashed,
 * platform error bodies that echo the request and unexpected `type` fields are not logged, and a
 * street address a customer typed in a PT, TW or KR form never reaches /api/agent/report.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { keys } from '../../src/state/storage.js';
import { LINE_SECRET, LINE_TOKEN, WA_APP_SECRET, WA_PHONE_ID, WA_TOKEN, WA_VERIFY_TOKEN, line, startFakeLine, startFakeWhatsApp, wa, whatsappMessages, type FakePlatform } from '../helpers/fake-platforms.js';
import { BotConversation, startService, type TestService } from '../helpers/service.js';
import { postLine, postWhatsApp } from '../channels/support.js';

const PHONE = '33612345678';
const ADDRESSES = ['Rua Augusta 10, 1100-053 Lisboa', 'No. 7, Section 5, Xinyi Road, Taipei', '서울시 강남구 테헤란로 123', '台北市信義區信義路五段7號'];
const SECRETS = [PHONE, '612345678', 'Augusta', '1100-053', 'Xinyi', '테헤란로', '信義路', 'jean.secret@example.fr'];

let svc: TestService;
let fakeWa: FakePlatform;
let fakeLine: FakePlatform;
const lines: string[] = [];

beforeAll(async () => {
  fakeWa = await startFakeWhatsApp();
  fakeLine = await startFakeLine();
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(l);
      cb();
    },
  });
  svc = await startService(
    {
      AGENT_TOKEN: 'privacy-agent-token',
      RATE_LIMIT_PER_ADDRESS: '0',
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_API_BASE_URL: fakeWa.url,
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE_URL: fakeLine.url,
    },
    { logger: createLogger('debug', sink), defaultMetrics: false },
  );
}, 60_000);

afterAll(async () => {
  await svc?.close();
  await fakeWa?.close();
  await fakeLine?.close();
});

it('logs carry hashed ids and never the personal data of a WhatsApp hand-off, platform errors or odd payloads', async () => {
  // A WhatsApp customer asks for a person: the hand-off is logged.
  await postWhatsApp(svc, wa.body({ messages: [wa.text(PHONE, 'talk to a person')], contacts: [{ wa_id: PHONE, profile: { name: 'Jean' } }] }));
  await fakeWa.waitFor(() => whatsappMessages(fakeWa, PHONE).length > 0);
  await svc.app.whatsapp!.drain();
  expect(lines.some((l) => l.includes('hand-off queued'))).toBe(true);

  // WhatsApp rejects a send with an error that quotes the recipient and the customer's text.
  fakeWa.failNext('/messages', { status: 400, body: { error: { code: 131030, message: `Recipient ${PHONE} not allowed; body "my e-mail is jean.secret@example.fr"` } } });
  await postWhatsApp(svc, wa.body({ messages: [wa.text(PHONE, 'hello')] }));
  await svc.app.whatsapp!.drain();
  expect(lines.some((l) => l.includes('WhatsApp rejected the replies') && l.includes('131030'))).toBe(true);

  // LINE answers with a non-JSON body echoing the request.
  fakeLine.failNext('/reply', { status: 400, body: `bad request: to=${PHONE} text="Rua Augusta 10, 1100-053 Lisboa"` });
  await postLine(svc, line.body(line.text('Uprivacy0001', 'hello')));
  await svc.app.line!.drain();

  // Payloads of an unexpected shape: their type field is free text from the caller.
  await postWhatsApp(svc, wa.body({ messages: [{ from: 'not-a-number', id: 'wamid.x', type: `address Rua Augusta 10 ${PHONE}` }] }));
  await postLine(svc, line.body({ type: `Rua Augusta 10 ${PHONE}`, timestamp: 'not a number', source: {} }));

  const joined = lines.join('\n');
  for (const s of SECRETS) expect(joined, `logs contain ${s}`).not.toContain(s);
  expect(joined).toMatch(/"conversation":"whatsapp:#[\w-]{12}"/);
});

it("the operator report never shows one customer's address, in any market's form", async () => {
  for (const address of ADDRESSES) {
    const customer = new BotConversation(svc, { locale: 'en-US' });
    await customer.say(address);
    await customer.say(`I live at ${address}`);
  }
  const stored = await svc.app.storage.listRange<{ text: string }>(keys.unanswered());
  expect(stored.length, 'the addresses went to the unanswered list').toBeGreaterThanOrEqual(ADDRESSES.length);
  const res = await fetch(`${svc.url}/api/agent/report`, { headers: { authorization: 'Bearer privacy-agent-token' } });
  const report = await res.text();
  for (const s of SECRETS) expect(report, `report contains ${s}`).not.toContain(s);
  for (const s of SECRETS) expect(JSON.stringify(stored), `stored unanswered text contains ${s}`).not.toContain(s);
});
