/**
 * The language a message is written in (DESIGN.md §10): Hangul → Korean; Han → Traditional Chinese
 * (Simplified is read as Traditional); Latin text of about ten letters or more → English, French or
 * Portuguese by their function words. Statistical detectors were measured and left out: franc-min read
 * "how often do i need to descale my machine" and "i want to book a repair" as French, and eld's
 * smallest model costs 86 MB resident for three languages. Short or mixed messages ("ok", "12",
 * "Vertuo Next", an address, an e-mail) tell nothing, so they never switch the conversation's language.
 */
import type { Lang } from '../conversation/lang.js';

/** Product and brand names carry no language. */
const NAMES = /\b(?:nespresso|vertuo(?:line)?|next|pop|plus|original|pixie|citiz|essenza|mini|lattissima|one|touch|creatista|inissia|prodigio|expert|maestria|gran|kitchenaid|delonghi|krups|breville|aeroccino\d?|barista|zenius|gemini|aguila|momento|easyordering|ambassador|u|line|facebook|momo|pchome|yahoo|whatsapp|e-?mail)\b/giu;


/**
 * A sentence has function words; an address, a name or a list of product names has none. The detector
 * must find at least one of the chosen language's, so "Rua Augusta 10, Lisboa" or "12 Sejong-daero,
 * Jung-gu, Seoul" switch nothing.
 */
const FUNCTION_WORDS: Record<'en' | 'fr' | 'pt', Set<string>> = {
  en: new Set("the an is are was it i i'm i've my me you your to of in on for and or not do does did how what when where why which can could would will please with this that have has from at about get need want there it's don't doesn't didn't can't won't isn't much many just also still already".split(' ')),
  fr: new Set("le la les l' de du des d' un une je j' est sont mon ma mes ton ta vous votre vos pour et ou pas ne n' que qu' quel quelle quels comment quand pourquoi où avec ce cette c il elle on en au aux sur dans à ai suis puis veux voudrais merci combien coûte coute aussi encore déjà très être avoir faire peux".split(' ')),
  pt: new Set('o os as de do da dos das um uma é são eu meu minha meus minhas você vocês para e ou não que qual quais como quando porquê onde com este esta isso na nos nas em ao à se foi tenho quero posso pode obrigado obrigada quanto quanta quantos custa preciso estou está tem há pelo pela também ainda já nao'.split(' ')),
};

export function detectLang(text: string): Lang | undefined {
  const hangul = (text.match(/\p{Script=Hangul}/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  if (hangul + han + kana > 0) {
    // A sentence in English, French or Portuguese naming a Korean or Chinese shop or place ("bought my pixie at
    // 현대백화점 boutique, how long is the warranty?") is written in its own language, not in the name's.
    const around = latinLang(text.replace(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu, ' '));
    const letters = (text.match(/\p{Script=Latin}/gu) ?? []).length;
    if (around && letters >= 4 * (hangul + han + kana)) return around;
  }
  if (hangul >= 2 && hangul >= han) return 'ko';
  if (han >= 2 && kana === 0) return 'zh-TW';
  if (hangul + han > 0) return undefined;
  return latinLang(text);
}

/** English, French or Portuguese by their function words, or undefined (too short, or no clear winner). */
function latinLang(text: string): Lang | undefined {
  const latin = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // References, models and amounts ("R-L67J5G", "EN500", "12,5€") carry no language.
    .replace(/\S*\d\S*/g, ' ')
    .replace(NAMES, ' ');
  const letters = (latin.match(/\p{Script=Latin}/gu) ?? []).length;
  const words = latin.split(/[^\p{L}']+/u).filter((w) => w.length > 1).length;
  if (letters < 10 || words < 2) return undefined;
  const tokens = latin.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  // Function words decide: a statistical detector (franc-min, eld) reads short English as French.
  const count = (lang: 'en' | 'fr' | 'pt') => new Set(tokens.filter((w) => FUNCTION_WORDS[lang].has(w) || FUNCTION_WORDS[lang].has(w.replace(/'.*$/, "'")))).size;
  const counts = { en: count('en'), fr: count('fr'), pt: count('pt') };
  const best = Math.max(counts.en, counts.fr, counts.pt);
  if (best === 0) return undefined;
  const tied = (['en', 'fr', 'pt'] as const).filter((l) => counts[l] === best);
  // A tie tells nothing ("talk to a person" shares no word with French, but "a" is Portuguese too).
  if (tied.length > 1) return undefined;
  return tied[0];
}
