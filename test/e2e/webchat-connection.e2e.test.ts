/**
 * The customer page's connection, in a real browser through a loopback proxy that can cut it off:
 * the header says "Reconnecting…" then "Offline" within seconds; a message written meanwhile is
 * kept and sent once the service answers again (the stream resumes from its watermark); after a
 * restart that lost the conversation, a notice and a fresh conversation that keeps the language and
 * country (and still sends what was written). The conversation continues in a new tab and after the
 * browser is closed; the restart button asks first.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startService, type TestService } from '../helpers/service.js';
import { CuttableProxy, launchChromium } from '../helpers/browser.js';

let browser: Browser;
const cleanup: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn().catch(() => undefined);
});
afterAll(async () => {
  await browser?.close();
});

async function service(): Promise<TestService> {
  const svc = await startService({}, { defaultMetrics: false });
  cleanup.push(() => svc.close());
  return svc;
}

const bubble = (page: Page, text: string | RegExp) => page.locator('.webchat__bubble__content', { hasText: text });
const status = (page: Page) => page.locator('#status').getAttribute('data-state');
const conversationId = (page: Page) => page.evaluate(() => (window as unknown as { supportChat: { directLine: { conversationId: string } } }).supportChat.directLine.conversationId);
const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('support-bot.webchat') ?? '{}') as { conversationId?: string });

async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

async function welcomed(page: Page, text: string | RegExp = "I'm the Nespresso support assistant"): Promise<void> {
  await bubble(page, text).first().waitFor({ timeout: 20_000 });
  await expect.poll(() => status(page), { timeout: 10_000 }).toBe('online');
}

describe('the customer page when the connection goes', () => {
  it('says so within seconds, keeps what is written, and sends it when the service is back (resuming from the watermark)', async () => {
    const svc = await service();
    const proxy = new CuttableProxy(Number(new URL(svc.url).port));
    const url = await proxy.start();
    cleanup.push(() => proxy.close());
    const context = await browser.newContext({ locale: 'en-TW' });
    cleanup.push(() => context.close());
    const page = await context.newPage();
    const reconnects: string[] = [];
    page.on('request', (r) => /\/conversations\/[^/]+\?watermark=/.test(r.url()) && reconnects.push(new URL(r.url()).searchParams.get('watermark') ?? ''));
    await page.goto(`${url}/`);
    await welcomed(page);
    expect(await page.textContent('#status-text')).toBe('Online');

    await proxy.cut();
    const cutAt = Date.now();
    await expect.poll(() => status(page), { timeout: 4_000, interval: 100 }).toBe('reconnecting');
    expect(await page.textContent('#status-text')).toBe('Reconnecting…');
    await expect.poll(() => status(page), { timeout: 10_000, interval: 200 }).toBe('offline');
    expect(Date.now() - cutAt).toBeLessThan(10_000);
    expect(await page.textContent('#status-text')).toBe('Offline');

    await say(page, 'How do I change my email address?');
    await expect.poll(() => page.locator('#held li').allTextContents()).toEqual(['How do I change my email address?']);
    expect(await page.textContent('#held')).toMatch(/Not sent yet/);

    const before = reconnects.length;
    await proxy.restore();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    // The question went through once the stream was back, and was answered in this conversation.
    await bubble(page, /email/i).last().waitFor();
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { supportChat: { store: { getState(): { activities: Array<{ channelData?: { support?: { faqId?: string } } }> } } } }).supportChat.store.getState().activities.map((a) => a.channelData?.support?.faqId)))).toContain('tw-change-email');
    expect(await page.isHidden('#held')).toBe(true);
    expect(reconnects.slice(before).some((w) => /^\d+$/.test(w))).toBe(true); // reconnect with the watermark
    expect(await bubble(page, "I'm the Nespresso support assistant").count()).toBe(1); // nothing replayed twice
    expect(await page.isHidden('#notice')).toBe(true);
  }, 90_000);

  it('after a restart that lost the conversation: a notice, a fresh start with the same language and country, and the unsent message sent', async () => {
    const first = await service();
    const proxy = new CuttableProxy(Number(new URL(first.url).port));
    const url = await proxy.start();
    cleanup.push(() => proxy.close());
    const context = await browser.newContext({ locale: 'en-US' });
    cleanup.push(() => context.close());
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await welcomed(page);
    await page.selectOption('#lang', 'fr');
    await page.selectOption('#market', 'FR');
    await bubble(page, /France/).last().waitFor({ timeout: 15_000 });
    const lost = await conversationId(page);

    // The service restarts with its memory gone (a new process: in-memory state, a new token secret).
    await proxy.cut();
    await first.close();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe('offline');
    await say(page, 'Bonjour, ma machine ne chauffe plus');
    const second = await service();
    proxy.targetPort = Number(new URL(second.url).port);
    await proxy.restore();

    await page.locator('#notice:not([hidden])').waitFor({ timeout: 15_000 });
    expect(await page.textContent('#notice-text')).toMatch(/redémarré/);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    const fresh = await conversationId(page);
    expect(fresh).not.toBe(lost);
    expect(await page.inputValue('#lang')).toBe('fr');
    expect(await page.inputValue('#market')).toBe('FR');
    // The fresh conversation knows the country and language, and got the message written while offline.
    await expect.poll(async () => (await second.app.router.loadConversation(`directline:${fresh}`))?.market, { timeout: 15_000 }).toBe('FR');
    await expect.poll(async () => (await second.app.router.transcript(`directline:${fresh}`)).map((l) => l.text), { timeout: 15_000 }).toContain('Bonjour, ma machine ne chauffe plus');
    expect((await second.app.router.loadConversation(`directline:${fresh}`))?.lang).toBe('fr');
    expect(await page.isHidden('#held')).toBe(true);
  }, 90_000);
});

describe('continuing and restarting a conversation', () => {
  it('continues in a new tab and after the browser is closed; the restart button asks first', async () => {
    const svc = await service();
    const context = await browser.newContext({ locale: 'en-KR' });
    cleanup.push(() => context.close());
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await welcomed(page);
    const bubbles = await page.locator('.webchat__bubble__content').count();
    await say(page, 'How do I change my email address?');
    await expect.poll(() => page.locator('.webchat__bubble__content').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(bubbles + 2); // the question and an answer
    const id = await conversationId(page);

    // A new tab: the same conversation, its transcript replayed.
    const tab = await context.newPage();
    await tab.goto(`${svc.url}/`);
    await welcomed(tab);
    expect(await conversationId(tab)).toBe(id);
    await bubble(tab, 'How do I change my email address?').waitFor({ timeout: 10_000 });
    expect(await bubble(tab, "I'm the Nespresso support assistant").count()).toBe(1);

    // The browser closed and opened again (its storage kept): still the same conversation.
    const state = await context.storageState();
    const reopened = await browser.newContext({ locale: 'en-KR', storageState: state });
    cleanup.push(() => reopened.close());
    const again = await reopened.newPage();
    await again.goto(`${svc.url}/`);
    await welcomed(again);
    expect(await conversationId(again)).toBe(id);
    await bubble(again, 'How do I change my email address?').waitFor({ timeout: 10_000 });

    // Restart asks first: keeping the conversation changes nothing...
    await again.click('#restart');
    await again.locator('#confirm-restart[open]').waitFor();
    expect(await again.textContent('#confirm-title')).toBe('Start a new conversation?');
    await again.click('.confirm__cancel');
    expect(await again.locator('#confirm-restart[open]').count()).toBe(0);
    expect((await saved(again)).conversationId).toBe(id);
    // ...starting over gives a new conversation that keeps the country.
    await again.click('#restart');
    await again.click('.confirm__ok');
    await again.waitForLoadState('load');
    await welcomed(again);
    await expect.poll(() => conversationId(again)).not.toBe(id);
    expect(await again.inputValue('#market')).toBe('KR');
    expect(await bubble(again, 'How do I change my email address?').count()).toBe(0);
  }, 90_000);
});
