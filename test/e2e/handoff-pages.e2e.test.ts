/**
 * Both pages in a real browser during a hand-off: the customer's Web Chat page and the agent's
 * console, side by side. The customer asks for a person → the console names them and their channel
 * in words → the agent accepts (a "joined" divider; the page's header names the agent) → each sees
 * the other typing → the agent's message carries their name and initials (and Direct Line's
 * from.name) → the agent ends (a "left" divider; the header names the assistant again).
 * axe-core finds no serious or critical violation on either page, desktop and phone, in each of
 * the customer page's five languages. Screenshots of both pages at both sizes go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startService, type TestService } from '../helpers/service.js';
import { DESKTOP, PHONE, launchChromium, seriousAxeViolations } from '../helpers/browser.js';

const TOKEN = 'pages-e2e-token';
const ARTIFACTS = 'test-artifacts';

let svc: TestService;
let browser: Browser;

beforeAll(async () => {
  svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');

async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

type Activity = { type?: string; text?: string; from?: { id?: string; name?: string; role?: string }; channelData?: { support?: Record<string, unknown> } };
async function activities(page: Page): Promise<Activity[]> {
  return page.evaluate(() => (window as unknown as { supportChat: { store: { getState(): { activities: Activity[] } } } }).supportChat.store.getState().activities);
}

/** The page at the given size after Web Chat settles (it scrolls to the newest message). */
async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForTimeout(400);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

