/**
 * Corrections at any step of the repair booking (issue 16): "actually it's an Essenza Mini", "sorry, I bought
 * it on 12 May, not 12 March", "the name is Kim Minji", "my phone is 0987 654 321", "the phone number is wrong,
 * it should be 0987 654 321" (also at the summary and at "Change something") change that detail at once; the
 * booking then goes on from wherever it now stands. The mechanism is the dialog kit's (withCorrections); this
 * file says which details and how each is read.
 */
import { check, Email, pastDate, PersonName, phone } from './parse.js';
import { clausesOf, modelNamedIn } from './models.js';
import type { RepairContext } from './repair-booking.texts.js';
import type { Correctable } from './step-kit.js';

/** What a change of the field clears (the answers that depend on it), from the step table. */
type Clear = (field: 'model' | 'purchaseDate' | 'name' | 'phone' | 'email') => Partial<RepairContext>;

/** Words that name the phone number in the five languages (a number alone at another step is not a correction). */
const PHONE_WORDS = /\b(phone|number|mobile|tel|téléphone|telephone|numéro|numero|portable|telefone|telemóvel|telemovel|número)\b|전화|번호|휴대폰|핸드폰|電話|手機|号码|號碼/iu;
/**
 * Saying the last answer was mistyped or wrong ("啊打錯", "enganei-me", "je me suis trompé", "sorry, wrong"): with a
 * phone number or a date and no name for it, that detail said again.
 */
const MISTYPED = /打錯|打错|錯了|講錯|說錯|搞錯|不對|更正|enganei|engano|errei|me trompée?|je me suis trompée?|\bsorry\b|\boops\b|\bmy bad\b|\bwrong\b|\bactually\b|잘못|틀렸|틀려|정정/iu;
/** A date named as such ("the date", "la date", "a data", "日期", "날짜"). */
const DATE_WORD = /\bdate\b|\bdata\b|日期|날짜|구매일|購買日/iu;
/** A phone number's digits as the phone parser finds them: not read again as a date or an amount. */
const PHONE_RUN = /\+?\(?\d[\d\s().\-/]{6,}\d/g;
const EMAIL_IN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;

/** A phone number in the text: a run of nine digits or more (a date such as 11/12/2025 has eight). */
const hasPhoneNumber = (text: string) => [...text.normalize('NFKC').matchAll(PHONE_RUN)].some((m) => m[0].replace(/\D/g, '').length >= 9);

/** Buying named: a date in the same message is when the machine was bought. */
const BOUGHT = /\b(bought|purchased?|got it)\b|achet|\bcompr(ei|ad[ao]|ou|a)\b|구매|구입|샀|買|購/iu;
/** Steps whose own answer is a date: there a purchase date is a correction only beside the one it replaces. */
const DATE_STEPS = ['askingManufacturingDate', 'askingLastRepair', 'askingRegistration'];

function purchaseDateIn(text: string, ctx: RepairContext, step: string): Partial<RepairContext> | undefined {
  // "等等 日期講錯 是2024年10月20號", "enganei-me, foi a 11/12/2025": a date said again as a correction of the purchase's.
  const saidAgain = ctx.purchaseDate !== undefined && (DATE_WORD.test(text) || MISTYPED.test(text)) && !hasPhoneNumber(text);
  if (!BOUGHT.test(text) && !saidAgain) return undefined;
  const parts = clausesOf(text);
  if (DATE_STEPS.includes(step) && !parts.some((p) => p.negated)) return undefined;
  for (const p of parts.filter((c) => !c.negated)) {
    const r = check(pastDate(ctx.today, ctx.market, 'purchaseDate', ctx.lang), p.text);
    if (r.ok) return { purchaseDate: r.value.date, purchasePrecision: r.value.precision };
  }
  return undefined;
}

/** "The name is Kim Minji", "je m'appelle…", "o nome é…", "이름은 김민지예요", "名字是王小明"; not "the name is wrong". */
const NAME_SAID =
  /^(?:(?:no|sorry|actually|oh|non|pardon|désolée?|en fait|não|desculpe|afinal|아니요|아뇨|죄송해요|사실|不是|不好意思|其實)[\s,.!]*)*(?:(?:the |my )?name(?: is|'s|:)|it'?s under the name|(?:le |mon )?nom (?:est|c'est|:)|je m'appelle|(?:c'est )?au nom de|(?:o |o meu |meu )?nome (?:é|:)|chamo-me|em nome de|(?:제 )?(?:이름|성함)(?:은|는|이)|名字(?:是|叫)|姓名(?:是|：|:)|我叫)\s*(.+)$/iu;
const NOT_A_NAME = /\b(wrong|incorrect|misspell?t|misspelled|faux|fausse|erroné|mal écrit|errad[oa]|incorret[oa]|mal escrito)\b|틀렸|틀려|잘못|錯|不對/iu;

function nameIn(text: string): Partial<RepairContext> | undefined {
  const said = NAME_SAID.exec(text.trim());
  if (!said?.[1] || NOT_A_NAME.test(said[1])) return undefined;
  const r = check(PersonName, said[1].replace(/[.!。！]+$/u, ''));
  return r.ok ? { name: r.value } : undefined;
}

/** The booking's details a message may correct in passing, each with what its change clears. */
export function repairCorrections(clear: Clear): Array<Correctable<RepairContext>> {
  return [
    { slot: 'model', step: 'askingModel', read: (text) => ((m) => (m ? { model: m } : undefined))(modelNamedIn(text)), clears: () => clear('model') },
    { slot: 'purchaseDate', step: 'askingPurchaseDate', read: purchaseDateIn, clears: () => clear('purchaseDate') },
    { slot: 'name', step: 'askingName', read: nameIn, clears: () => clear('name') },
    {
      slot: 'phone',
      step: 'askingPhone',
      early: true,
      read: (text, ctx) => {
        if (!PHONE_WORDS.test(text) && !(ctx.phone && MISTYPED.test(text))) return undefined;
        const p = check(phone(ctx.market), text);
        return p.ok ? { phone: p.value } : undefined;
      },
      rest: (text) => text.normalize('NFKC').replace(PHONE_RUN, ' '),
      clears: () => clear('phone'),
    },
    {
      slot: 'email',
      step: 'askingEmail',
      early: true,
      read: (text) => {
        if (!EMAIL_IN.test(text)) return undefined;
        const e = check(Email, text);
        return e.ok ? { email: e.value } : undefined;
      },
      rest: (text) => text.replace(EMAIL_IN, ' '),
      clears: () => clear('email'),
    },
  ];
}
