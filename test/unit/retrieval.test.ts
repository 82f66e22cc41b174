import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex, FaqIndex } from '../../src/retrieval/faq-index.js';
import { loadKnowledge } from '../../src/retrieval/knowledge.js';
import { byModel, lastSentence, OUT_OF_SCOPE_CLOSE, questionsIn, Retriever } from '../../src/retrieval/decide.js';
import { createNormaliser } from '../../src/retrieval/normalise.js';
import { boughtInKorea, fromAbroad, saysOverseas } from '../../dialogs/detect.js';
import { modelNamedExactlyIn } from '../../dialogs/models.js';

const dir = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));

function retriever(margin = 0.05) {
  const k = loadKnowledge(dir);
  return new Retriever(k, buildIndex(k), { answer: 0.5, clarify: 0.3, margin, maxUnknownShare: 1 });
}

/** A minimal Taiwan entry for the synthetic two-entry knowledge bases below. */
const entry = (id: string, phrasings: string[]) => ({
  id,
  topic: id,
  markets: ['TW' as const],
  question: `${phrasings[0]}?`,
  phrasings,
  answer: `The answer about ${phrasings[0]}.`,
  source: { document: 'tw-account-faq', section: 'x' },
  tags: [],
});

describe('unknown numbers', () => {
  it('weigh less than unknown words, a time of day written as a number included', () => {
    const k = loadKnowledge(dir);
    const index = buildIndex(k);
    const share = (text: string) => index.unknownShare(index.analyse(text));
    expect(share('descaling at 9pm')).toBeLessThan(share('descaling at vesuvius'));
    expect(share('descaling at 19h')).toBe(share('descaling at 19'));
    expect(share('descaling at 21h30')).toBe(share('descaling at 19'));
  });
});

describe('normalisation', () => {
  it('folds case, accents, punctuation, plurals and lexicon variants', () => {
    const n = createNormaliser({ synonyms: [{ canonical: 'warranty', variants: ['guarantee'] }], stopwords: ['the'] });
    expect(n.tokens('The GUARANTEE, on machines!')).toEqual(['warranty', 'on', 'machin']);
    expect(n.tokens('Café')).toEqual(['cafe']);
  });
});

describe('retrieval per market', () => {
  it('answers with the entry of the customer’s market when a topic differs by market', () => {
    const r = retriever();
    const fr = r.decide('how long is the guarantee on my machine', 'FR');
    const kr = r.decide('how long is the guarantee on my machine', 'KR');
    expect(fr.type === 'answer' && fr.entry.id).toBe('fr-warranty');
    expect(kr.type === 'answer' && kr.entry.id).toBe('kr-warranty');
  });

  it('asks for the market when the answer depends on it and none is known', () => {
    const d = retriever().decide('how long is the warranty', undefined);
    expect(d.type).toBe('askMarket');
  });

  it('answers a one-market topic without a market, scoped to that market', () => {
    const d = retriever().decide('how often should I descale', undefined);
    expect(d.type === 'answer' && d.entry.id).toBe('tw-descale');
  });

  it('says the market is silent rather than giving another market’s policy', () => {
    const d = retriever().decide('can I return my plus programme machine', 'FR');
    expect(d.type).toBe('otherMarketOnly');
  });

  it('tolerates typos through the vocabulary index', () => {
    const d = retriever().decide('forgot my pasword', 'TW');
    expect(d.type === 'answer' && d.entry.id).toBe('tw-forgot-password');
    const typo = retriever().decide('when to descael', 'TW');
    expect(typo.type === 'answer' && typo.entry.id).toBe('tw-descale');
  });

  it('abstains on out-of-domain questions that share words with the documents', () => {
    // Unknown words ("wifi", "router") weigh against the match: never a confident answer.
    expect(retriever().decide('reset my wifi router password', 'TW').type).not.toBe('answer');
    expect(retriever().decide('what is the weather tomorrow', 'FR').type).toBe('abstain');
  });

  it('clarifies when two topics are close', () => {
    const d = retriever(0.2).decide('return', 'PT');
    expect(d.type).toBe('clarify');
    if (d.type === 'clarify') expect(d.options.map((o) => o.entry.id).sort()).toEqual(['pt-refund-timing', 'pt-returns-days']);
  });

  it('recognises a tapped "did you mean" choice exactly', () => {
    const d = retriever().decide('When will I get my refund after a return?', 'PT');
    expect(d.type === 'answer' && d.entry.id).toBe('pt-refund-timing');
  });
});