describe('a hand-off seen on both pages', () => {
  it('the accessibility check finds what it should (so a clean result means something)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><main><img src="a.png"><p style="color:#aaa;background:#fff">faint</p></main></body></html>');
    const ids = (await seriousAxeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang']));
    await page.close();
  });

  it('names who is talking, shows typing both ways, and passes axe on both pages at both sizes', async () => {
    const errors: string[] = [];
    const customerContext = await browser.newContext({ locale: 'en-FR', viewport: DESKTOP, deviceScaleFactor: 1 });
    const customer = await customerContext.newPage();
    customer.on('pageerror', (e) => errors.push(`customer: ${e.message}`));
    // bypassCSP: axe-core is injected as an inline script, which the console's CSP forbids.
    const agentContext = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1, bypassCSP: true });
    const agent = await agentContext.newPage();
    agent.on('pageerror', (e) => errors.push(`agent: ${e.message}`));
    const favicon: number[] = [];
    agent.on('response', (r) => /favicon/.test(r.url()) && favicon.push(r.status()));

    // The customer asks for a person.
    await customer.goto(`${svc.url}/`);
    await customer.locator('.webchat__bubble__content', { hasText: "I'm the Nespresso support assistant" }).waitFor({ timeout: 20_000 });
    await expect.poll(() => customer.textContent('#widget-title')).toBe('Nespresso support assistant');
    await customer.click('#person');
    await expect.poll(async () => (await activities(customer)).filter((a) => a.channelData?.support?.kind === 'handoff').length, { timeout: 15_000 }).toBeGreaterThan(0);
    const conversationId = await customer.evaluate(() => (window as unknown as { supportChat: { directLine: { conversationId: string } } }).supportChat.directLine.conversationId);
    const key = `directline:${conversationId}`;

    // The console: one h1, a favicon, the customer by a readable handle, the channel in words.
    await agent.goto(`${svc.url}/agent`);
    await agent.fill('#token', TOKEN);
    await agent.fill('#agent-name', 'Marie Dupont');
    await agent.click('#login-submit');
    const item = agent.locator(`#queue-waiting li[data-id="${key}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await agent.locator('h1').count()).toBe(1);
    expect(await item.locator('.conv-name').textContent()).toMatch(/^Web chat customer [A-Z2-9]{4}$/);
    expect(await item.locator('.tag').allTextContents()).toContain('Web chat');
    expect(await item.textContent()).not.toMatch(/directline/);
    expect(favicon).toContain(200);
    await item.locator('button').click();
    await expect.poll(() => agent.textContent('#facts')).toMatch(/ChannelWeb chat/);
    await agent.click('#accept');
    await expect.poll(() => agent.textContent('#chat-status')).toBe('With Marie Dupont');

    // The customer's page: a "joined" divider (not a bubble), the header names the agent.
    await customer.locator('.support-divider--joined', { hasText: 'Marie Dupont from our support team has joined the chat.' }).waitFor({ timeout: 15_000 });
    expect(await customer.locator('.webchat__bubble__content', { hasText: 'joined the chat' }).count()).toBe(0);
    await expect.poll(() => customer.textContent('#widget-title')).toBe('Marie Dupont');
    expect(await customer.textContent('#who-role')).toBe('Nespresso support agent');
    expect(await customer.textContent('#logo-initials')).toBe('MD');
    expect(await customer.locator('h1').count()).toBe(1);

    // Typing, both ways: the agent writes → the customer sees it; the customer writes → the console shows it.
    await agent.locator('#message').pressSequentially('Bonjour', { delay: 20 });
    await customer.locator('.support-typing', { hasText: 'Marie Dupont is typing…' }).waitFor({ timeout: 10_000 });
    const typing = (await activities(customer)).find((a) => a.type === 'typing' && a.from?.role === 'bot');
    expect(typing?.from).toMatchObject({ name: 'Marie Dupont', role: 'bot' });
    await sendBox(customer).pressSequentially('My capsules', { delay: 30 });
    await agent.locator('#typing:not([hidden])').waitFor({ timeout: 10_000 });
    expect(await agent.textContent('#typing')).toMatch(/Customer is typing/);
    await sendBox(customer).press('Enter');
    await expect.poll(() => agent.locator('#transcript .msg-user').last().textContent(), { timeout: 10_000 }).toMatch(/My capsules/);
    expect(await agent.isHidden('#typing')).toBe(true); // the message arrived: no longer typing

    // The agent's message: their name and initials on the page, from.name in the Direct Line activity.
    await agent.fill('#message', 'Bonjour ! Which capsules are you using?');
    await agent.click('#send');
    const named = customer.locator('.support-agent-message', { hasText: 'Which capsules are you using?' });
    await named.waitFor({ timeout: 10_000 });
    expect(await named.locator('.support-agent-message__name').textContent()).toBe('Marie Dupont · Nespresso support agent');
    expect(await customer.locator('.support-agent-avatar').last().textContent()).toBe('MD');
    const sent = (await activities(customer)).find((a) => a.text === 'Bonjour ! Which capsules are you using?');
    expect(sent?.from).toMatchObject({ name: 'Marie Dupont', role: 'bot' });
    expect(sent?.channelData?.support).toMatchObject({ kind: 'handoff', agent: 'Marie Dupont', lang: 'en' });
    await say(customer, 'Vertuo ones');
    await expect.poll(() => agent.locator('#transcript .msg-user').last().textContent(), { timeout: 10_000 }).toMatch(/Vertuo ones/);

    // Screenshots, both pages at both sizes; the console at 390 px is one column with a full-width reply box.
    await agent.fill('#message', 'Thanks, let me check the Vertuo compatibility list.');
    await shoot(customer, 'webchat-desktop', DESKTOP);
    await shoot(customer, 'webchat-phone', PHONE);
    await shoot(agent, 'agent-console-desktop', DESKTOP);
    await agent.setViewportSize(PHONE);
    const box = (sel: string) => agent.locator(sel).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const [queue, chat, composer, textarea, send] = (await Promise.all(['.queue', '.chat', '#composer', '#message', '#send'].map(box))) as [DOMRect, DOMRect, DOMRect, DOMRect, DOMRect];
    expect(queue.width).toBeGreaterThan(340);
    expect(chat.width).toBeGreaterThan(340);
    expect(chat.top).toBeGreaterThanOrEqual(queue.bottom); // stacked, not side by side
    expect(textarea.width).toBeGreaterThan(composer.width - 40); // the reply box takes the width
    expect(send.right).toBeLessThanOrEqual(PHONE.width); // Send is not cut off
    expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await agent.locator('#transcript').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await agent.locator('#chat').scrollIntoViewIfNeeded();
    await agent.screenshot({ path: `${ARTIFACTS}/agent-console-phone.png`, fullPage: true });

    // Both transcripts scroll from the keyboard (phone size, where they overflow).
    const top = (page: Page, sel: string) => page.locator(sel).evaluate((el) => el.scrollTop);
    await agent.focus('#transcript');
    expect(await agent.evaluate(() => document.activeElement?.id)).toBe('transcript');
    const agentBottom = await top(agent, '#transcript');
    await agent.keyboard.press('Home');
    await expect.poll(() => top(agent, '#transcript')).toBeLessThan(agentBottom);
    await agent.setViewportSize(DESKTOP);
    await customer.setViewportSize(PHONE);
    await customer.focus('.webchat__basic-transcript');
    // After the resize Web Chat sticks the transcript to its new bottom; on a loaded machine that can land after the
    // first key presses, so wait for the bottom to settle, and keep pressing ArrowUp while polling.
    const scrollable = '.webchat__basic-transcript__scrollable';
    let customerBottom = -1;
    await expect
      .poll(async () => {
        const now = await top(customer, scrollable);
        const settled = now === customerBottom;
        customerBottom = now;
        return settled;
      }, { interval: 250 })
      .toBe(true);
    await expect
      .poll(async () => {
        await customer.keyboard.press('ArrowUp');
        return top(customer, scrollable);
      })
      .toBeLessThan(customerBottom);
    // Focus is visible: an outline on the focused control.
    await customer.focus('#restart');
    await customer.keyboard.press('Shift+Tab');
    await customer.keyboard.press('Tab');
    expect(await customer.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await customer.setViewportSize(DESKTOP);

    // axe-core: the console at both sizes, the customer page at both sizes in each language.
    const findings: Record<string, unknown[]> = {};
    for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
      await agent.setViewportSize(viewport);
      findings[`console ${size}`] = await seriousAxeViolations(agent);
    }
    for (const lang of ['en', 'zh-TW', 'ko', 'fr', 'pt']) {
      await customer.selectOption('#lang', lang);
      await expect.poll(() => customer.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
        await customer.setViewportSize(viewport);
        await customer.waitForTimeout(150);
        findings[`customer ${lang} ${size}`] = await seriousAxeViolations(customer);
      }
      if (lang === 'ko' || lang === 'zh-TW') await customer.screenshot({ path: `${ARTIFACTS}/webchat-phone-${lang}.png` }); // glyphs, not boxes
    }
    console.info('axe serious/critical per page, size and language:', Object.entries(findings).map(([k, v]) => `${k}: ${v.length}`).join('; '));
    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
    await customer.selectOption('#lang', 'en');
    await customer.setViewportSize(DESKTOP);

    // The agent ends: a "left" divider, the header names the assistant again.
    await agent.click('#end');
    await agent.click('#end-confirm');
    await customer.locator('.support-divider--left', { hasText: 'Marie Dupont has left the chat' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => customer.textContent('#widget-title')).toBe('Nespresso support assistant');
    expect(await customer.isHidden('#who-role')).toBe(true);
    expect(errors).toEqual([]);
    await customerContext.close();
    await agentContext.close();
  }, 180_000);
});
