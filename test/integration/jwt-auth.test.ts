/**
 * With MicrosoftAppId set, /api/messages accepts only valid Bot Framework JWTs (botbuilder's own
 * validation). The signing key is generated here and the OpenID metadata served from loopback.
 * Valid turns use deliveryMode expectReplies, so no outbound token is ever requested.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers/service.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const KID = 'test-key-1';
const SERVICE_URL = 'http://127.0.0.1:9/'; // never contacted: replies come back in the response

let metadata: Server;
let svc: TestService;
let privateKey: KeyObject;
let otherKey: KeyObject;

function token(claims: Record<string, unknown> = {}, key: KeyObject = privateKey, audience = APP_ID): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign({ serviceurl: SERVICE_URL, iat: now, exp: now + 300, ...claims }, key.export({ type: 'pkcs1', format: 'pem' }) as string, {
    algorithm: 'RS256',
    keyid: KID,
    issuer: 'https://api.botframework.com',
    audience,
  });
}

function activity(id: string) {
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', role: 'user' },
    recipient: { id: APP_ID, role: 'bot' },
    conversation: { id: `jwt-${id}` },
    locale: 'en-FR',
    text: 'help',
  };
}

async function post(body: unknown, auth?: string) {
  const res = await fetch(`${svc.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

beforeAll(async () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = pair.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  metadata = createServer((req, res) => {
    const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => metadata.listen(0, '127.0.0.1', r));
  const port = (metadata.address() as AddressInfo).port;
  svc = await startService({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-in-this-test',
    BOT_OPENID_METADATA_URL: `http://127.0.0.1:${port}/openid`,
  });
});

afterAll(async () => {
  await svc?.close();
  await new Promise<void>((r) => metadata.close(() => r()));
});

describe('Bot Framework authentication', () => {
  it('accepts a valid channel token and answers', async () => {
    const res = await post(activity('ok'), `Bearer ${token()}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).activities[0].text).toMatch(/cancel/);
  });

  it('refuses a missing token with 401', async () => {
    expect((await post(activity('none'))).status).toBe(401);
  });

  it('refuses a token signed by another key, for another audience, or expired', async () => {
    expect((await post(activity('forged'), `Bearer ${token({}, otherKey)}`)).status).toBe(401);
    expect((await post(activity('aud'), `Bearer ${token({}, privateKey, 'someone-else')}`)).status).toBe(401);
    const expired = token({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(activity('expired'), `Bearer ${expired}`)).status).toBe(401);
  });

  it('refuses a token whose serviceUrl claim does not match the activity', async () => {
    expect((await post(activity('svc'), `Bearer ${token({ serviceurl: 'http://127.0.0.1:10/' })}`)).status).toBe(401);
  });
});
