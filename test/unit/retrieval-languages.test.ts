/**
 * decide(text, market, lang) on the fixture knowledge base (seven entries, each worded in the five
 * languages): a question is searched in its own language's fields and answered from its market's
 * entries; a question that is not ours is refused in every language.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/conversation/lang.js';
import { buildIndexes } from '../../src/retrieval/faq-index.js';
import { checkKnowledge, loadKnowledge } from '../../src/retrieval/knowledge.js';
import { Retriever } from '../../src/retrieval/decide.js';
import type { Market } from '../../src/lib/types.js';

const dir = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));
const knowledge = loadKnowledge(dir);
const retriever = new Retriever(knowledge, buildIndexes(knowledge), { answer: 0.45, clarify: 0.3, margin: 0.02, maxUnknownShare: 0.4 });

const answered = (text: string, market: Market, lang: Lang) => {
  const d = retriever.decide(text, market, lang);
  return d.type === 'answer' ? d.entry.id : d.type;
};

describe('a question in its own language, answered from its market', () => {
  it.each([
    ['zh-TW', '我的密码忘记了怎么办', 'TW', 'tw-forgot-password'],
    ['zh-TW', 'Lattissima 多久要除垢一次', 'TW', 'tw-descale'],
    ['ko', '보증기간이 얼마나 되나요?', 'KR', 'kr-warranty'],
    ['ko', '보증기간이 얼마나 되나요?', 'FR', 'fr-warranty'],
    ['fr', 'ma machine est-elle encore sous garantie ?', 'KR', 'kr-warranty'],
    ['fr', "j'ai oublié mon mot de passe", 'TW', 'tw-forgot-password'],
    ['pt', 'quanto tempo tenho para devolver a encomenda', 'PT', 'pt-returns-days'],
    ['pt', 'a minha máquina ainda está na garantia?', 'KR', 'kr-warranty'],
  ] as const)('%s: "%s" in %s → %s', (lang, text, market, id) => {
    expect(answered(text, market, lang)).toBe(id);
  });

  it('English stays the default language', () => {
    expect(answered('forgot my password', 'TW', 'en')).toBe('tw-forgot-password');
    const d = retriever.decide('how long is the warranty', 'KR');
    expect(d.type === 'answer' && d.entry.id).toBe('kr-warranty');
  });

  it('gives the entry in the question language for the reply, with the source named in it', () => {
    const entry = knowledge.byId.get('kr-warranty')!;
    expect(knowledge.localized(entry, 'pt')).toEqual({
      question: 'Qual é o prazo de garantia da máquina?',
      answer: expect.stringContaining('12 meses'),
      section: 'Período de garantia por produto',
      sourceTitle: 'Coreia — Condições de garantia e reparação dos produtos',
    });
    expect(knowledge.localized(entry, 'en').answer).toBe(entry.answer);
  });

  it('recognises a tapped "did you mean" question in any language', () => {
    const d = retriever.decide('Qual é o prazo de garantia da máquina?', 'KR', 'pt');
    expect(d.type === 'answer' && d.entry.id).toBe('kr-warranty');
  });
});

describe('not our question, in every language', () => {
  it.each([
    ['zh-TW', '台北明天天氣如何', 'TW'],
    ['zh-TW', 'TP-Link 路由器的管理員密碼怎麼重設', 'TW'],
    ['ko', '서울 날씨 어때요', 'KR'],
    ['ko', '버스 카드 충전은 어디서 해요', 'KR'],
    ['fr', 'comment réinitialiser le mot de passe admin de ma box internet', 'FR'],
    ['pt', 'qual é o tempo em Lisboa amanhã', 'PT'],
  ] as const)('%s: "%s" is not answered', (lang, text, market) => {
    expect(retriever.decide(text, market, lang).type).not.toBe('answer');
  });
});

describe('the knowledge check', () => {
  it('reports an entry without all its languages', async () => {
    const { mkdtempSync, cpSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const copy = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(dir, copy, { recursive: true });
    const file = join(copy, 'faq/i18n/ko/fixture.json');
    const list = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; answer: string }>;
    list.find((e) => e.id === 'pt-refund-timing')!.answer = '철회를 통보받은 날부터 늦어도 15일 이내에 환불됩니다.';
    writeFileSync(file, JSON.stringify(list.filter((e) => e.id !== 'tw-descale')));
    const messages = checkKnowledge(copy).problems.map((p) => `${p.entry}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'tw-descale: no ko wording',
        'pt-refund-timing: the ko answer states 15, the English answer does not',
        'pt-refund-timing: the English answer states 14, the ko answer does not',
      ]),
    );
  });

  it('reports an out-of-scope question that is one of the entries\' own phrasings, a duplicate, or a bad file', async () => {
    const { mkdtempSync, cpSync, mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const copy = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(dir, copy, { recursive: true });
    const ko = (JSON.parse(readFileSync(join(copy, 'faq/i18n/ko/fixture.json'), 'utf8')) as Array<{ phrasings: string[] }>)[0]!.phrasings[0]!;
    mkdirSync(join(copy, 'out-of-scope'), { recursive: true });
    writeFileSync(join(copy, 'out-of-scope/ko.json'), JSON.stringify([`${ko}!`, '서울 날씨 어때요', '서울 날씨 어때요?']));
    writeFileSync(join(copy, 'out-of-scope/fr.json'), JSON.stringify([]));
    const problems = checkKnowledge(copy).problems;
    expect(problems.map((p) => `${p.file} ${p.entry ?? ''}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        `out-of-scope/ko.json ${ko}!: is one of the entries' own questions or phrasings`,
        'out-of-scope/ko.json 서울 날씨 어때요?: duplicate',
      ]),
    );
    expect(problems.some((p) => p.file === 'out-of-scope/fr.json')).toBe(true);
  });
});

describe('a market name written against the next word', () => {
  it('is taken out before Chinese and Korean are cut into pairs, so no pair straddles it', () => {
    const zh = retriever.indexFor('zh-TW').analyse('在葡萄牙官網買機器');
    expect(zh.tokens).not.toContain('牙官');
    expect(zh.tokens.some((t) => t.includes('葡') || t.includes('牙'))).toBe(false);
    const ko = retriever.indexFor('ko').analyse('포르투갈사이트에서 샀어요');
    expect(ko.tokens.some((t) => t.includes('갈사'))).toBe(false);
    expect(ko.tokens.some((t) => t.includes('포르'))).toBe(false);
  });
});
