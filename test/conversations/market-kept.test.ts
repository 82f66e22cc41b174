/** Issue 15, item 3: a task keeps the market it started with when a later activity's locale tells none. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer, sameCustomer, startAtToday, support, type TestService } from './support.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(() => svc.close());

describe('market kept mid-task', () => {
  it('fr-FR then en-US: the repair booking goes on for France instead of failing every turn', async () => {
    const c = new Customer(svc, { locale: 'fr-FR' });
    const [first] = await c.say('I need to book a repair for my CitiZ');
    expect(support(first)).toMatchObject({ kind: 'dialog', dialog: 'repairBooking', market: 'FR' });
    const later = sameCustomer(c, svc, 'en-US');
    const [next] = await later.say('ok');
    expect(support(next)).toMatchObject({ kind: 'dialog', dialog: 'repairBooking', market: 'FR' });
    expect(next?.text).not.toMatch(/something went wrong/i);
  });
});
