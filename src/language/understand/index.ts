/**
 * Understanding of what customers type, behind one interface per language (DESIGN.md §10): yes / no /
 * don't know (negation wins), commands, small talk, countries and the request for a language. A message
 * is read by the conversation's language first and then by the others, since a customer may answer
 * "네" or "non" whatever the conversation's language is. Code above this asks "is this a no?" and never
 * matches words itself.
 */
import { LANGS, type Lang } from '../../conversation/lang.js';
import { memoString } from '../../lib/memo.js';
import { readAsTraditional } from '../../lib/traditional-chinese.js';
import type { Market } from '../../lib/types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { ko } from './ko.js';
import { pt } from './pt.js';
import type { Command, LanguageUnderstanding, Small } from './types.js';
import { zhTW } from './zh-TW.js';
import { quickReject } from './quick-reject.js';
import { livingInCity, livingNear } from './places.js';

export type { Command, Small, LanguageUnderstanding };

export const UNDERSTANDING: Record<Lang, LanguageUnderstanding> = { en, 'zh-TW': zhTW, ko, fr, pt };

/** The same readers, each pattern behind its quick reject (quick-reject.ts): what the functions below run. */
function withQuickRejects(u: LanguageUnderstanding): LanguageUnderstanding {
  const pairs = <K>(xs: Array<[K, RegExp]>): Array<[K, RegExp]> => xs.map(([k, re]) => [k, quickReject(re)]);
  return {
    ...u,
    yes: quickReject(u.yes),
    no: quickReject(u.no),
    dontKnow: quickReject(u.dontKnow),
    commands: pairs(u.commands),
    agentAnywhere: quickReject(u.agentAnywhere),
    quitAnywhere: quickReject(u.quitAnywhere),
    stopWaiting: quickReject(u.stopWaiting),
    askWaiting: quickReject(u.askWaiting),
    smalltalk: pairs(u.smalltalk),
    countries: pairs(u.countries),
    inCountry: quickReject(u.inCountry),
    asksForThis: quickReject(u.asksForThis),
  };
}
const READERS = Object.fromEntries(LANGS.map((l) => [l, withQuickRejects(UNDERSTANDING[l])])) as Record<Lang, LanguageUnderstanding>;

/**
 * Lower-cased, width-folded, Simplified read as Traditional, curly quotes straightened, trailing punctuation dropped.
 * Memoised: every reader of a turn (commands, small talk, countries, yes/no, the tasks) squashes the same message.
 */
export const squash: (text: string) => string = memoString((text) => {
  let t = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
  if (/\p{Script=Han}/u.test(t)) t = readAsTraditional(t);
  return t.replace(/[\s!.。,，！~?？]+$/u, '').trim();
}, 256);

/**
 * Whether a clause has words of its own: at least `cjk` Han or Hangul characters when it has any, else at least
 * `words` words of two or more letters (a stray "ok?", "可以嗎" or "가능?" has none to speak of).
 */
export function hasWordsOfItsOwn(text: string, min: { cjk: number; words: number }): boolean {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hangul}]/gu) ?? []).length;
  if (cjk) return cjk >= min.cjk;
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= min.words;
}

function order(first?: Lang): LanguageUnderstanding[] {
  const langs = first ? [first, ...LANGS.filter((l) => l !== first)] : [...LANGS];
  return langs.map((l) => READERS[l]);
}

export type YesNo = 'yes' | 'no' | 'dontKnow';

/**
 * A bare acknowledgement ("ok", "d'accord", "好的", "알겠어요", "está bem"): a yes to "shall I…?", but no answer to
 * "did water come out?" nor a choice among three buttons, where blind testers' "ok" had been read as "it worked"
 * and as "connect me to a person".
 */
