/**
 * Replayed LINE webhooks (issue 15 item 10): an event without a webhookEventId is known by the
 * digest of the signed body it came in, so the same bytes replayed are answered once; events dated
 * outside the accepted window are not answered at all.
 */
import { afterEach, expect, it } from 'vitest';
import { line } from '../helpers/fake-platforms.js';
import { postLine, startLineRig, type Rig } from './support.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const withoutId = (userId: string, text: string, extra: Record<string, unknown> = {}) => {
  const { webhookEventId: _drop, ...ev } = line.text(userId, text, extra) as Record<string, unknown>;
  return ev;
};

it('the same signed body without webhookEventIds, replayed, is answered once', async () => {
  rig = await startLineRig();
  const body = line.body(withoutId('Ureplay1', 'hello'), withoutId('Ureplay1', 'how do I descale my machine?'));
  for (let i = 0; i < 3; i++) {
    expect((await postLine(rig.svc, body)).status).toBe(200);
    await rig.svc.app.line!.drain();
  }
  const calls = rig.fake.accepted();
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.length).toBeLessThanOrEqual(2); // one turn per event, not one per delivery
  const once = calls.length;
  // A new message (new bytes) is answered as usual.
  expect((await postLine(rig.svc, line.body(withoutId('Ureplay1', 'hello again')))).status).toBe(200);
  await rig.svc.app.line!.drain();
  expect(rig.fake.accepted().length).toBeGreaterThan(once);
});

it('events dated outside the window are not answered, with or without an id', async () => {
  rig = await startLineRig();
  const twoDaysAgo = Date.now() - 48 * 3600_000;
  const inAnHour = Date.now() + 3600_000;
  for (const ev of [line.text('Ureplay2', 'hello', { timestamp: twoDaysAgo }), withoutId('Ureplay2', 'hello', { timestamp: twoDaysAgo }), line.text('Ureplay2', 'hello', { timestamp: inAnHour })]) {
    const res = await postLine(rig.svc, line.body(ev));
    expect(res).toMatchObject({ status: 200, body: { scheduled: 0 } });
  }
  await rig.svc.app.line!.drain();
  expect(rig.fake.requests).toHaveLength(0);
});