describe('evidence before answering', () => {
  it('never answers a bare number or a stray word, and does not offer choices for them', () => {
    const r = retriever();
    expect(r.decide('72', 'TW').type).toBe('abstain');
    expect(r.decide('9pm', 'TW').type).toBe('abstain');
    expect(r.decide('yes', 'TW').type).toBe('abstain');
  });

  it('offers no choices for a message mostly foreign to the documents that shares one word with them', () => {
    const k = loadKnowledge(dir);
    const r = new Retriever(k, buildIndex(k), { answer: 0.5, clarify: 0.2, margin: 0.05, maxUnknownShare: 0.3 });
    expect(r.index.search('pizza oven descale', ['TW'], 1)[0]?.score).toBeGreaterThan(0.2); // one shared word
    expect(r.decide('pizza oven descale', 'TW').type).toBe('abstain');
  });

  it('prefers another market’s well-matched entry to a one-word "did you mean" in the customer’s market', () => {
    const k = loadKnowledge(dir);
    const r = new Retriever(k, buildIndex(k), { answer: 0.5, clarify: 0.2, margin: 0.05, maxUnknownShare: 0.3 });
    expect(r.index.search('warranty of a plus programme return', ['FR'], 1)[0]).toMatchObject({ entry: { id: 'fr-warranty' }, matched: 1 });
    const d = r.decide('warranty of a plus programme return', 'FR');
    expect(d.type === 'otherMarketOnly' && d.entry.id).toBe('kr-plus-return');
  });

  it('asks "did you mean" for one word that two entries share about equally, even with no calibrated margin', () => {
    const k = loadKnowledge(dir);
    const entries = [entry('tw-capsule-recycling', ['capsule recycling', 'recycle used capsule']), entry('tw-capsule-prices', ['capsule prices', 'price of a capsule'])];
    const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.3, clarify: 0.2, margin: 0, maxUnknownShare: 1 });
    expect(r.decide('capsule', 'TW').type).toBe('clarify');
    expect(r.decide('capsule recycling', 'TW').type).toBe('answer');
  });

  it('marks a "did you mean" with one plausible candidate, and only when every word of the message is ours', () => {
    const k = loadKnowledge(dir);
    const entries = [
      entry('tw-capsule-recycling', ['where can I recycle used capsules', 'capsule recycling points near me']),
      entry('tw-machine-descaling', ['how often should I descale the machine', 'descaling kit']),
    ];
    // The answer threshold is out of reach: the best these can do is a "did you mean".
    const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.99, clarify: 0.2, margin: 0, maxUnknownShare: 1 });
    const sole = r.decide('recycle capsules', 'TW');
    expect(sole.type === 'clarify' && sole.sole?.entry.id).toBe('tw-capsule-recycling');
    // A word our documents never use ("dishwasher") makes it a guess not worth showing.
    const foreign = r.decide('recycle capsules in the dishwasher', 'TW');
    expect(foreign.type === 'abstain' || (foreign.type === 'clarify' && !foreign.sole)).toBe(true);
    // Two candidates about equally close: a real choice.
    const both = r.decide('descale and recycle capsules', 'TW');
    expect(both.type).toBe('clarify');
    expect(both.type === 'clarify' && both.options.length === 2 && !both.sole).toBe(true);
  });

  it('never answers a tie between two topics, whatever the calibrated margin', () => {
    const k = loadKnowledge(dir);
    const tied = (id: string, answer: string) => ({ ...entry(id, ['order delivery', 'delivery of my order']), answer });
    const entries = [tied('tw-delivery-carrier', 'A courier company delivers it.'), tied('tw-delivery-help', 'Our team can help with it.')];
    const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.3, clarify: 0.2, margin: 0, maxUnknownShare: 1 });
    expect(r.decide('my order delivery', 'TW').type).toBe('clarify');
  });

  it('tells English siblings apart by the kind of fact asked for: a time, an amount', () => {
    const k = loadKnowledge(dir);
    const sibling = (id: string, answer: string) => ({ ...entry(id, ['order delivery', 'delivery of my order']), answer });
    const entries = [
      sibling('tw-delivery-carrier', 'A courier company chosen by us delivers it.'),
      sibling('tw-delivery-time', 'Orders placed before 14:00 arrive within 2 working days.'),
      sibling('tw-delivery-cost', 'Delivery is free of charge above NT$1,500.'),
    ];
    // The words that ask are stop words, as in the real English lexicon.
    const lexicon = { ...k.lexicon, stopwords: [...k.lexicon.stopwords, 'when', 'will', 'be', 'much', 'take'] };
    const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(lexicon)), { answer: 0.3, clarify: 0.2, margin: 0.05, maxUnknownShare: 1 });
    const topic = (text: string) => {
      const d = r.decide(text, 'TW');
      return d.type === 'answer' ? d.entry.id : d.type;
    };
    expect(topic('when will my order delivery be')).toBe('tw-delivery-time');
    expect(topic('how long does delivery of an order take')).toBe('tw-delivery-time');
    expect(topic('how much is delivery of my order')).toBe('tw-delivery-cost');
    // No kind asked: the three still tie.
    expect(topic('order delivery')).toBe('clarify');
  });

  it('answers a single meaningful keyword', () => {
    const d = retriever().decide('descaling', 'TW');
    expect(d.type === 'answer' && d.entry.id).toBe('tw-descale');
  });
});

