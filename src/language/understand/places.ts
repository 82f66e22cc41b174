/**
 * Cities of the four markets, in the five languages' spellings, and "I live in <place>" in each language: a customer
 * who says "vivo em Seul", "j'habite à Lyon", "我住在台中" or "부산에 살아요" has said their market (DESIGN.md §4) as
 * surely as one who names the country. Country names are the readers' own (`inCountry`); this adds the cities,
 * which only count with a verb of living or being there ("estou em Paris", "I'm based in Busan"), never alone: a
 * machine "bought in Paris" by a customer in Korea is an overseas machine, not a market.
 */
import type { Lang } from '../../conversation/lang.js';
import type { Market } from '../../lib/types.js';

/** Main cities and regions, lower-case, by market ("nice" counts only after a verb of living: "moro em Nice"). */
export const CITIES: Record<Market, string[]> = {
  TW: ['taipei', 'taipé', 'taipe', 'taïpei', 'new taipei', 'taichung', 'kaohsiung', 'tainan', 'hsinchu', 'taoyuan', 'keelung', 'kinmen', 'hualien', 'taitung', 'yilan', 'chiayi', 'penghu',
    '台北', '臺北', '新北', '台中', '臺中', '高雄', '台南', '臺南', '新竹', '桃園', '基隆', '金門', '花蓮', '台東', '臺東', '宜蘭', '嘉義', '澎湖',
    '타이베이', '타이페이', '타이중', '가오슝', '타이난'],
  KR: ['seoul', 'séoul', 'seul', 'busan', 'pusan', 'incheon', 'daegu', 'daejeon', 'gwangju', 'suwon', 'ulsan', 'gyeonggi', 'jeju', 'seongnam', 'goyang', 'yongin',
    '首爾', '首尔', '釜山', '仁川', '大邱', '大田', '光州', '水原', '蔚山', '京畿', '濟州',
    '서울', '부산', '인천', '대구', '대전', '광주', '수원', '울산', '경기', '경기도', '제주', '성남', '고양', '용인'],
  FR: ['paris', 'lyon', 'lião', 'marseille', 'marselha', 'bordéus', 'nice', 'nizza', 'toulouse', 'nantes', 'bordeaux', 'lille', 'strasbourg', 'montpellier', 'rennes', 'grenoble', 'nancy',
    '巴黎', '里昂', '馬賽', '波爾多', '尼斯', '파리', '리옹', '마르세유', '보르도', '니스'],
  PT: ['lisbon', 'lisboa', 'lisbonne', 'porto', 'oporto', 'faro', 'braga', 'coimbra', 'funchal', 'madeira', 'madère', 'açores', 'azores', 'açores', 'aveiro', 'setúbal', 'setubal', 'sintra', 'cascais', 'ponta delgada',
    '里斯本', '波多', '波爾圖', '馬德拉', '亞速', '리스본', '포르투', '마데이라'],
};

