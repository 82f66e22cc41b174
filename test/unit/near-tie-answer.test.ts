/**
 * A "did you mean" with one plausible candidate (issue 16, near ties): the retrieval stage's decision
 * is answered as a guess, with "did that help?" and yes/no buttons in the customer's language, and the
 * customer's yes or no is read as feedback on that entry. A real choice stays a "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/conversation/lang.js';
import { Renderer } from '../../src/language/render.js';
import { answerDecision } from '../../src/router/actions.js';
import type { Turn } from '../../src/router/turn-view.js';
import { buildIndexes } from '../../src/retrieval/faq-index.js';
import { loadThresholds, Retriever, type Decision } from '../../src/retrieval/decide.js';
import { loadKnowledge } from '../../src/retrieval/knowledge.js';
import { knowledgeRenderSource } from '../../src/language/render-source.js';

const knowledge = loadKnowledge();
const retriever = new Retriever(knowledge, buildIndexes(knowledge), loadThresholds(knowledge.dir));
const renderer = new Renderer(knowledgeRenderSource(knowledge));
const entry = knowledge.byId.get('tw-descaling')!;
const rival = knowledge.byId.get('tw-no-water')!;

function turn(lang: Turn['lang']): Turn {
  return {
    s: { knowledge, retriever, now: () => 0 } as unknown as Turn['s'],
    input: {} as Turn['input'],
    text: 'descale',
    state: { id: 'c1', fallbacks: 1 } as unknown as Turn['state'],
    user: {} as Turn['user'],
    market: 'TW',
    lang,
    answersStep: false,
    langChosen: false,
    effects: [],
  };
}

describe('a "did you mean" with one plausible candidate', () => {
  it.each(LANGS)('is answered and asks whether that helped (%s)', async (lang) => {
    const t = turn(lang);
    const sole = { entry, score: 0.3 };
    const d: Decision = { type: 'clarify', options: [sole], candidates: [sole], sole };
    const [reply] = await answerDecision(t, d, t.text);
    const shown = renderer.reply(reply as Parameters<Renderer['reply']>[0], lang);
    expect(shown.text).toContain(renderer.message({ key: 'ans.faq.tentative' }, lang));
    expect(shown.text).toContain(knowledge.localized(entry, lang).answer);
    expect(shown.text.endsWith(renderer.message({ key: 'ans.faq.helped' }, lang))).toBe(true);
    expect(shown.choices?.slice(-2).map((c) => c.value)).toEqual(['yes', 'no']);
    for (const c of shown.choices ?? []) expect(c.label.length).toBeLessThanOrEqual(20);
    expect(t.state.pending).toEqual({ type: 'feedback', faqId: entry.id });
    expect(t.state.fallbacks).toBe(0);
  });

  it('stays a choice when two candidates are plausible', async () => {
    const t = turn('en');
    const options = [{ entry, score: 0.3 }, { entry: rival, score: 0.28 }];
    const [reply] = await answerDecision(t, { type: 'clarify', options, candidates: options }, t.text);
    expect(t.state.pending?.type).toBe('clarify');
    expect(renderer.reply(reply as Parameters<Renderer['reply']>[0], 'en').choices?.map((c) => c.value)).toContain(`faq:${rival.id}`);
  });
});

describe('a message closer to a question our documents do not answer', () => {
  it.each(LANGS)('says so, without asking to say it another way, and shows the topics (%s)', async (lang) => {
    const t = turn(lang);
    t.state.fallbacks = 0;
    const outOfScope = { entry: { ...entry, id: 'out-of-scope', topic: 'out-of-scope' }, score: 0.6 };
    const [reply] = await answerDecision(t, { type: 'abstain', candidates: [], outOfScope }, 'citiz colours?');
    const shown = renderer.reply(reply as Parameters<Renderer['reply']>[0], lang);
    expect(shown.text).toContain(renderer.message({ key: 'abstain.outOfScope', params: { topics: { key: 'label.topics' } } }, lang));
    expect(shown.text).toContain(renderer.message({ key: 'label.topics' }, lang));
    expect(shown.text).not.toContain(renderer.message({ key: 'abstain.first' }, lang));
    expect(shown.choices?.map((c) => c.value)).toContain('cmd:help');
    // A plain "not sure" still asks to say it another way.
    const fresh = turn(lang);
    fresh.state.fallbacks = 0;
    const [plain] = await answerDecision(fresh, { type: 'abstain', candidates: [] }, 'hm');
    expect(renderer.reply(plain as Parameters<Renderer['reply']>[0], lang).text).toContain(renderer.message({ key: 'abstain.first' }, lang));
  });
});