describe('questions our documents do not answer (knowledge/out-of-scope)', () => {
  const k = loadKnowledge(dir);
  const entries = [
    entry('tw-repair-cost', ['how much does a repair cost', 'repair price for my machine', 'price of fixing the machine']),
    entry('tw-capsule-recycling', ['where can I recycle used capsules', 'capsule recycling points']),
  ];
  const outOfScope = ['how much does a new machine cost in the shop', 'price of a brand new machine', 'reset my wifi router password'];
  const withOos = new FaqIndex(entries, createNormaliser(k.lexicon), { outOfScope });
  const without = new FaqIndex(entries, createNormaliser(k.lexicon));
  const thresholds = { answer: 0.3, clarify: 0.2, margin: 0.05, maxUnknownShare: 1 };
  const r = new Retriever({ ...k, entries }, withOos, thresholds);

  it('refuses a message closer to one of them than to any entry', () => {
    const d = r.decide('what is the price of a new machine', 'TW');
    expect(d.type).toBe('abstain');
    expect(d.type === 'abstain' && d.outOfScope?.entry.id).toBe('out-of-scope');
    // Without them, the shared words make it a repair-price question.
    expect(new Retriever({ ...k, entries }, without, thresholds).decide('what is the price of a new machine', 'TW').type).not.toBe('abstain');
  });

  it('offers the entry as a choice, not an answer, when one of them is closer by less than the refusal lead', () => {
    // 'how much does the machine cost': the new-machine question 0.83, the repair price 0.80.
    const d = r.decide('how much does the machine cost', 'TW');
    expect(d.type).toBe('clarify');
    expect(d.type === 'clarify' && d.options.map((o) => o.entry.id)).toEqual(['tw-repair-cost']);
    expect(d.type === 'clarify' && d.sole).toBeUndefined();
    // Without them, or when the entry is the closer one, it is answered.
    expect(new Retriever({ ...k, entries }, without, thresholds).decide('how much does the machine cost', 'TW').type).toBe('answer');
    expect(r.decide('how much does a machine cost to fix', 'TW').type).toBe('answer');
  });

  it('offers the entry as a choice, not an answer or a guess, when one of them is nearly as close (OUT_OF_SCOPE_CLOSE)', () => {
    const recycling = [entry('tw-capsule-recycling', ['where can I recycle used capsules', 'capsule recycling points']), entries[0]!];
    const index = new FaqIndex(recycling, createNormaliser(k.lexicon), { outOfScope: ['where can I recycle old batteries', 'battery recycling points'] });
    const rr = new Retriever({ ...k, entries: recycling }, index, thresholds);
    const score = (text: string, id: string) => index.search(text, ['TW']).find((c) => c.entry.id === id)!.score;
    // Capsules and batteries: the entry 0.567, the batteries 0.526 (0.041 behind).
    const both = 'where can I recycle used capsules and batteries';
    expect(score(both, 'tw-capsule-recycling') - score(both, 'out-of-scope')).toBeLessThan(OUT_OF_SCOPE_CLOSE);
    const d = rr.decide(both, 'TW');
    expect(d.type).toBe('clarify');
    expect(d.type === 'clarify' && d.options.map((o) => o.entry.id)).toEqual(['tw-capsule-recycling']);
    expect(d.type === 'clarify' && d.sole).toBeUndefined();
    // Further behind (0.08): answered.
    expect(score('where can I recycle', 'tw-capsule-recycling') - score('where can I recycle', 'out-of-scope')).toBeGreaterThan(OUT_OF_SCOPE_CLOSE);
    expect(rr.decide('where can I recycle', 'TW').type).toBe('answer');
  });

  it('still answers the entries, and never offers them as a choice', () => {
    const d = r.decide('how much is a repair of my machine', 'TW');
    expect(d.type === 'answer' && d.entry.id).toBe('tw-repair-cost');
    const c = r.decide('repair or recycle', 'TW');
    if (c.type === 'clarify') expect(c.options.map((o) => o.entry.id)).not.toContain('out-of-scope');
  });

  it('changes no entry score and keeps their words unknown', () => {
    for (const q of ['repair price', 'recycle capsules', 'new machine price']) {
      expect(withOos.search(q, ['TW']).filter((c) => c.entry.id !== 'out-of-scope')).toEqual(without.search(q, ['TW']));
    }
    expect(withOos.analyse('router password').unknown).toContain('router');
    expect(withOos.unknownShare(withOos.analyse('router capsules'))).toBe(without.unknownShare(without.analyse('router capsules')));
  });
});

