/**
 * Market resolution (DESIGN.md §4), in order: what the customer said in this conversation, what is
 * stored for the user, the region of the activity's locale, the channel's default (LINE → TW,
 * WhatsApp → the phone number's country code), DEFAULT_MARKET.
 */
import { countryIn, squash, statedMarket } from '../language/understand/index.js';
import { CITY_WORDS, livingInCity } from '../language/understand/places.js';
import { LANGS } from '../conversation/lang.js';
import type { MarketSource } from '../conversation/conversation.js';
import type { Market } from '../lib/types.js';

export type { MarketSource };

const NAMES: Array<[RegExp, Market]> = [
  [/\b(taiwan|taiwanese|taipei|tw|台灣|台湾|臺灣)\b/iu, 'TW'],
  [/\b(france|french|fr|paris)\b/iu, 'FR'],
  [/\b(portugal|portuguese|pt|lisbon|lisboa)\b/iu, 'PT'],
  [/\b(korea|korean|kr|seoul|한국|대한민국)\b/iu, 'KR'],
];

const COUNTRY_ONLY = /^\s*(?:(?:i'?m |i am |we'?re |we are )?(?:in |from )?(?:the )?)?(taiwan|france|portugal|(?:south )?korea|tw|fr|pt|kr)\s*[.!]*\s*$/iu;
/** "I'm in Korea", "I live in France", "customer from Portugal", "... in Taiwan?" */
const STATEMENT =
  /\b(?:i'?m|i am|we'?re|we are|i live|we live|living|based|located|customer|client|here|expat|hi|hello|greetings|writing)\b[^.?!]{0,20}?\b(?:in|from)\s+(?:the\s+)?(taiwan|france|portugal|(?:south\s+)?korea)\b/iu;
/** "Taiwan here.", "France. I'm an Ambassador…", "Korea: how long…": a message that opens with the country, set apart. */
const OPENS_WITH = /^\s*(taiwan|france|portugal|(?:south\s+)?korea)(?:\s+here\b|\s*[.!:]+(?!\w))/iu;
/** "warranty in Korea" counts; "bought in France" (an overseas purchase) does not. */
const IN_COUNTRY = /\b(?<!(?:bought|purchased|made|ordered|got|buy|purchase)(?: it| them| this| that| my machine| the machine)? )in\s+(taiwan|france|portugal|(?:south\s+)?korea)\b/iu;

function toMarket(word: string): Market | undefined {
  for (const [re, m] of NAMES) if (re.test(word)) return m;
  return undefined;
}

/** A market the customer states in their message, if any, in any of the five languages. */
export function marketFromText(text: string): Market | undefined {
  const only = COUNTRY_ONLY.exec(text);
  if (only) return toMarket(only[1]!);
  const said = STATEMENT.exec(text) ?? IN_COUNTRY.exec(text) ?? OPENS_WITH.exec(text);
  if (said) return toMarket(said[1]!);
  if (isCountryOnly(text)) return countryIn(text) ?? livingInCity(squash(text), LANGS);
  return statedMarket(text);
}

const MAX_COUNTRY_ONLY = 40;

/**
 * True when the message is nothing but a country or where the customer lives (an answer to "which country are you
 * in?", or said in passing), e.g. "Korea", "한국", "台灣", "en France", "Portugal.", "je vis à Taïwan", "im in taipei
 * btw", "我住巴黎", "부산에 살아요": the bot says which market it now answers for, and goes on with what was pending.
 */
export function isCountryOnly(text: string): boolean {
  if (COUNTRY_ONLY.test(text)) return true;
  // The longest such answers ("je suis en France.", "저는 포르투갈에 살아요") are far shorter: a longer message says more
  // than a country, and every turn asks this.
  if (text.length > MAX_COUNTRY_ONLY) return false;
  const t = squash(text);
  if (!countryIn(t) && !livingInCity(t, LANGS)) return false;
  const rest = t
    .replace(/(?:台灣|臺灣|法國|葡萄牙|韓國|南韓|대만|타이완|프랑스|포르투갈|한국|대한민국|ta[ïi]wan|france|portugal|cor[ée]e|coreia|(?:south )?korea|frança|franca)/gu, '')
    .replace(CITY_WORDS, '')
    .replace(/^(?:en|au|à|a|em|no|na|je suis|estou|sou de|我在|我住|저는|전)\s*/u, '')
    .replace(/(?:이에요|예요|입니다|이요|에서요|에 있어요|에 살아요|에요)$/u, '')
    .replace(STATEMENT_WORDS, ' ')
    .trim()
    .replace(/(?:이에요|예요|입니다|이요|에서요|요|에 있어요|에 살아요|에요)$/u, '')
    .replace(/[\s\p{P}]/gu, '');
  return rest.length === 0;
}

/** The words around a place in "I live in …" in the five languages, and fillers ("btw", "now", "actually"). */
const STATEMENT_WORDS =
  /(?<![\p{L}\p{N}])(?:i'?m|im|i am|we'?re|we are|i live|we live|living|based|located|currently|now|actually|btw|here|in|from|the|je suis|je vis|j'habite|j ?habite|nous sommes|on est|maintenant|actuellement|à|a|au|en|moro|vivo|estou|agora|atualmente|em|no|na)(?![\p{L}\p{N}])|我們?|現在|目前|人|住|在|저는|저(?=\s)|전|지금|(?:에|에서)? ?(?:살아요|살고 ?있어요|살고 ?있습니다|삽니다|사는데요?|있어요|거주 ?중이에요|거주 ?중|거주해요|거주)|중이에요|요/gu;
const REGION: Record<string, Market> = { TW: 'TW', FR: 'FR', PT: 'PT', KR: 'KR' };

export function marketFromLocale(locale: string | undefined): Market | undefined {
  if (!locale) return undefined;
  const parts = locale.replace('_', '-').split('-');
  for (const p of parts.slice(1)) {
    const m = REGION[p.toUpperCase()];
    if (m) return m;
  }
  return undefined;
}

export interface MarketInputs {
  said?: Market;
  user?: Market;
  locale?: string;
  channel?: Market;
  fallback?: Market;
}

export function resolveMarket(i: MarketInputs): { market?: Market; source?: MarketSource } {
  if (i.said) return { market: i.said, source: 'said' };
  if (i.user) return { market: i.user, source: 'user' };
  const fromLocale = marketFromLocale(i.locale);
  if (fromLocale) return { market: fromLocale, source: 'locale' };
  if (i.channel) return { market: i.channel, source: 'channel' };
  if (i.fallback) return { market: i.fallback, source: 'default' };
  return {};
}
