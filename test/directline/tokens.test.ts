/**
 * Direct Line tokens: generate (anonymous page or the website's secret), refresh, and what a
 * token that is expired, forged, or made for another conversation gets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers/service.js';
import { call, startConversation } from './client.js';

const SECRET = 'test-directline-secret-0123456789';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.close();
  svc = undefined;
});

/** The JWT's claims, as Web Chat reads them. */
function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('POST /v3/directline/tokens/generate', () => {
  it('gives an anonymous page a token bound to a new conversation and a dl_ user', async () => {
    svc = await startService({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_TOKEN_TTL_SECONDS: '1200' }, { defaultMetrics: false });
    const a = await call(svc.url, 'POST', '/tokens/generate');
    const b = await call(svc.url, 'POST', '/tokens/generate');
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1200 });
    expect(claims(a.body.token)).toMatchObject({ conv: a.body.conversationId, user: expect.stringMatching(/^dl_/) });
    expect(b.body.conversationId).not.toBe(a.body.conversationId);
    expect(claims(b.body.token).user).not.toBe(claims(a.body.token).user);
  });

  it('lets a back end holding the secret choose the user id, and refuses a wrong secret', async () => {
    svc = await startService({ DIRECTLINE_SECRET: SECRET }, { defaultMetrics: false });
    const trusted = await call(svc.url, 'POST', '/tokens/generate', { token: SECRET, body: { user: { id: 'crm-4711' } } });
    expect(trusted.status).toBe(200);
    expect(claims(trusted.body.token).user).toBe('dl_crm-4711');

    const wrong = await call(svc.url, 'POST', '/tokens/generate', { token: 'not-the-secret' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('FORBIDDEN');
  });

  it('ignores a user id from an anonymous caller', async () => {
    svc = await startService({}, { defaultMetrics: false });
    const anon = await call(svc.url, 'POST', '/tokens/generate', { body: { user: { id: 'admin' } } });
    expect(anon.status).toBe(200);
    expect(claims(anon.body.token).user).not.toBe('dl_admin');
  });

  it('answers 400 for malformed JSON', async () => {
    svc = await startService({}, { defaultMetrics: false });
    const res = await call(svc.url, 'POST', '/tokens/generate', { raw: '{"user":' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_JSON');
  });
});

describe('POST /v3/directline/tokens/refresh', () => {
  it('renews the expiry for the same conversation and user', async () => {
    let clock = Date.now();
    svc = await startService({ DIRECTLINE_TOKEN_TTL_SECONDS: '1200' }, { defaultMetrics: false, now: () => clock });
    const c = await startConversation(svc.url);
    clock += 300_000;
    const res = await call(svc.url, 'POST', '/tokens/refresh', { token: c.token });
    expect(res.status).toBe(200);
    expect(res.body.conversationId).toBe(c.conversationId);
    const before = claims(c.token);
    const after = claims(res.body.token);
    expect(after.user).toBe(before.user);
    expect(after.exp).toBe((before.exp as number) + 300);
  });

  it('refuses an expired token with 403, and a missing one with 401', async () => {
    let clock = Date.now();
    svc = await startService({ DIRECTLINE_TOKEN_TTL_SECONDS: '1200' }, { defaultMetrics: false, now: () => clock });
    const c = await startConversation(svc.url);
    clock += 1_201_000;
    const expired = await call(svc.url, 'POST', '/tokens/refresh', { token: c.token });
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await call(svc.url, 'POST', '/tokens/refresh')).status).toBe(401);
  });

  it('refuses forged tokens with 403: re-signed claims, another secret, garbage', async () => {
    svc = await startService({ DIRECTLINE_SECRET: SECRET }, { defaultMetrics: false });
    const c = await startConversation(svc.url);
    const [header, , signature] = c.token.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...claims(c.token), user: 'dl_someone-else' })).toString('base64url');
    const other = await startService({ DIRECTLINE_SECRET: 'another-secret-9876543210' }, { defaultMetrics: false });
    const foreign = (await call(other.url, 'POST', '/tokens/generate')).body.token as string;
    await other.close();
    for (const token of [`${header}.${tampered}.${signature}`, foreign, 'garbage', `${c.token}x`]) {
      const res = await call(svc.url, 'POST', '/tokens/refresh', { token });
      expect(res.status, token).toBe(403);
    }
  });
});