describe('market words', () => {
  it('are left to market resolution, whatever form the stemmer gives them ("France" → "franc")', () => {
    const k = loadKnowledge(dir);
    const index = buildIndex(k);
    for (const text of ['descaling France', 'descaling in Portuguese', 'Taiwanese descaling', 'descaling korea']) {
      expect(index.analyse(text).tokens).toEqual(['descal']);
    }
  });
});

describe('a machine from another country, in Korea', () => {
  const k = loadKnowledge(dir);
  const kr = (id: string, phrasings: string[]) => ({ ...entry(id, phrasings), markets: ['KR' as const, 'TW' as const] });
  const entries = [
    kr('kr-overseas-machines', ['can you repair a machine bought overseas', 'overseas machine repair', 'is an overseas machine covered']),
    kr('kr-repair-service', ['can you repair my machine', 'how do I get my machine repaired', 'where is my machine repaired']),
  ];
  const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.3, clarify: 0.2, margin: 0.05, maxUnknownShare: 1 });
  const top = (text: string, market: 'KR' | 'TW') => r.decide(text, market).candidates[0]?.entry.id;

  it('is searched as an overseas machine when it was bought in or brought from a named country', () => {
    expect(top('I brought my machine from Germany, can you repair it?', 'KR')).toBe('kr-overseas-machines');
    expect(top('bought it in Japan, can you repair my machine?', 'KR')).toBe('kr-overseas-machines');
    // The country alone adds nothing, nor does the same message outside Korea: the index drops country names.
    expect(top('I live near Germany, can you repair my machine?', 'KR')).toBe('kr-repair-service');
    const overseas = (text: string, market: 'KR' | 'TW') => r.decide(text, market).candidates.find((c) => c.entry.id === 'kr-overseas-machines')?.score ?? 0;
    expect(overseas('I brought my machine from Germany, can you repair it?', 'KR')).toBeGreaterThan(overseas('I brought my machine from Germany, can you repair it?', 'TW') + 0.05);
  });

  it('reads the purchase or the journey in the five languages', () => {
    for (const text of ['I brought it from the US', '從美國帶過來的', '일본에서 가져온 머신', "je l'ai ramenée de France", 'trouxe-a do Japão', '在日本買的', 'achetée en Allemagne']) {
      expect(fromAbroad(text), text).toBe(true);
    }
    for (const text of ['I live in the US now', '我在美國', "je pars en France demain", 'bought it last year']) expect(fromAbroad(text), text).toBe(false);
  });
});

