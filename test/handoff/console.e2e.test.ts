/**
 * The agent console in a real browser (headless Chromium via playwright-core): sign in with the
 * token, see the waiting conversation live, accept, read the context, reply, end with a note.
 * Leaves a screenshot at test-artifacts/agent-console.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BotConversation, startService, support, type TestService } from '../helpers/service.js';
import { messages } from './agent-client.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'console-e2e-token';
const ARTIFACTS = 'test-artifacts';
/** Monday 2026-11-23 03:00 UTC: Korea and Taiwan teams in, France closed (04:00 in Paris). */
const NOW = Date.parse('2026-11-23T03:00:00Z');

let svc: TestService;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  svc = await startService({ AGENT_TOKEN: TOKEN }, { defaultMetrics: false, now: () => NOW });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

const lastCustomerMessage = (c: BotConversation) => messages(svc.channel.forConversation(c.id)).at(-1)?.text;

async function signIn(page: Page, token: string) {
  await page.goto(`${svc.url}/agent`);
  await page.fill('#token', token);
  await page.fill('#agent-name', 'Minji');
  await page.click('#login-submit');
}

describe('agent console', () => {
  it('refuses a wrong token and stays on the sign-in form', async () => {
    const page = await browser.newPage();
    await signIn(page, 'not-the-token');
    await expect.poll(() => page.textContent('#login-error')).toMatch(/invalid agent token/i);
    expect(await page.isVisible('#console-view')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('agent.token'))).toBeNull();
    await page.close();
  });

  it('sign in → live queue → accept → reply → end, with the context packet beside the chat', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text())); // e.g. a CSP violation
    await signIn(page, TOKEN);
    await page.waitForSelector('#console-view:not([hidden])');
    await expect.poll(() => page.textContent('#live-text')).toBe('Live');
    expect(await page.evaluate(() => sessionStorage.getItem('agent.token'))).toBe(TOKEN);

    // Customers ask for a person after the console is open: the queue updates live.
    const minsu = new BotConversation(svc, { locale: 'en-KR' });
    await minsu.say('My machine makes a loud noise and no coffee comes out, is it under warranty?');
    await minsu.say('I want to talk to a person');
    const id = `emulator:${minsu.id}`;
    const other = new BotConversation(svc, { locale: 'en-FR' });
    await other.say('talk to a human');
    await other.say('My Vertuo leaks, please call me back tomorrow');
    const item = page.locator(`#queue-waiting li[data-id="${id}"]`);
    await item.waitFor();
    await expect.poll(() => page.locator('#queue-waiting li').count()).toBe(2);
    expect(await page.textContent('#waiting-count')).toBe('2');
    expect(await page.locator(`#queue-waiting li[data-id="emulator:${other.id}"]`).textContent()).toMatch(/Left a message/);

    // Open it: transcript and the context packet.
    await item.locator('button').click();
    await expect.poll(() => page.textContent('#chat-status')).toBe('Waiting');
    await expect.poll(() => page.textContent('#transcript')).toMatch(/loud noise/);
    const facts = await page.textContent('#facts');
    expect(facts).toMatch(/Korea/);
    expect(facts).toMatch(/The customer asked for a person/);
    expect(await page.textContent('#context-sections')).toMatch(/FAQ candidates/);
    expect(await page.isDisabled('#message')).toBe(true);

    // Accept: the customer is told, the composer opens.
    await page.click('#accept');
    await expect.poll(() => page.textContent('#chat-status')).toBe('With Minji');
    expect(lastCustomerMessage(minsu)).toBe('Minji from our support team has joined the chat.');
    await expect.poll(() => page.locator('#queue-active li').count()).toBe(1);

    // The customer writes: it shows up live; the bot says nothing.
    expect(await minsu.say('It is a Vertuo Next, bought last spring')).toEqual([]);
    await expect.poll(() => page.locator('#transcript .msg-user').last().textContent()).toMatch(/Vertuo Next/);

    // Reply from the console.
    await page.fill('#message', 'Thanks! A Vertuo Next from last spring is under warranty. I will book a free repair for you.');
    await page.click('#send');
    await expect.poll(() => lastCustomerMessage(minsu)).toBe('Thanks! A Vertuo Next from last spring is under warranty. I will book a free repair for you.');
    await expect.poll(() => page.locator('#transcript .msg-agent').count()).toBe(1);
    expect(await page.inputValue('#message')).toBe('');
    expect(await minsu.say('Great, thank you!')).toEqual([]);
    await expect.poll(() => page.locator('#transcript .msg-user').last().textContent()).toMatch(/Great, thank you/);
    await page.fill('#message', 'You are welcome — you will get an SMS with the pickup time.');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/agent-console.png` });

    // End with a note: back with the bot, which says so and answers again.
    await page.click('#send');
    await expect.poll(() => page.locator('#transcript .msg-agent').count()).toBe(2);
    await page.click('#end');
    await page.fill('#end-note', 'Repair booked, warranty OK');
    await page.click('#end-confirm');
    await expect.poll(() => page.textContent('#chat-status')).toBe('Back with bot');
    expect(lastCustomerMessage(minsu)).toMatch(/^You're back with the assistant/);
    await expect.poll(() => page.textContent('#facts')).toMatch(/Repair booked, warranty OK/);
    await expect.poll(() => page.locator('#queue-active li').count()).toBe(0);
    expect(messages(await minsu.say('hello')).map((a) => support(a)?.kind)).toEqual(['smalltalk']);

    // Signing out forgets the token.
    await page.click('#logout');
    expect(await page.evaluate(() => sessionStorage.getItem('agent.token'))).toBeNull();
    expect(await page.isVisible('#login-form')).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows the guided task and its step in words, and the channel by its name', async () => {
    const customer = new BotConversation(svc, { locale: 'en-TW' });
    await customer.say('no water comes out of my machine');
    await customer.say('talk to a person');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, TOKEN);
    const item = page.locator(`#queue-waiting li[data-id="emulator:${customer.id}"]`);
    await item.waitFor();
    expect(await item.locator('.tag').allTextContents()).toContain('Bot Framework Emulator');
    await item.locator('button').click();
    await expect.poll(() => page.textContent('#context-sections')).toMatch(/Guided task/);
    const task = await page.textContent('#context-sections');
    expect(task).toMatch(/No water coming out · Asking for the model/);
    expect(task).not.toMatch(/noWater|askingModel|step /);
    await page.close();
  });

  it("shows why a reply was not delivered (WhatsApp's 24-hour window) and keeps the text", async () => {
    svc.app.outbound.register({ channelIds: ['closedwindow'], send: async () => ({ ok: false, reason: 'window-closed' }) });
    const customer = new BotConversation(svc, { locale: 'en-KR', channelId: 'closedwindow' });
    await customer.say('talk to a person');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, TOKEN);
    await page.locator(`#queue-waiting li[data-id="closedwindow:${customer.id}"] button`).click();
    await page.click('#accept');
    await expect.poll(() => page.textContent('#chat-error')).toMatch(/Accepted, but the customer was not told: WhatsApp's 24-hour window is closed/);
    await page.fill('#message', 'Hello, are you still there?');
    await page.click('#send');
    await expect.poll(() => page.textContent('#chat-error')).toMatch(/^WhatsApp's 24-hour window is closed/);
    expect(await page.isVisible('#chat-error')).toBe(true);
    expect(await page.inputValue('#message')).toBe('Hello, are you still there?');
    expect(await page.locator('#transcript .msg-agent').count()).toBe(0);
    await page.close();
  });
});
