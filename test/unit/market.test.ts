import { describe, expect, it } from 'vitest';
import { isCountryOnly, marketFromLocale, marketFromText, resolveMarket } from '../../src/router/market.js';

describe('market from what the customer says', () => {
  it.each([
    ["I'm in Korea", 'KR'],
    ['i live in france', 'FR'],
    ['we are based in Portugal, how do returns work?', 'PT'],
    ['Taiwan', 'TW'],
    ['korea', 'KR'],
    ['how long is the warranty in korea?', 'KR'],
    ['포르투갈에서요', 'PT'],
    ['구독 해지 비용 알려주세요. 대만에서요.', 'TW'],
    ['프랑스 거주 중인데 반품 되나요?', 'FR'],
    ['포르투갈에서 구독 중인데요, 앱에서 해지돼요?', 'PT'],
  ])('%s → %s', (text, market) => {
    expect(marketFromText(text)).toBe(market);
  });

  it.each(['my machine was bought in France, can you repair it?', 'how long is the warranty', 'I bought it in korea', '프랑스에서 산 머신이에요', '프랑스에서요청'])(
    'no market stated in %s',
    (text) => {
      expect(marketFromText(text)).toBeUndefined();
    },
  );

  // Found by blind testers: a city with a verb of living, in each language, is the customer's market.
  it.each([
    ['vivo em Seul. qual é a garantia da minha maquina?', 'KR'],
    ['estou a viver em Taipei', 'TW'],
    ["j'habite à Lyon, ma machine fuit", 'FR'],
    ['jhabite en coree, garantie machine ?', 'KR'],
    ['I live in Busan, is my Pixie still covered?', 'KR'],
    ['hi from Porto, Portugal!', 'PT'],
    ['expat in Seoul here', 'KR'],
    ['Taiwan here. I bought my machine on momo', 'TW'],
    ["France. I'm an ambassador member", 'FR'],
    ['我住巴黎', 'FR'],
    ['我現在住法國巴黎，24個月的機器訂閱才過了10個月', 'FR'],
    ['我在里斯本工作 客服電話幾號', 'PT'],
    ['파리에 사는 한국인인데요 기계 보증기간이 얼마나 돼요?', 'FR'],
    ['저 대만 타이베이 사는데요', 'TW'],
    ['리스본 거주중이에요', 'PT'],
  ])('%s → %s', (text, market) => {
    expect(marketFromText(text)).toBe(market);
  });

  it.each(['comprei em Paris', 'I bought it in Paris', '서울에서 샀어요', '在巴黎買的機器'])('a city where the machine was bought is no market: %s', (text) => {
    expect(marketFromText(text)).toBeUndefined();
  });

  it.each(['je vis à Taïwan', 'im in taipei btw', '我住巴黎', '부산에 살아요', '프랑스 살아요', '포르투갈에서요', 'korea!!', 'vivo em Seul'])(
    'where the customer lives and nothing else is a country answer: %s',
    (text) => {
      expect(isCountryOnly(text)).toBe(true);
    },
  );

  it('tells a bare country from a question that names one', () => {
    expect(isCountryOnly('France')).toBe(true);
    expect(isCountryOnly("I'm in Korea")).toBe(true);
    expect(isCountryOnly('warranty in korea')).toBe(false);
  });
});

describe('market resolution order (DESIGN.md §4)', () => {
  it('reads the region of the locale', () => {
    expect(marketFromLocale('zh-TW')).toBe('TW');
    expect(marketFromLocale('fr-FR')).toBe('FR');
    expect(marketFromLocale('pt-PT')).toBe('PT');
    expect(marketFromLocale('ko-KR')).toBe('KR');
    expect(marketFromLocale('fr')).toBeUndefined();
    expect(marketFromLocale('en-US')).toBeUndefined();
  });

  it('prefers what was said, then the user, then the locale, then the channel, then the default', () => {
    const all = { said: 'KR', user: 'FR', locale: 'pt-PT', channel: 'TW', fallback: 'FR' } as const;
    expect(resolveMarket(all)).toEqual({ market: 'KR', source: 'said' });
    expect(resolveMarket({ ...all, said: undefined })).toEqual({ market: 'FR', source: 'user' });
    expect(resolveMarket({ ...all, said: undefined, user: undefined })).toEqual({ market: 'PT', source: 'locale' });
    expect(resolveMarket({ ...all, said: undefined, user: undefined, locale: 'en-US' })).toEqual({ market: 'TW', source: 'channel' });
    expect(resolveMarket({ fallback: 'FR' })).toEqual({ market: 'FR', source: 'default' });
    expect(resolveMarket({})).toEqual({});
  });
});