describe('a machine bought in Korea (KR)', () => {
  const k = loadKnowledge(dir);
  const kr = (id: string, phrasings: string[], tags: string[] = []) => ({ ...entry(id, phrasings), markets: ['KR' as const], tags });
  const entries = [
    kr('kr-overseas-repair-cost', ['how much is a repair of a machine bought overseas', 'repair price of my citiz', 'overseas repair price'], ['overseas', 'vertuo']),
    kr('kr-repair-cost-original', ['original machine repair price', 'how much is a repair', 'pixie repair cost'], ['original', 'citiz', 'pixie']),
  ];
  const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.3, clarify: 0.2, margin: 0.02, maxUnknownShare: 1 });
  const score = (text: string, id: string) => r.decide(text, 'KR').candidates.find((c) => c.entry.id === id)?.score ?? 0;

  it('never offers the overseas entries when the message says the machine was bought in Korea', () => {
    expect(score('bought in Korea, what is the repair price of my citiz', 'kr-overseas-repair-cost')).toBe(0);
    expect(score('bought in Korea, what is the repair price of my citiz', 'kr-repair-cost-original')).toBeGreaterThan(0);
    // Said neither way, they stay.
    expect(score('what is the repair price of my citiz', 'kr-overseas-repair-cost')).toBeGreaterThan(0);
  });

  it('reads bought in Korea and overseas said in words in the five languages', () => {
    for (const text of ['bought it in Korea', '在韓國買的CitiZ', '한국에서 산 머신', 'achetée en Corée', 'comprada na Coreia']) expect(boughtInKorea(text), text).toBe(true);
    // In Korea is not bought there: brought to Korea, or a machine that is in Korea now.
    for (const text of ['bought in Korea? no, I brought it from Japan', 'machine 230V ramenée en Corée', 'maquina de 230v na coreia reparação']) {
      expect(boughtInKorea(text), text).toBe(false);
    }
    for (const text of ['bought it abroad', '海外購入的機器', '직구한 머신', '일본판 이니시아', "achetée à l'étranger", 'ma machine étrangère', 'máquina importada', 'comprei a máquina fora da coreia']) {
      expect(saysOverseas(text), text).toBe(true);
    }
    for (const text of ['my Pixie broke', '픽시가 고장났어요', 'ma machine est en panne']) expect(saysOverseas(text), text).toBe(false);
  });
});

describe('a message that names a machine', () => {
  const k = loadKnowledge(dir);
  const kr = (id: string, topic: string, phrasings: string[], tags: string[]) => ({ ...entry(id, phrasings), topic, markets: ['KR' as const], tags });
  const entries = [
    kr('kr-repair-cost-vertuo', 'repair-cost', ['vertuo repair price after the warranty', 'how much is a vertuo repair'], ['vertuo']),
    kr('kr-repair-cost-original', 'repair-cost', ['original repair price', 'citiz repair price', 'pixie repair'], ['original', 'citiz', 'pixie']),
    kr('kr-repair-service', 'repair-service', ['how do I get a repair after the warranty'], []),
  ];
  const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.3, clarify: 0.2, margin: 0.02, maxUnknownShare: 1 });

  it("lets the entry about the machine named answer for its topic, at the topic's score, and changes nothing between topics", () => {
    const c = (id: string, score: number) => ({ entry: entries.find((e) => e.id === id)!, score });
    const given = [c('kr-repair-cost-vertuo', 0.6), c('kr-repair-service', 0.5), c('kr-repair-cost-original', 0.4)];
    const ranked = (model: string | undefined) => byModel(given, model).map((x) => `${x.entry.id} ${x.score}`);
    // A CitiZ is an Original machine: the Original list takes the Vertuo list's place.
    expect(ranked('citiz')).toEqual(['kr-repair-cost-original 0.6', 'kr-repair-service 0.5', 'kr-repair-cost-vertuo 0.4']);
    // A Vertuo Next is a Vertuo, and no machine named changes nothing.
    expect(ranked('vertuo-next')).toEqual(['kr-repair-cost-vertuo 0.6', 'kr-repair-service 0.5', 'kr-repair-cost-original 0.4']);
    expect(ranked(undefined)).toEqual(['kr-repair-cost-vertuo 0.6', 'kr-repair-service 0.5', 'kr-repair-cost-original 0.4']);
  });

  it('reads the machine for it only as the catalogue or Nespresso Korea writes it (no spelling corrected: every search pays it)', () => {
    expect(modelNamedExactlyIn('픽시 수리비 얼마예요')).toBe('pixie');
    expect(modelNamedExactlyIn('CitiZ過了保固修一次多少錢')).toBe('citiz');
    expect(modelNamedExactlyIn('my Vertuo Next repair price')).toBe('vertuo-next');
    expect(modelNamedExactlyIn('my pixxee repair price')).toBeUndefined();
  });

  it('answers from the list of the machine named', () => {
    const text = 'how much is a repair price after the warranty for my citiz';
    const d = r.decide(text, 'KR');
    expect(d.type === 'answer' && d.entry.id).toBe('kr-repair-cost-original');
    // Without the machine named the Vertuo list, which shares more of the words, comes first.
    expect(r.decide(text.replace('citiz', 'machine'), 'KR').candidates[0]?.entry.id).toBe('kr-repair-cost-vertuo');
  });
});