const LATIN = /^[\p{Script=Latin}\s'-]+$/u;
const alternation = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|');
const ALL = Object.values(CITIES).flat();
const LATIN_CITIES = alternation(ALL.filter((w) => LATIN.test(w)));
const CJK_CITIES = alternation(ALL.filter((w) => !LATIN.test(w)));
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** "I live in <city>" per language; group 1 is the city. Read on the squashed (lower-case) message. */
const LIVING_IN: Record<Lang, RegExp> = {
  en: new RegExp(`${B}(?:i'?m|i am|we'?re|we are|i live|we live|living|based|located|here|expat|speaker|hi|hello|greetings|writing)${E}[^.?!]{0,20}?${B}(?:in|from)\\s+(${LATIN_CITIES})${E}|^\\W*(${LATIN_CITIES}) here${E}|${B}in (${LATIN_CITIES}) here${E}`, 'u'),
  fr: new RegExp(`${B}(?:je suis|j'habite|j ?habite|je vis|nous sommes|on est|install[ée]e?s?|bas[ée]e?s?)${E}[^.?!]{0,20}?${B}(?:à|a|au|aux|en|sur)\\s+(${LATIN_CITIES})${E}`, 'u'),
  pt: new RegExp(`${B}(?:estou|moro|vivo|sou cliente|cliente|resido|instalad[oa])${E}[^.?!]{0,20}?${B}(?:em|na|no|nos|nas)\\s+(${LATIN_CITIES})${E}`, 'u'),
  'zh-TW': new RegExp(`(?:我們?(?:現在|目前)?人?(?:住在|住|在)|(?:現在|目前)?住在?|人在)(?:(?:台灣|臺灣|法國|葡萄牙|韓國|南韓)的?)?(${CJK_CITIES})`, 'u'),
  ko: new RegExp(`(${CJK_CITIES})(?:에서요${E}|(?:에|에서)? ?(?:살아요|삽니다|있어요|있습니다|살고|살아서|사는데|사는 |거주|지내))`, 'u'),
};

/** Every city, to take out of a message (global). */
export const CITY_WORDS = new RegExp(`${B}(?:${LATIN_CITIES})${E}|${CJK_CITIES}`, 'gu');

/**
 * A verb of living with a country close after it, whatever stands between ("moro em Nice, França", "I live in a
 * small town near Lyon, France", "프랑스 니스 살아요" reads the other way): the text around the verb, for countryIn.
 */
const LIVING_VERB = /(?<![\p{L}])(?:i live|we live|i'?m based|living|expat|moved to|moro|vivo|resido|estou a viver|j'habite|j ?habite|je vis|installée?)(?![\p{L}])[^.?!]{0,30}|[^.?!]{0,12}(?:살아요|사는데|살고 있|거주)|(?:我|我們)(?:現在)?住[^。？！]{0,12}/u;
export function livingNear(squashed: string): string | undefined {
  return LIVING_VERB.exec(squashed)?.[0];
}

const BY_CITY = new Map<string, Market>(Object.entries(CITIES).flatMap(([m, ws]) => ws.map((w) => [w, m as Market] as const)));

/** Places a document's answer depends on: never taken out of a question. */
const ANSWER_PLACES = new Set(['madeira', 'madère', 'açores', 'azores', 'funchal', 'ponta delgada', 'kinmen', 'penghu', '金門', '澎湖', '馬德拉', '亞速', '마데이라', 'incheon', 'gyeonggi', '仁川', '京畿', '인천', '경기', '경기도']);

/**
 * The message without the words that say where the customer lives when a city says it ("I'm in Lyon, what's your
 * phone number?" → ", what's your phone number?"): a city is a word the documents never use, and counted against a
 * match it had turned the question away. Undefined when no city is said so.
 */
export function withoutLivingInCity(squashed: string, order: readonly Lang[]): string | undefined {
  const found = livingIn(squashed, order);
  // An island or a region some answers depend on (Madeira's delivery, Kinmen's collection, Incheon's on-site
  // rates) is part of the question.
  if (!found || ANSWER_PLACES.has(found.city)) return undefined;
  const m = found.match;
  return `${squashed.slice(0, m.index)} ${squashed.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
}

/** The market of the city the customer says they live or are in, reading `first`'s phrasing first; undefined if none. */
export function livingInCity(squashed: string, order: readonly Lang[]): Market | undefined {
  const found = livingIn(squashed, order);
  return found ? BY_CITY.get(found.city) : undefined;
}

/** The first "I live in <city>" of the languages in `order`: the words that say it and the city. */
function livingIn(squashed: string, order: readonly Lang[]): { match: RegExpExecArray; city: string } | undefined {
  for (const lang of order) {
    const match = LIVING_IN[lang].exec(squashed);
    const city = match?.slice(1).find((x) => x !== undefined);
    if (match && city) return { match, city };
  }
  return undefined;
}
