import { describe, expect, it } from 'vitest';
import { normaliserFor } from '../../src/retrieval/languages.js';
import { stripKorean } from '../../src/retrieval/tokenise-cjk.js';

const empty = { synonyms: [], stopwords: [] };

describe('Chinese (zh-TW)', () => {
  const zh = normaliserFor('zh-TW', { synonyms: [{ canonical: '保固', variants: ['保修'] }], stopwords: [] });

  it('reads Simplified as Traditional, so both spellings give the same tokens', () => {
    expect(zh.tokens('我的密码忘记了')).toEqual(zh.tokens('我的密碼忘記了'));
    expect(zh.tokens('台湾')).toEqual(zh.tokens('臺灣'));
  });

  it('gives segmenter words and character bigrams, so 不出水 and 沒出水 meet on 出水', () => {
    const a = zh.tokens('咖啡機不出水');
    expect(a).toContain('出水');
    expect(a).toContain('咖啡');
    expect(zh.tokens('機器沒出水')).toContain('出水');
  });

  it('keeps Latin product names inside Chinese text as words', () => {
    expect(zh.tokens('我的Pixie不出水')).toContain('pixie');
    expect(zh.tokens('Essenza Mini 保修多久')).toEqual(expect.arrayContaining(['essenza', 'mini', '保固']));
  });

  it('drops bigrams made of function characters (我的, 的咖)', () => {
    const t = zh.tokens('我的咖啡機');
    expect(t).not.toContain('我的');
    expect(t).not.toContain('的咖');
  });
});

describe('Korean (ko)', () => {
  const ko = normaliserFor('ko', { synonyms: [{ canonical: '비밀번호', variants: ['비번'] }], stopwords: [] });

  it('strips particles and polite endings', () => {
    expect(stripKorean('기계가')).toBe('기계');
    expect(stripKorean('링크는')).toBe('링크');
    expect(stripKorean('이메일을')).toBe('이메일');
    expect(stripKorean('물이')).toBe('물');
    expect(stripKorean('서비스센터에서')).toBe('서비스센터');
    expect(stripKorean('나와요')).toBe('나와');
  });

  it('strips the spoken endings typed without a space: 할때, 는거, 건지, 마다, 까봐, 던데', () => {
    expect(stripKorean('주문할때')).toBe('주문');
    expect(stripKorean('같은거')).toBe('같');
    expect(stripKorean('받는건지')).toBe('받');
    expect(stripKorean('부품마다')).toBe('부품');
    expect(stripKorean('다르다던데')).toBe('다르');
    // a noun that ends in 거 keeps it (수거, pickup)
    expect(stripKorean('수거')).toBe('수거');
  });

  it('gives the stem and its syllable bigrams, whatever particle the customer used', () => {
    expect(ko.tokens('보증기간이')).toEqual(['보증기간', '보증', '증기', '기간']);
    expect(ko.tokens('보증기간은')).toEqual(ko.tokens('보증기간이'));
  });

  it('applies the lexicon to substrings and keeps Latin product names', () => {
    expect(ko.tokens('비번 까먹었어요')).toContain('비밀번호');
    expect(ko.tokens('버츄오 Vertuo 물이 안 나와요')).toEqual(expect.arrayContaining(['vertuo', '물']));
  });
});

describe('French and Portuguese', () => {
  const fr = normaliserFor('fr', empty);
  const pt = normaliserFor('pt', empty);

  it('folds accents, splits elisions and stems', () => {
    expect(fr.tokens("résiliation de l'abonnement")).toEqual(fr.tokens('resiliation abonnement'));
    expect(fr.tokens("pas d'eau")).toEqual(['pas', ...fr.tokens('eau')]);
    expect(fr.tokens("changer l'e-mail")).toEqual(fr.tokens('changer email'));
    expect(fr.tokens('machines garanties')).toEqual(fr.tokens('machine garantie'));
  });

  it('keeps negations and numbers, drops function words', () => {
    expect(fr.tokens('ma machine ne coule pas')).toContain('pas');
    expect(pt.tokens('a máquina não tem água')).toContain('nao');
    expect(pt.tokens('tenho 14 dias')).toContain('14');
    expect(pt.tokens('a minha encomenda')).toEqual(pt.tokens('encomendas'));
  });

  it('maps lexicon words before stemming', () => {
    const p = normaliserFor('pt', { synonyms: [{ canonical: 'palavra-passe', variants: ['password', 'senha'] }], stopwords: [] });
    expect(p.tokens('esqueci a senha')).toEqual(p.tokens('esqueci a palavra-passe'));
  });
});
