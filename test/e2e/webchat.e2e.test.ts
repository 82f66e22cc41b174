/**
 * The customer page in a real browser: Microsoft's unmodified Web Chat (from node_modules) in
 * Debian's Chromium, against the service's own Direct Line on loopback. Reads like a transcript:
 * welcome → the no-water dialog by taps → a FAQ question → a 👍 tap → "talk to a person" →
 * reload, and the same conversation is shown again. Saves test-artifacts/webchat.png.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startService, type TestService } from '../helpers/service.js';

const CHROMIUM = '/usr/bin/chromium';
/** DESIGN.md §9: no network beyond loopback, no background services. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run).`);
  console.warn(`${CHROMIUM} is missing: installing Debian's chromium package for the browser test`);
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit', timeout: 15 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium.`);
}

let svc: TestService;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureChromium();
  svc = await startService({}, { defaultMetrics: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 20 * 60_000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

const bubble = (page: Page, text: string | RegExp) => page.locator('.webchat__bubble__content', { hasText: text });
const action = (page: Page, label: string) => page.locator('.webchat__suggested-actions button', { hasText: label });

async function botSays(page: Page, text: string | RegExp): Promise<void> {
  await bubble(page, text).last().waitFor({ state: 'visible', timeout: 15_000 });
}

async function tap(page: Page, label: string): Promise<void> {
  await action(page, label).first().click();
}

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

type Support = { kind?: string; dialog?: string; step?: string; faqId?: string; market?: string };

/** channelData.support of the bot's messages, as Web Chat received them (its own store). */
async function botSupport(page: Page): Promise<Support[]> {
  return page.evaluate(() => {
    type A = { from?: { role?: string }; channelData?: { support?: Support } };
    const store = (window as unknown as { supportChat?: { store: { getState(): { activities: A[] } } } }).supportChat?.store;
    return (store?.getState().activities ?? []).filter((a) => a.from?.role === 'bot').map((a) => a.channelData?.support ?? {});
  });
}

const lastBotSupport = async (page: Page) => (await botSupport(page)).at(-1);

/**
 * Web Chat's send status of every message the customer sent: "sent" needs both the server's echo
 * (matched by clientActivityID) and the POST's answer; without them it stays "sending" and then
 * shows "Send failed" (傳送失敗 in this page's locale).
 */
async function sendStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type A = { type?: string; from?: { role?: string }; channelData?: Record<string, unknown> };
    const store = (window as unknown as { supportChat?: { store: { getState(): { activities: A[] } } } }).supportChat?.store;
    // The customer's messages only: the page also sends typing indicators (sendTypingIndicator) and
    // its own hidden settings posts (`market:TW`), which Web Chat keeps in its store.
    return (store?.getState().activities ?? [])
      .filter((a) => a.from?.role === 'user' && a.type === 'message' && !a.channelData?.['support-page:control'])
      .map((a) => String(a.channelData?.['webchat:send-status']));
  });
}

async function expectAllSent(page: Page, count: number): Promise<void> {
  await expect.poll(() => sendStatuses(page), { timeout: 10_000 }).toEqual(Array(count).fill('sent'));
  expect(await page.getByText(/Send failed|傳送失敗/).count()).toBe(0);
}

