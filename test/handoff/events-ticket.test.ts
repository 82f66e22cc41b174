/**
 * The agent token never travels in a URL (issue 15): the live events take the token in a header, or
 * a short-lived ticket, good for one connection, that the console gets by presenting its token in a
 * header. `?token=` is refused.
 */
import { afterEach, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers/service.js';
import { eventsTicket, openEventsAt } from './agent-client.js';

const TOKEN = 'ticket-agent-token-0123';
let svc: TestService | undefined;
afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

it('a ticket opens the live events once; the token in the query string does not', async () => {
  svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false });
  const byQuery = await openEventsAt(`${svc.url}/api/agent/events?token=${encodeURIComponent(TOKEN)}`);
  expect(byQuery.status).toBe(401);
  byQuery.close();

  expect(await eventsTicket(svc.url, 'wrong-token')).toBeUndefined();
  const ticket = await eventsTicket(svc.url, TOKEN);
  expect(ticket).toBeDefined();
  expect(ticket).not.toContain(TOKEN);
  const stream = await openEventsAt(`${svc.url}/api/agent/events?ticket=${encodeURIComponent(ticket!)}`);
  expect(stream.status).toBe(200);
  await stream.waitFor((e) => e.type === 'ready');
  stream.close();

  const again = await openEventsAt(`${svc.url}/api/agent/events?ticket=${encodeURIComponent(ticket!)}`);
  expect(again.status).toBe(401); // spent
  again.close();
  const forged = await openEventsAt(`${svc.url}/api/agent/events?ticket=${encodeURIComponent(`${Math.floor(Date.now() / 1000) + 30}.abc.def`)}`);
  expect(forged.status).toBe(401);
  forged.close();

  // The header still works (tools, curl).
  const byHeader = await openEventsAt(`${svc.url}/api/agent/events`, { authorization: `Bearer ${TOKEN}` });
  expect(byHeader.status).toBe(200);
  byHeader.close();
});

it('the console page asks for a ticket, not for ?token=', async () => {
  svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false });
  const js = await (await fetch(`${svc.url}/agent/agent.js`)).text();
  expect(js).toContain('events/ticket');
  expect(js).not.toMatch(/events\?token=/);
});
