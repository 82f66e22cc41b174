/**
 * Retrieval quality on the labelled set (test/eval/questions.json) must not regress below the
 * levels reported in README. The full report is `npm run eval`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, buildIndexes } from '../../src/retrieval/faq-index.js';
import { loadKnowledge } from '../../src/retrieval/knowledge.js';
import { loadThresholds, Retriever } from '../../src/retrieval/decide.js';
import { evaluate, loadQuestions, statesFact } from '../../src/retrieval/eval.js';

const questions = loadQuestions(fileURLToPath(new URL('../eval/questions.json', import.meta.url)));

describe('labelled set', () => {
  it('has at least 150 in-domain and 40 out-of-domain questions over all five documents and four markets', () => {
    const inDomain = questions.filter((q) => q.expect !== 'abstain');
    expect(inDomain.length).toBeGreaterThanOrEqual(150);
    expect(questions.length - inDomain.length).toBeGreaterThanOrEqual(40);
    const docs = new Set(inDomain.map((q) => (q.expect as { document: string }).document));
    expect(docs.size).toBe(5);
    expect(new Set(questions.map((q) => q.market)).size).toBe(4);
  });
});

describe('retrieval quality', () => {
  const k = loadKnowledge();
  const report = evaluate(new Retriever(k, buildIndex(k), loadThresholds(k.dir)), questions);

  it('answers most in-domain questions right, or offers the right one among its choices', () => {
    expect(report.top1Accuracy).toBeGreaterThanOrEqual(0.9);
    expect((report.top1 + report.inDomainClarifiedRight) / report.inDomain).toBeGreaterThanOrEqual(0.95);
  });

  it('rarely answers confidently and wrongly', () => {
    expect(report.inDomainWrong).toBeLessThanOrEqual(2);
    expect(report.oodNotAnsweredRate).toBeGreaterThanOrEqual(0.9);
  });

  it('checks facts the way customers read them (dashes and spacing folded, phone numbers by digits)', () => {
    expect(statesFact('repair takes 5–7 working days', '5-7 working days')).toBe(true);
    expect(statesFact('call 0809-001-886', '0809 001 886')).toBe(true);
    expect(statesFact('valid for 48 hours', '72 hours')).toBe(false);
  });
});

/**
 * Per language, on its own labelled set (npm run eval): guards against regression at the levels
 * measured with the per-language thresholds on 2026-12-07 after round 6 (contextual phrasings in zh-TW, ko, fr
 * and pt, the last sentence choosing among the choices, near out-of-scope answers offered as a choice; README):
 * top-1 (English fresh 90.6%, zh-TW 91.7%, ko 93.8%, fr 94.4%, pt 90.4%), confident wrong answers (1, 3, 0, 4, 2),
 * out of domain not answered (93.8%, 88.2%, 97.1% with the Korean out-of-scope gap fill, 93.8%, 96.9%), and "did you mean"s answered as a guess that
 * were wrong or out of domain (0 everywhere). Chinese out of domain fell from 91.2 % with its round-6 phrasings
 * (one near miss more answered: a new flavour of capsule, against a phrasing about returning a new flavour one
 * did not like); Portuguese from 100 %, partly won back by offering near out-of-scope answers as a choice.
 * Raised after round 7 (2026-12-07: bought in Korea, the machine named, 'là-bas', a phrasing held whole, the zh-TW and
 * fr out-of-scope gap fill): zh-TW 92.4 % / 2 wrong / 91.2 %, fr 96.0 % / 2 wrong, pt 91.2 %.
 * Round 8 (2026-12-07, evening: the out-of-scope lists filled kind by kind in five languages, and an entry offered as
 * a choice when an out-of-scope question is within OUT_OF_SCOPE_CLOSE of it): English fresh 90.6 % → 89.1 % top-1
 * (one right answer became a "did you mean" with it first: "do i have to take the loaner machine during the repair?"
 * ties a question about the loan machine's model), wrong 1 → 0, out of domain 93.8 → 100 %; Korean top-1 93.8 → 92.2 %
 * (two more "did you mean"s); the out-of-domain blind sets below gained 5–9 points each.
 * Round 9 (the Portuguese out-of-scope list filled with the second blind dev set's kinds): pt top-1 91.2 → 90.4 % (one
 * right answer became a "did you mean"), for two more blind dev questions and one more held-out question refused.
 * Round 10 (a repair's price list or warranty answers only a message about a repair, and a price list only one about
 * a price): zh-TW out of domain 91.2 → 94.1 % ("韓國官網Vertuo Next現在多少錢" had the repair tiers), ko 97.1 → 100 %.
 */