describe('the customer page with Web Chat', () => {
  it('talks to the bot end to end and continues the conversation after a reload', async () => {
    const context = await browser.newContext({ locale: 'en-TW', viewport: { width: 960, height: 1000 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('requestfailed', (req) => {
      if (!req.url().startsWith(svc.url.replace('http', 'ws'))) pageErrors.push(`request failed: ${req.url()}`);
    });

    await page.goto(`${svc.url}/`);
    // The country comes from the browser's locale: en-TW → Taiwan (and English).
    await expect.poll(() => page.locator('#market').inputValue()).toBe('TW');
    await botSays(page, "I'm the Nespresso support assistant");
    await expect.poll(() => page.locator('#status').getAttribute('data-state')).toBe('online');

    // A suggested action starts the no-water dialog; the transcript shows the label that was tapped.
    await tap(page, 'No water coming out');
    await expect.poll(() => lastBotSupport(page)).toMatchObject({ kind: 'dialog', dialog: 'noWater', step: 'askingModel', market: 'TW' });
    await expect(bubble(page, 'No water coming out').count()).resolves.toBeGreaterThan(0);
    await tap(page, 'Inissia');
    await expect.poll(() => lastBotSupport(page)).toMatchObject({ dialog: 'noWater', step: 'tryingFix' });
    await botSays(page, /air bubble/);
    await tap(page, 'Yes');
    await botSays(page, /working again/);
    const id = await page.evaluate(() => (window as unknown as { supportChat: { directLine: { conversationId: string } } }).supportChat.directLine.conversationId);
    const state = await svc.app.router.loadConversation(`directline:${id}`);
    expect(state).toMatchObject({ outcome: 'resolved' });
    expect(state?.dialog).toBeUndefined(); // the dialog completed

    // A FAQ question typed in the send box, answered from the Taiwan account FAQ.
    await type(page, 'How do I change my email address?');
    await expect.poll(() => lastBotSupport(page)).toMatchObject({ kind: 'faq', faqId: 'tw-change-email', market: 'TW' });
    await botSays(page, 'Did this answer your question?');
    await tap(page, '👍 Yes');
    await expect.poll(() => lastBotSupport(page)).toMatchObject({ kind: 'smalltalk' });
    await botSays(page, /glad that helped/);

    // The header button sends "talk to a person" (shown as its label in the page's language); the bot answers it.
    const before = await page.locator('.webchat__bubble__content').count();
    await page.locator('#person').click();
    await bubble(page, 'Talk to a person').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.webchat__bubble__content').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2);

    await expectAllSent(page, 6); // no water, Inissia, yes, the FAQ question, 👍, talk to a person
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}'));
    expect(session.conversationId).toEqual(expect.any(String));
    const transcript = await page.locator('.webchat__bubble__content').allInnerTexts();

    // Reload: same tab, same token and conversation; the stream replays the earlier messages.
    await page.reload();
    await botSays(page, /working again/);
    await botSays(page, /glad that helped/);
    await expect.poll(() => page.locator('.webchat__bubble__content').allInnerTexts(), { timeout: 15_000 }).toEqual(transcript);
    expect(await bubble(page, "I'm the Nespresso support assistant").count()).toBe(1); // continued, not a new conversation
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}'));
    expect(after.conversationId).toBe(session.conversationId);
    await expectAllSent(page, 6);
    expect(pageErrors).toEqual([]);

    // Let Web Chat finish scrolling to the newest message before the picture is taken.
    const lastBubble = page.locator('.webchat__bubble__content').last();
    await expect
      .poll(() => lastBubble.evaluate((el) => el.getBoundingClientRect().bottom <= document.querySelector('.webchat__send-box')!.getBoundingClientRect().top + 1))
      .toBe(true);
    await page.waitForTimeout(300);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/webchat.png' });
    await context.close();
  }, 120_000);

  it('starts a fresh conversation when the saved token is refused (forged, or signed with an old secret)', async () => {
    const context = await browser.newContext({ locale: 'en-KR' });
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await botSays(page, "I'm the Nespresso support assistant");
    expect(await page.locator('#market').inputValue()).toBe('KR');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}'));

    // Tamper with the saved token from another page of the same origin (the chat page saves its own on pagehide).
    await page.goto(`${svc.url}/healthz`);
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}');
      const [header, payload, signature] = String(s.token).split('.');
      s.token = [header, payload, `${signature!.slice(0, -8)}AAAAAAAA`].join('.');
      localStorage.setItem('support-bot.webchat', JSON.stringify(s));
    });
    const refused: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes(`/conversations/${saved.conversationId}`)) refused.push(res.status());
    });
    await page.goto(`${svc.url}/`);
    await botSays(page, "I'm the Nespresso support assistant");
    await expect.poll(() => page.locator('#status').getAttribute('data-state')).toBe('online');
    const fresh = await page.evaluate(() => JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}'));
    expect(refused).toContain(403);
    expect(fresh.conversationId).toEqual(expect.any(String));
    expect(fresh.conversationId).not.toBe(saved.conversationId);
    await context.close();
  }, 60_000);
});
