/**
 * The quick reject in front of the five languages' readers (src/language/understand/quick-reject.ts) must
 * never change what a pattern matches: every pattern, wrapped, gives the same result as the original on
 * every labelled question, routing message and knowledge phrasing, and on short answers and commands.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { squash, UNDERSTANDING } from '../../src/language/understand/index.js';
import { quickReject, UNICODE_BOUNDARY, withoutBoundaries } from '../../src/language/understand/quick-reject.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const B = UNICODE_BOUNDARY;

/** Every string value of the JSON files under `dir`. */
function texts(dir: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...texts(p));
    else if (f.endsWith('.json')) walk(JSON.parse(readFileSync(p, 'utf8')));
  }
  return out;
}

function patterns(): Array<[string, RegExp]> {
  const out: Array<[string, RegExp]> = [];
  for (const u of Object.values(UNDERSTANDING)) {
    for (const k of ['yes', 'no', 'dontKnow', 'agentAnywhere', 'inCountry', 'asksForThis'] as const) out.push([`${u.lang} ${k}`, u[k]]);
    for (const [name, re] of [...u.commands, ...u.smalltalk, ...u.countries]) out.push([`${u.lang} ${name}`, re]);
  }
  return out;
}

describe('quickReject', () => {
  it('wraps the readers whose patterns use the Unicode word boundary (the check below compares something)', () => {
    const wrapped = patterns().filter(([, re]) => quickReject(re) !== re);
    expect(wrapped.length).toBeGreaterThan(15);
  });

  it('matches exactly as the original pattern, groups included, on every labelled and knowledge text', { timeout: 60_000 }, () => {
    const short = ['yes', 'no', 'non', 'não', 'ok', "didn't work", 'talk to a person', 'i want to speak with an agent', "i'm in korea", 'je suis en france', 'moro em portugal', 'hello', 'merci', 'tchau', 'cancel', '네', '아니요'];
    const corpus = [...new Set([...texts(join(ROOT, 'test/eval')), ...texts(join(ROOT, 'knowledge/faq')), ...short].flatMap((t) => [t, squash(t)]))];
    expect(corpus.length).toBeGreaterThan(5000);
    const differences: string[] = [];
    for (const [name, re] of patterns()) {
      const quick = quickReject(re);
      for (const t of corpus) {
        if (JSON.stringify(re.exec(t)) !== JSON.stringify(quick.exec(t)) || re.test(t) !== quick.test(t)) differences.push(`${name}: ${t}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('removes only boundaries that widen the pattern when removed', () => {
    expect(withoutBoundaries(`${B}(?:talk|speak)${B}`)).toBe('(?:talk|speak)');
    expect(withoutBoundaries(`^(?:no)(?![\\p{L}])|${B}still no${B}`)).toBe('^(?:no)(?![\\p{L}])|still no');
    // Inside a negative lookahead a boundary narrows nothing: removing it would reject more.
    expect(withoutBoundaries(`foo(?!${B}bar)`)).toBeUndefined();
    expect(withoutBoundaries('(?:plain)')).toBeUndefined();
    expect(withoutBoundaries(`[(]${B}x\\(${B}`)).toBe('[(]x\\(');
  });

  it('still finds a match that the loose pattern lets through, and rejects what it does not', () => {
    const re = new RegExp(`${B}(?:talk) to (a person)${B}`, 'u');
    const quick = quickReject(re);
    expect(quick).not.toBe(re);
    expect(quick.exec('can i talk to a person please')?.[1]).toBe('a person');
    expect(quick.test('stalk to a person')).toBe(false);
    expect(quick.test('nothing here')).toBe(false);
  });
});