describe('retrieval quality per language', () => {
  const k = loadKnowledge();
  const retriever = new Retriever(k, buildIndexes(k), loadThresholds(k.dir));
  it.each([
    ['en-fresh.json', 0.89, 0, 1, 0],
    ['zh-TW.json', 0.92, 2, 0.94, 0],
    ['ko.json', 0.92, 0, 1, 0],
    ['fr.json', 0.96, 2, 0.93, 0],
    ['pt.json', 0.9, 2, 0.96, 0],
  ] as const)('%s: top-1 >= %s, wrong <= %s, out-of-domain not answered >= %s, wrong guesses <= %s', (file, top1, wrong, ood, guesses) => {
    const report = evaluate(retriever, loadQuestions(fileURLToPath(new URL(`../eval/${file}`, import.meta.url))));
    expect(report.top1Accuracy).toBeGreaterThanOrEqual(top1);
    expect(report.inDomainWrong).toBeLessThanOrEqual(wrong);
    expect(report.oodNotAnsweredRate).toBeGreaterThanOrEqual(ood);
    expect(report.tentative.wrong + report.tentative.ood).toBeLessThanOrEqual(guesses);
  });
});

/**
 * Out-of-domain questions written blind from the source documents (test/eval/ood-dev: tuned on; ood-fresh: held out,
 * only totals read), 40 per language. Floors at round 8's measurement (2026-12-07): refused — neither answered nor
 * answered tentatively. First run (before round 8): dev en 34, zh-TW 32, ko 35, fr 31, pt 29; held out 32, 33, 33,
 * 31, 33 of 40. Round 9 (2026-12-07, night): a second dev set (test/eval/ood-dev2, first run en 30, zh-TW 33, ko 34,
 * fr 29, pt 30), the English, French and Portuguese out-of-scope lists filled with its kinds (the Chinese and Korean
 * additions were measured and not kept: leave-one-out right −5 and −7 for one blind question more), Korean endings
 * (ko dev 37 → 38): dev en 40, ko 38; dev 2 en 33, pt 32; held out en 36, pt 36. Round 10 (repair price lists need a
 * repair and a price word): held out zh-TW 36 → 37.
 */
describe('out-of-domain questions written blind', () => {
  const k = loadKnowledge();
  const retriever = new Retriever(k, buildIndexes(k), loadThresholds(k.dir));
  it.each([
    ['ood-dev', 'en', 40], ['ood-dev', 'zh-TW', 35], ['ood-dev', 'ko', 38], ['ood-dev', 'fr', 36], ['ood-dev', 'pt', 35],
    ['ood-dev2', 'en', 33], ['ood-dev2', 'zh-TW', 33], ['ood-dev2', 'ko', 34], ['ood-dev2', 'fr', 29], ['ood-dev2', 'pt', 32],
    ['ood-fresh', 'en', 36], ['ood-fresh', 'zh-TW', 37], ['ood-fresh', 'ko', 36], ['ood-fresh', 'fr', 34], ['ood-fresh', 'pt', 36],
  ] as const)('%s/%s: at least %s of 40 refused', (dir, lang, floor) => {
    const questions = loadQuestions(fileURLToPath(new URL(`../eval/${dir}/${lang}.json`, import.meta.url)));
    expect(questions).toHaveLength(40);
    expect(questions.every((q) => q.expect === 'abstain' && q.lang === lang)).toBe(true);
    const r = evaluate(retriever, questions);
    // Counts only: the held-out set's questions are never printed.
    expect(r.outOfDomain - r.oodAnswered - r.tentative.ood).toBeGreaterThanOrEqual(floor);
  });
});