describe('a phrasing held whole by a longer message', () => {
  const k = loadKnowledge(dir);
  const entries = [
    entry('tw-membership-number', ['where do I find my membership number', 'membership number location']),
    entry('tw-contact', ['what is the hotline number', 'call the hotline']),
  ];
  const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.6, clarify: 0.15, margin: 0.05, maxUnknownShare: 1 });

  it('is the question, whatever the story around it: answered below the answer score', () => {
    const text = 'The hotline lady asked me for my membership number and I had no clue. Where do I actually find it?';
    const d = r.decide(text, 'TW');
    expect(d.type === 'answer' && d.entry.id).toBe('tw-membership-number');
    expect(d.type === 'answer' && d.score).toBeLessThan(0.6);
    // Held by neither (no phrasing whole in the message): the choice stays the customer's.
    expect(r.decide('hotline membership', 'TW').type).not.toBe('answer');
  });
});

describe('a message of several sentences', () => {
  const k = loadKnowledge(dir);
  const entries = [
    entry('tw-repair-booking', ['how do I book a repair', 'book a repair for my machine', 'arrange a repair pickup']),
    entry('tw-repair-warranty', ['how long is the warranty after a repair', 'warranty on a repaired machine', 'is a repair covered by a warranty']),
  ];
  const r = new Retriever({ ...k, entries }, new FaqIndex(entries, createNormaliser(k.lexicon)), { answer: 0.45, clarify: 0.25, margin: 0.1, maxUnknownShare: 1 });

  it('lets its last sentence, the question, choose among the choices the whole message left', () => {
    const d = r.decide('Before I book a repair, one quick question. How long is the warranty after the repair?', 'TW');
    expect(d.type === 'answer' && d.entry.id).toBe('tw-repair-warranty');
    // In one sentence the same words are answered too: they hold a phrasing of the warranty entry whole (below).
    expect(r.decide('Before I book a repair, one quick question, how long is the warranty after the repair?', 'TW').type).toBe('answer');
    // A last sentence with too few words of its own decides nothing.
    expect(r.decide('Before I book a repair and a warranty thing. Is it covered?', 'TW').type).toBe('clarify');
  });

  it('finds the last sentence in the five languages, and never splits a number', () => {
    expect(lastSentence('Bought it in 2023. How long is the warranty?')).toBe('How long is the warranty?');
    expect(lastSentence('上次出國兩週回來。請問通常是什麼原因造成的？')).toBe('請問通常是什麼原因造成的？');
    expect(lastSentence('수리 접수하기 전에 하나만 여쭤볼게요. 보증기간 지나면 유상수리인가요?')).toBe('보증기간 지나면 유상수리인가요?');
    expect(lastSentence('The water tank holds 1.5 litres, is that normal')).toBeUndefined();
    expect(lastSentence('How long is the warranty?')).toBeUndefined();
  });

  it('finds the questions of a message that asks two or more, each after the story before the first', () => {
    expect(questionsIn('Bought it in Seoul. How long is the warranty? And how much is a repair after it?')).toEqual([
      { question: 'How long is the warranty?', text: 'Bought it in Seoul. How long is the warranty?' },
      { question: 'And how much is a repair after it?', text: 'Bought it in Seoul. And how much is a repair after it?' },
    ]);
    expect(questionsIn('維修大概要幾天？還有收到的Email如果找不到要怎麼辦？')?.map((q) => q.question)).toEqual(['維修大概要幾天？', '還有收到的Email如果找不到要怎麼辦？']);
    // Korean asks without a question mark too.
    expect(questionsIn('보증기간이 얼마나 되나요 그리고 배송비는 얼마인가요')).toBeUndefined();
    expect(questionsIn('보증기간이 얼마나 되나요. 플러스 프로그램 배송비도 있나요')?.map((q) => q.question)).toEqual(['보증기간이 얼마나 되나요.', '플러스 프로그램 배송비도 있나요']);
    // One question, or a second with no words of its own ("ok?"), is not two.
    expect(questionsIn('How long is the warranty?')).toBeUndefined();
    expect(questionsIn('How long is the warranty? ok?')).toBeUndefined();
    expect(questionsIn('My machine is broken. Can you help?')).toBeUndefined();
  });
});