export function isBareOk(text: string): boolean {
  return BARE_OK.test(squash(text));
}
const BARE_OK = /^(?:ok(?:ay)?|k|kk|okie|alright|fine|ok (?:then|thanks|thank you|merci|obrigad[oa])|d'accord|dacc|bon|bien|entendu|好|好的|好喔|好哦|嗯|嗯嗯|ok的|알겠어요|알겠습니다|네 알겠어요|오케이|está bem|esta bem|tá bem|ta bem|certo|ok então)[\s!.~]*$/u;

/** Yes, no or "I don't know" as an answer to a question the bot asked; negation wins over yes. */
export function yesNo(text: string, lang?: Lang): YesNo | undefined {
  const t = squash(text);
  if (!t) return undefined;
  const all = order(lang);
  if (all.some((u) => u.dontKnow.test(t))) return 'dontKnow';
  if (all.some((u) => u.no.test(t))) return 'no';
  if (all.some((u) => u.yes.test(t))) return 'yes';
  return undefined;
}

/**
 * `fn(text, lang)` memoised on both (few kept): a turn asks the same reader of the same message more than once
 * (the forget-me and the commands stages both read the command).
 */
function memoByLang<T>(fn: (text: string, lang?: Lang) => T): (text: string, lang?: Lang) => T {
  const byKey = memoString((key: string) => {
    const cut = key.indexOf('\u0000');
    return fn(key.slice(cut + 1), (key.slice(0, cut) || undefined) as Lang | undefined);
  }, 64);
  return (text, lang) => byKey(`${lang ?? ''}\u0000${text}`);
}

/** A command that is the whole message, or a request for a person anywhere in it. */
export const command: (text: string, lang?: Lang) => Command | undefined = memoByLang((text, lang) => {
  const t = squash(text);
  if (!t) return undefined;
  for (const u of order(lang)) for (const [cmd, re] of u.commands) if (re.test(t)) return cmd;
  // "are you a bot or a real person?" names a person without asking for one.
  if (order(lang).some((u) => u.agentAnywhere.test(t)) && smalltalk(text, lang) !== 'areYouBot') return 'agent';
  return undefined;
});

/**
 * Giving up the task in progress, said anywhere in the message ("forget it, i just want to book a repair", "算了 我不修了"):
 * what else the message says (without the words that give up), else undefined.
 */
export function quitIn(text: string, lang?: Lang): { rest: string } | undefined {
  const t = squash(text);
  const u = order(lang).find((x) => x.quitAnywhere.test(t));
  if (!u) return undefined;
  // Every such phrase goes ("算了 我不修了", "never mind, I'll just call them. cancel this").
  let rest = t;
  for (let m = u.quitAnywhere.exec(rest); m; m = u.quitAnywhere.exec(rest)) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  return { rest: rest.replace(/\s+/g, ' ').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').trim() };
}

/** While waiting for a person: the customer no longer wants one, or asks about the wait; undefined otherwise. */
export function aboutWaiting(text: string, lang?: Lang): 'stop' | 'ask' | undefined {
  const t = squash(text);
  if (order(lang).some((u) => u.stopWaiting.test(t))) return 'stop';
  // squash drops a final "?": the questions read it from the text as written.
  const asked = text.normalize('NFKC').toLowerCase().trim();
  if (order(lang).some((u) => u.askWaiting.test(t) || u.askWaiting.test(asked))) return 'ask';
  return undefined;
}

export function smalltalk(text: string, lang?: Lang): Small | undefined {
  const t = squash(text);
  for (const u of order(lang)) for (const [kind, re] of u.smalltalk) if (re.test(t)) return kind;
  return undefined;
}

/** The language the customer explicitly asks for ("in English please", "한국어로", "lang:fr"). */
export function askedLanguage(text: string): Lang | undefined {
  const t = squash(text);
  if (/^lang:/.test(t)) return LANGS.find((l) => `lang:${l.toLowerCase()}` === t);
  for (const u of order()) if (u.asksForThis.test(t)) return u.lang;
  // Asked for in a sentence, in any of the five languages ("pode responder em inglês por favor?", "ok volta ao
  // português, se faz favor", "can you answer in french?", "請用英文回答"): the bot asked to use a language by name.
  if (t.length > 90) return undefined;
  for (const [lang, re] of ASKED_TO_USE) if (re.test(t)) return lang;
  return undefined;
}

/** Each language's name as the five languages write it (regex source). */
const LANGUAGE_NAMES: Array<[Lang, string]> = [
  ['en', String.raw`english|anglais|inglês|ingles|英文|英語|영어`],
  ['zh-TW', String.raw`chinese|mandarin|chinois|chinês|chines|中文|華語|國語|중국어`],
  ['ko', String.raw`korean|coréen|coreen|coreano|韓文|韓語|한국어|한국말`],
  ['fr', String.raw`french|français|francais|francês|frances|法文|法語|프랑스어|불어`],
  ['pt', String.raw`portuguese|portugais|português|portugues|葡萄牙文|葡萄牙語|포르투갈어`],
];

/**
 * The bot asked to answer in the language `name`: "can you answer in …", "reply in … please", "pode responder em …",
 * "volta ao …", "pouvez-vous répondre en …", "répondez en …", "請用…回答", "…로 해 주세요". A question about something in a
 * language ("can I write to customer service in English?", "tem manual em inglês?") is none.
 */
const askedToUse = (name: string): RegExp =>
  new RegExp(
    [
      String.raw`\b(?:can|could|would|will) you\b[^.?!]{0,20}\b(?:answer|reply|respond|speak|write|talk|continue|switch)\b[^.?!]{0,15}\b(?:in|to) (?:${name})\b`,
      String.raw`^(?:ok,? |okay,? |please,? |pls,? )?(?:answer|reply|respond|speak|write|talk|continue|switch)(?: to me| back)? (?:in|to) (?:${name})\b`,
      String.raw`\b(?:pode|podes|podia|consegue|poderia)\b[^.?!]{0,20}\b(?:responder|falar|escrever|continuar)\b[^.?!]{0,12}\bem (?:${name})`,
      String.raw`^(?:ok,? |está bem,? )?(?:volta|voltar|volte|passa|passe|mude|muda|responda|responde|fale|fala|escreva|escreve)(?: comigo)?(?: a| ao| para o| para| em)? (?:${name})`,
      String.raw`\b(?:pouvez|pourriez|peux|pourrais)[- ](?:vous|tu)\b[^.?!]{0,20}\b(?:répondre|repondre|parler|écrire|ecrire|continuer)\b[^.?!]{0,12}\ben (?:${name})`,
      String.raw`^(?:ok,? |d'accord,? )?(?:répondez|repondez|parlez|écrivez|ecrivez|passez|continuez|repassez|réponds|parle)(?:-moi)? (?:en )?(?:${name})`,
      String.raw`(?:用|改用|換成|說|講)(?:${name})(?:回答|回覆|跟我說|講|說)?`,
      String.raw`(?:${name})(?:으로|로) ?(?:해|답|말|얘기|써|바꿔|대답)`,
    ].join('|'),
    'u',
  );
const ASKED_TO_USE: Array<[Lang, RegExp]> = LANGUAGE_NAMES.map(([lang, name]) => [lang, askedToUse(name)]);

/** A market named anywhere in the text, in any language. */
export function countryIn(text: string): Market | undefined {
  const t = squash(text);
  for (const u of order()) for (const [m, re] of u.countries) if (re.test(t)) return m;
  return undefined;
}

/** "I'm in Korea", "저는 한국에 살아요", "j'habite en France", "vivo em Seul": the market the customer says they are in. */
export function statedMarket(text: string): Market | undefined {
  const t = squash(text);
  for (const u of order()) {
    const m = u.inCountry.exec(t);
    if (m) return countryIn(m[1]!);
  }
  const city = livingInCity(t, LANGS);
  if (city) return city;
  const near = livingNear(t);
  return near ? countryIn(near) : undefined;
}
