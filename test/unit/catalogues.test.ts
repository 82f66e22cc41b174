/**
 * The bot's words (DESIGN.md §10, STYLE.md "Words and languages"): every language has every key with
 * the same {placeholders}; every button label fits LINE's and WhatsApp's 20 characters in every
 * language; and no sentence a customer reads is written inline in the code that builds replies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/conversation/lang.js';
import { CATALOGUES, EN } from '../../src/language/catalog/index.js';
import { subscriptionTerms } from '../../src/policy/tables.js';

const placeholders = (s: string) => [...s.matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]).sort();
const KEYS = Object.keys(EN) as Array<keyof typeof EN>;

describe('catalogues', () => {
  it.each(LANGS)('%s has every English key, non-empty, with the same placeholders', (lang) => {
    const cat = CATALOGUES[lang];
    for (const key of KEYS) {
      expect(cat[key], `${lang} ${key}`).toBeTruthy();
      expect(placeholders(cat[key]), `${lang} ${key}`).toEqual(placeholders(EN[key]));
    }
    expect(Object.keys(cat).sort()).toEqual([...KEYS].sort());
  });

  it.each(LANGS)('%s: every button label fits 20 characters (LINE quick replies, WhatsApp buttons)', (lang) => {
    const cat = CATALOGUES[lang];
    const labels = KEYS.filter((k) => /(^|\.)label\./.test(k) || k.startsWith('label.') || k.startsWith('market.') || k.startsWith('lang.'));
    expect(labels.length).toBeGreaterThan(20);
    for (const key of labels) expect([...cat[key]].length, `${lang} ${key}: ${cat[key]}`).toBeLessThanOrEqual(20);
  });

  it("the English path to cancel a subscription is the policy's (France's FAQ)", () => {
    expect(EN['cp.cancelPath']).toBe(subscriptionTerms.FR.cancelPath.join(' → '));
  });

  it('the other languages are translations, not copies of the English', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const same = KEYS.filter((k) => CATALOGUES[lang][k] === EN[k] && /\b[a-z]{4,} [a-z]{3,}\b/.test(EN[k]));
      expect(same, lang).toEqual([]);
    }
  });
});

/** Code that builds what customers read: replies, tasks, hand-off notices, channel rendering. */
const CUSTOMER_FACING = ['src/router', 'dialogs', 'src/handoff/messages.ts', 'src/channels/render-text.ts', 'src/language/render.ts', 'src/language/detect.ts'];
/** A quoted sentence: a capitalised word and four more words. */
const SENTENCE = /['"`][A-Z][a-z]+(?: [a-z'’]+){4,}/;
/** Lines that are not customer-facing words: comments, logs, one-line summaries and reasons for agents. */
const NOT_WORDS = /^\s*(\/\/|\*|\/\*)|logger\.|\.(warn|info|error|debug)\(|\bsummary\b|\breason:/;

function files(path: string): string[] {
  const root = join(import.meta.dirname, '../..', path);
  if (statSync(root).isFile()) return [root];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
}

describe('no inline customer-facing sentences', () => {
  it('the code that builds replies words nothing itself: every sentence is a catalogue key', () => {
    const found: string[] = [];
    for (const path of CUSTOMER_FACING.flatMap(files)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SENTENCE.test(line) && !NOT_WORDS.test(line)) found.push(`${path.split('/').slice(-2).join('/')}:${i + 1}: ${line.trim().slice(0, 100)}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches an inline sentence', () => {
    expect(SENTENCE.test("return { text: 'Your repair is booked for next week' }")).toBe(true);
    expect(NOT_WORDS.test("return { text: 'Your repair is booked for next week' }")).toBe(false);
  });
});
