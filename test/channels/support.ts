/** Shared by the channel tests: the service with LINE / WhatsApp pointed at loopback fakes, signed posts. */
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../src/lib/logger.js';
import { startService, type TestService } from '../helpers/service.js';
import {
  LINE_SECRET,
  LINE_TOKEN,
  WA_APP_SECRET,
  WA_PHONE_ID,
  WA_TOKEN,
  WA_VERIFY_TOKEN,
  lineSignature,
  startFakeLine,
  startFakeWhatsApp,
  whatsappSignature,
  type FakePlatform,
} from '../helpers/fake-platforms.js';

/** The small, stable knowledge base the tests are written against. */
export const FIXTURE_KNOWLEDGE = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));

export interface Rig {
  svc: TestService;
  fake: FakePlatform & { usedTokens?: Set<string> };
  close(): Promise<void>;
}

export async function startLineRig(extra: Record<string, string> = {}): Promise<Rig & { fake: Awaited<ReturnType<typeof startFakeLine>> }> {
  const fake = await startFakeLine();
  const svc = await startService(
    { LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: fake.url, ...extra },
    { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false },
  );
  return { svc, fake, close: async () => (await svc.close(), await fake.close()) };
}

export async function startWhatsAppRig(options: { now?: () => number } = {}): Promise<Rig> {
  const fake = await startFakeWhatsApp();
  const svc = await startService(
    {
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: WA_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_API_BASE_URL: fake.url,
    },
    { knowledgeDir: FIXTURE_KNOWLEDGE, defaultMetrics: false, now: options.now },
  );
  return { svc, fake, close: async () => (await svc.close(), await fake.close()) };
}

export interface Posted {
  status: number;
  body: any;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Posted> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* plain text */
  }
  return { status: res.status, body: parsed };
}

/** POST /api/line signed like LINE does (or with the given signature; null: none). */
export function postLine(svc: TestService, body: string, signature: string | null = lineSignature(body)): Promise<Posted> {
  return post(`${svc.url}/api/line`, body, signature === null ? {} : { 'x-line-signature': signature });
}

export function postWhatsApp(svc: TestService, body: string, signature: string | null = whatsappSignature(body)): Promise<Posted> {
  return post(`${svc.url}/api/whatsapp`, body, signature === null ? {} : { 'x-hub-signature-256': signature });
}

/** A logger whose JSON lines the test can read. */
export function captureLogs(): { logger: Logger; lines: Array<Record<string, any>> } {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
