/**
 * The shared Simplified → Traditional (Taiwan) reading gives exactly what opencc-js's own
 * `Converter({ from: 'cn', to: 'tw' })` gives, on the knowledge base, the labelled questions (as
 * written and turned into Simplified) and phrases of opencc's own dictionary run together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { readAsTraditional, toTraditional } from '../../src/lib/traditional-chinese.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function strings(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...strings(p));
    else if (/\.(json|txt)$/.test(f)) out.push(...readFileSync(p, 'utf8').split(/\n|"/).filter((s) => /\p{Script=Han}/u.test(s)));
  }
  return out;
}

describe('readAsTraditional', () => {
  it('leaves Traditional text as Taiwan wrote it, which the phrase tables would rewrite', () => {
    expect(toTraditional('還是只能刷卡')).toBe('還是隻能刷卡');
    expect(readAsTraditional('還是只能刷卡')).toBe('還是只能刷卡');
    expect(readAsTraditional('家裡只有一台咖啡機')).toBe('家裡只有一台咖啡機');
  });

  it('converts text that holds a character only Simplified Chinese writes, the whole text as toTraditional does', () => {
    expect(readAsTraditional('这台咖啡机只能用信用卡吗')).toBe(toTraditional('这台咖啡机只能用信用卡吗'));
    expect(readAsTraditional('我忘记密码了')).toBe('我忘記密碼了');
  });
});

describe('toTraditional', () => {
  it('reads Simplified as Taiwan Traditional exactly as opencc-js cn → tw does', { timeout: 60_000 }, async () => {
    const reference = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const texts = [...strings(join(ROOT, 'knowledge')), ...strings(join(ROOT, 'test/eval'))];
    const phrases = ((await import('opencc-js/dict/STPhrases' as string)) as { default: string }).default.split('|').map((l) => l.split(' ')[0]!);
    const mixed = phrases.filter((_, i) => i % 11 === 0).map((p, i) => `${p}${phrases[(i * 13) % phrases.length]}的${phrases[(i * 31) % phrases.length]}`);
    const odd = ['这台咖啡机不出水了，怎么办？', '臺灣 台湾 着 里 後 后 髮 发', '⿰氵肖水', '⿱⿰', '𠮷野家', 'Pixie 没出水', ''];
    const all = [...texts, ...texts.map((t) => toSimplified(t)), ...mixed, ...odd];
    expect(texts.length).toBeGreaterThan(1000);
    const differ = all.filter((t) => toTraditional(t) !== reference(t));
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('leaves text without Chinese as it is', () => {
    expect(readAsTraditional('My Pixie gives no water')).toBe('My Pixie gives no water');
    expect(toTraditional('My Pixie gives no water')).toBe('My Pixie gives no water');
    expect(toTraditional('기계에서 물이 안 나와요')).toBe('기계에서 물이 안 나와요');
  });
});
