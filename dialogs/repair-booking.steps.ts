/**
 * Repair booking: one step per question, each with its zod-validated answer. The machine asks them in
 * order, skipping the ones already answered (including from the first message). Prompts and reasons are
 * catalogue messages; answers are read in any of the five languages.
 */
import { msg, type Msg } from '../src/language/message.js';
import type { ChoiceData } from '../src/language/render.js';
import { getModel } from '../src/policy/catalogue.js';
import { daysBetween } from '../src/policy/dates.js';
import { warrantyRules } from '../src/policy/tables.js';
import { address, check, Email, looksLikeQuestion, parseChoice, parseDate, parseYesNoAnswer, pastDate, PersonName, phone } from './parse.js';
import { FOREIGN_COUNTRY } from './detect.js';
import { modelIn, modelNamedIn } from './models.js';
import { squash } from '../src/language/understand/index.js';
import { repairCorrections } from './repair-booking.corrections.js';
import { modelLabel, modelName, repairWarrantyMonths, serviceOptionName, serviceOptionText, summaryText, type RepairContext } from './repair-booking.texts.js';
import { notCaught, PERSON, withCorrections, YES_NO, type Answer, type Step } from './step-kit.js';

const KRW = warrantyRules.KR;
const FRW = warrantyRules.FR;

function yesNo(text: string, patch: (v: boolean) => Partial<RepairContext>, reason: Msg = msg('ans.yesNo')): Answer<RepairContext> {
  const v = parseYesNoAnswer(text, YES_NO);
  if (v === 'dontKnow') return { ok: false, reason: msg('ans.notSure') };
  return v === undefined ? { ok: false, reason } : { ok: true, patch: patch(v === 'yes') };
}

function chosen(text: string, choices: ChoiceData[], patch: (v: string) => Partial<RepairContext>, expected: Msg): Answer<RepairContext> {
  const v = parseChoice(text, choices);
  return v === undefined ? { ok: false, reason: notCaught(expected) } : { ok: true, patch: patch(v) };
}

const label = (key: Parameters<typeof msg>[0]) => msg(key);
const ORIGIN_CHOICES: ChoiceData[] = [
  { label: label('rb.label.fromKorea'), value: 'korea' },
  { label: label('rb.label.overseas'), value: 'overseas' },
];
const REGISTRATION_CHOICES: ChoiceData[] = [
  { label: label('rb.label.within30'), value: 'within' },
  { label: label('rb.label.later'), value: 'later' },
  { label: label('label.no'), value: 'no' },
];
const REGISTER_NOW_CHOICES: ChoiceData[] = [{ label: label('rb.label.registered'), value: 'registered' }, PERSON, { label: label('rb.label.stop'), value: 'stop' }];
const BRAND_CHOICES: ChoiceData[] = FRW.brands.map((b) => ({ label: b === 'DeLonghi' ? "De'Longhi" : b, value: b }));
const CONFIRM_CHOICES: ChoiceData[] = [
  { label: label('rb.label.confirm'), value: 'confirm' },
  { label: label('rb.label.change'), value: 'change' },
  { label: label('rb.label.cancel'), value: 'cancel' },
];
const RETRY_CHOICES: ChoiceData[] = [{ label: label('rb.label.retry'), value: 'retry' }, PERSON];
const NO_CHOICE: ChoiceData[] = [{ label: label('label.no'), value: 'no' }];

/** Words customers type for a choice, in the five languages (tapped buttons send the value). */
const OVERSEAS = /\b(abroad|overseas|foreign|another country|outside|à l'étranger|étranger|no estrangeiro|estrangeiro|fora)\b|해외|외국|직구|國外|国外|海外/iu;
const IN_KOREA = /\bkorea\b|\bcorée\b|\bcoreia\b|한국|코리아|국내|韓國|韩国/iu;
const LATER = /\blater\b|\bplus tard\b|\bmais tarde\b|\bdepois\b|나중|이후|之後|之后|後來/iu;
// "sous 30 jours", "right away", "샀을때 바로 등록했어요", "買完一週內就有登錄": within the days the bonus asks.
const WITHIN = /\bwithin\b|\bdans les\b|\bsous\b|\bdentro\b|right away|straight away|immediately|\bsame (?:day|week)\b|tout de suite|aussitôt|imediatamente|\blogo\b|na mesma semana|이내|안에|바로|즉시|당일|곧바로|以內|以内|之內|內|马上|馬上|立刻|當天/iu;
const AFTER_DAYS = /(\d{1,3})\s*(?:days?|jours?|dias?|일|天)\s*(?:after|later|from|après|plus tard|depois|후|뒤|만에|後|后)/iu;
const REGISTERED_NOW = /\b(done|registered|enregistrée?|c'est fait|registad[ao]|feito)\b|등록했|등록 ?완료|완료|已註冊|註冊好|登錄好|好了/iu;
const REFURB = /refurb|exchange|reconditionn|échange|recondicionad|troca|리퍼|교환|整新|翻新|更換/iu;
const NEW = /\bnew\b|\bneuve?\b|\bnov[ao]\b|새 ?제품|새 ?기계|새것|全新|新機/iu;
const REPAIR = /repair|répar|repar|수리|維修|修理/iu;
const RETRY = /again|retry|réessa|de nouveau|novamente|outra vez|tentar|다시|재시도|再試|重試|再一次/iu;

/** The fields a customer can correct from the summary, and what each correction clears. */
const FIELDS: Record<string, { label: Msg; clears: Array<keyof RepairContext>; when?: (ctx: RepairContext) => boolean; words: RegExp }> = {
  model: { label: label('rb.label.fModel'), clears: ['model', 'warrantyShown', 'rental', 'brand', 'registered', 'registeredWithinDays'], words: /\b(machine|model|modèle|máquina|modelo)\b|기계|모델|機器|型號|咖啡機/iu },
  purchaseDate: {
    label: label('rb.label.fPurchase'),
    clears: ['purchaseDate', 'purchasePrecision', 'registered', 'registeredWithinDays', 'warrantyShown', 'rental', 'brand'],
    words: /\b(purchase|date|bought|achat|acheté|compra|comprei)\b|구매|구입|購買|購入|買的/iu,
  },
  hasProof: { label: label('rb.label.fProof'), clears: ['hasProof', 'manufacturingDate', 'manufacturingUnknown', 'warrantyShown', 'rental'], words: /\b(proof|receipt|invoice|preuve|ticket|facture|recibo|fatura|comprovativo)\b|영수증|증빙|收據|發票|证明|證明/iu },
  lastRepairDate: {
    label: label('rb.label.fLastRepair'),
    clears: ['priorRepair', 'lastRepairDate', 'warrantyShown', 'rental'],
    when: (c) => c.priorRepair !== undefined,
    words: /\b(last|previous|earlier) repair\b|dernière réparation|última reparação|지난 ?수리|이전 ?수리|上次維修|之前維修/iu,
  },
  rental: { label: label('rb.label.fRental'), clears: ['rental'], when: (c) => c.rental !== undefined, words: /\brental\b|대여|임대|租借|prêt|empréstimo/iu },
  serviceOption: { label: label('rb.label.fOption'), clears: ['serviceOption'], when: (c) => c.market === 'FR', words: /\b(option|refurbished|exchange|opção)\b|échange|옵션|選項/iu },
  name: { label: label('rb.label.fName'), clears: ['name'], words: /\b(name|nom|nome)\b|이름|성함|姓名|名字/iu },
  phone: { label: label('rb.label.fPhone'), clears: ['phone'], words: /\b(phone|number|mobile|tel|téléphone|numéro|telefone|telemóvel|número)\b|전화|번호|휴대폰|電話|手機|号码|號碼/iu },
  email: { label: label('rb.label.fEmail'), clears: ['email'], words: /\b(e-?mail|mail|courriel)\b|이메일|메일|電子郵件|郵件|信箱/iu },
  address: { label: label('rb.label.fAddress'), clears: ['address'], words: /\b(address|street|city|postcode|adresse|rue|ville|morada|endereço|rua|cidade)\b|주소|地址/iu },
};

function fieldChoices(ctx: RepairContext): ChoiceData[] {
  return Object.entries(FIELDS)
    .filter(([, f]) => !f.when || f.when(ctx))
    .map(([value, f]) => ({ label: f.label, value }));
}

function clearField(field: string): Partial<RepairContext> {
  const patch: Partial<RepairContext> = { choosingField: false };
  for (const k of FIELDS[field]?.clears ?? []) (patch as Record<string, unknown>)[k] = undefined;
  return patch;
}

function fieldIn(text: string, ctx: RepairContext): string | undefined {
  const choices = fieldChoices(ctx);
  return parseChoice(text, choices) ?? choices.find((c) => FIELDS[c.value]?.words.test(text))?.value;
}

function serviceChoices(ctx: RepairContext): ChoiceData[] {
  return (['repair', 'refurbished', ...(ctx.ambassador ? (['newMachine'] as const) : [])] as const).map((v) => ({ label: label(`rb.label.${v}`), value: v }));
}

const steps = {
  askingModel: {
    prompt: () => ({ text: msg('rb.askModel') }),
    answer: (text) => {
      const m = modelIn(text);
      return m ? { ok: true, patch: { model: m } } : { ok: false, reason: msg('rb.unknownModel') };
    },
  },
  askingOrigin: {
    prompt: (ctx) => ({ text: msg('rb.askOrigin', { model: modelName(ctx) }), choices: ORIGIN_CHOICES }),
    answer: (text) => {
      if (OVERSEAS.test(text) || FOREIGN_COUNTRY.test(squash(text))) return { ok: true, patch: { overseas: true } };
      if (IN_KOREA.test(text)) return { ok: true, patch: { overseas: false } };
      return chosen(text, ORIGIN_CHOICES, (v) => ({ overseas: v === 'overseas' }), msg('rb.originExpected'));
    },
  },
  askingPurchaseDate: {
    prompt: (ctx) => ({ text: msg('rb.askPurchaseDate', { model: modelName(ctx) }) }),
    answer: (text, ctx) => {
      const r = check(pastDate(ctx.today, ctx.market, 'purchaseDate', ctx.lang), text);
      return r.ok ? { ok: true, patch: { purchaseDate: r.value.date, purchasePrecision: r.value.precision } } : r;
    },
  },
  askingProof: {
    prompt: () => ({ text: msg('rb.askProof'), choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ hasProof: v }), msg('rb.proofExpected')),
  },
  askingManufacturingDate: {
    prompt: () => ({
      text: msg('rb.askManufacturing', { months: KRW.noProofStartMonthsAfterManufacturing }),
      choices: [{ label: label('ans.label.dontKnow'), value: 'dontKnow' }],
    }),
    answer: (text, ctx) => {
      const date = parseDate(text, ctx.today, ctx.market, ctx.lang);
      if (!date && (text === 'dontKnow' || parseYesNoAnswer(text) === 'dontKnow' || parseYesNoAnswer(text) === 'no')) return { ok: true, patch: { manufacturingUnknown: true } };
      const r = check(pastDate(ctx.today, ctx.market, 'manufacturingDate', ctx.lang), text);
      return r.ok ? { ok: true, patch: { manufacturingDate: r.value.date } } : r;
    },
  },
  askingRegistration: {
    prompt: (ctx) =>
      ctx.market === 'FR'
        ? { text: msg('rb.askRegistrationFR'), choices: YES_NO }
        : {
            text: msg('rb.askRegistrationKR', { days: KRW.registrationBonus.withinDays, months: KRW.registrationBonus.months }),
            choices: REGISTRATION_CHOICES,
          },
    answer: (text, ctx) => {
      if (ctx.market === 'FR') return yesNo(text, (v) => ({ registered: v }));
      const yes = parseYesNoAnswer(text);
      const afterDays = AFTER_DAYS.exec(text);
      if (afterDays) return { ok: true, patch: { registered: true, registeredWithinDays: Number(afterDays[1]) } };
      const choice = parseChoice(text, REGISTRATION_CHOICES) ?? (LATER.test(text) ? 'later' : WITHIN.test(text) ? 'within' : yes === 'no' ? 'no' : undefined);
      // The choices bound the delay: "within 30 days" qualifies, "later" does not.
      if (choice === 'no') return { ok: true, patch: { registered: false, registeredWithinDays: undefined } };
      if (choice) return { ok: true, patch: { registered: true, registeredWithinDays: choice === 'within' ? KRW.registrationBonus.withinDays : KRW.registrationBonus.withinDays + 1 } };
      const date = parseDate(text, ctx.today, ctx.market, ctx.lang);
      if (date && ctx.purchaseDate) {
        if (date.date > ctx.today) return { ok: false, reason: msg('rb.registrationFuture') };
        const days = daysBetween(ctx.purchaseDate, date.date);
        if (days < 0) return { ok: false, reason: msg('rb.beforePurchase', { date: { date: ctx.purchaseDate } }) };
        return { ok: true, patch: { registered: true, registeredWithinDays: days } };
      }
      if (yes === 'yes') return { ok: false, reason: msg('rb.registrationWhen', { days: KRW.registrationBonus.withinDays }) };
      if (yes === 'dontKnow') return { ok: false, reason: msg('ans.notSure') };
      return { ok: false, reason: msg('rb.registrationExpected') };
    },
  },
  awaitingRegistration: {
    prompt: () => ({ text: msg('rb.awaitRegistration'), choices: REGISTER_NOW_CHOICES }),
    answer: (text) => {
      const v = REGISTERED_NOW.test(text) ? 'registered' : parseChoice(text, REGISTER_NOW_CHOICES);
      if (v === undefined) return { ok: false, reason: notCaught(msg('rb.awaitExpected')) };
      return {
        ok: true,
        patch:
          v === 'registered'
            ? { registered: true }
            : v === 'person'
              ? { outcome: { outcome: 'handoff', reason: 'machine not registered (FR)' } }
              : { outcome: { outcome: 'cancelled', reason: 'machine not registered (FR)' } },
      };
    },
  },
  askingAmbassador: {
    prompt: () => ({ text: msg('rb.askAmbassador'), choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ ambassador: v })),
  },
  askingBrand: {
    prompt: () => ({
      text: msg('rb.askBrand', { years: FRW.years, partsYears: FRW.sparePartsYears.Magimix ?? FRW.years }),
      choices: BRAND_CHOICES,
    }),
    answer: (text) => {
      const t = text.toLowerCase().replace(/[^a-z]/g, '');
      const brand = FRW.brands.find((b) => t.includes(b.toLowerCase())) ?? parseChoice(text, BRAND_CHOICES);
      return brand ? { ok: true, patch: { brand } } : { ok: false, reason: msg('rb.brandExpected', { brands: { list: BRAND_CHOICES.map((c) => c.label as string), type: 'disjunction' } }) };
    },
  },
  askingLastRepair: {
    prompt: (ctx) => ({
      text: msg(ctx.market === 'TW' ? 'rb.askLastRepairTW' : ctx.market === 'FR' ? 'rb.askLastRepairFR' : 'rb.askLastRepair', { model: modelName(ctx), months: repairWarrantyMonths(ctx) }),
      choices: NO_CHOICE,
    }),
    answer: (text, ctx) => {
      const yn = parseYesNoAnswer(text, NO_CHOICE);
      if (yn === 'no' || parseChoice(text, NO_CHOICE) === 'no') return { ok: true, patch: { priorRepair: false } };
      const date = parseDate(text, ctx.today, ctx.market, ctx.lang);
      if (!date) return { ok: false, reason: msg(yn === 'yes' ? 'rb.whenRepaired' : yn === 'dontKnow' ? 'ans.notSure' : 'rb.repairExpected') };
      if (date.date > ctx.today) return { ok: false, reason: msg('rb.repairFuture') };
      if (ctx.purchaseDate && date.date < ctx.purchaseDate) return { ok: false, reason: msg('rb.beforePurchase', { date: { date: ctx.purchaseDate } }) };
      return { ok: true, patch: { priorRepair: true, lastRepairDate: date.date } };
    },
  },
  askingRental: {
    prompt: () => ({ text: msg('rb.askRental'), choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ rental: v })),
  },
  askingServiceOption: {
    prompt: (ctx) => ({ text: serviceOptionText(ctx), choices: serviceChoices(ctx) }),
    answer: (text, ctx) => {
      const options = serviceChoices(ctx);
      const v = parseChoice(text, options) ?? (REFURB.test(text) ? 'refurbished' : NEW.test(text) && ctx.ambassador ? 'newMachine' : REPAIR.test(text) ? 'repair' : undefined);
      if (v) return { ok: true, patch: { serviceOption: v as RepairContext['serviceOption'] } };
      return { ok: false, reason: msg('rb.optionExpected', { options: { list: options.map((o) => msg('rb.quoted', { text: serviceOptionName(o.value as 'repair') })), type: 'disjunction' } }) };
    },
  },
  askingName: {
    prompt: () => ({ text: msg('rb.askName') }),
    answer: (text) => {
      if (looksLikeQuestion(text)) return { ok: false, reason: msg('ans.question') };
      const r = check(PersonName, text);
      return r.ok ? { ok: true, patch: { name: r.value } } : r;
    },
  },
  askingPhone: {
    prompt: () => ({ text: msg('rb.askPhone') }),
    answer: (text, ctx) => {
      const r = check(phone(ctx.market), text);
      return r.ok ? { ok: true, patch: { phone: r.value } } : r;
    },
  },
  askingEmail: {
    prompt: () => ({ text: msg('rb.askEmail') }),
    answer: (text) => {
      const r = check(Email, text);
      return r.ok ? { ok: true, patch: { email: r.value } } : r;
    },
  },
  askingAddress: {
    prompt: (ctx) => ({ text: msg(ctx.market === 'TW' ? 'rb.askAddressTW' : ctx.market === 'KR' ? 'rb.askAddressKR' : 'rb.askAddress') }),
    answer: (text, ctx) => {
      if (looksLikeQuestion(text)) return { ok: false, reason: msg('ans.question') };
      const r = check(address(ctx.market), text);
      return r.ok ? { ok: true, patch: { address: r.value } } : r;
    },
  },
  confirming: {
    prompt: (ctx) => ({ text: summaryText(ctx), choices: CONFIRM_CHOICES }),
    answer: (text, ctx) => {
      // "Actually it's an Essenza Mini": the machine is corrected at once, and what depends on it asked again.
      const corrected = modelNamedIn(text);
      if (corrected && corrected !== ctx.model) return { ok: true, patch: { ...clearField('model'), model: corrected } };
      const field = fieldIn(text, ctx);
      const yes = parseYesNoAnswer(text);
      const choice = yes === 'yes' && !field ? 'confirm' : parseChoice(text, CONFIRM_CHOICES);
      if (choice === 'confirm') return { ok: true, patch: { confirmed: true } };
      if (choice === 'cancel') return { ok: true, patch: { outcome: { outcome: 'cancelled', reason: 'booking cancelled at the summary' }, closing: msg('rb.cancelled') } };
      if (field) return { ok: true, patch: clearField(field) };
      if (choice === 'change' || yes === 'no') return { ok: true, patch: { choosingField: true } };
      return { ok: false, reason: msg('rb.confirmExpected') };
    },
  },
  askingField: {
    prompt: (ctx) => ({ text: msg('rb.askField'), choices: fieldChoices(ctx) }),
    answer: (text, ctx) => {
      const field = fieldIn(text, ctx);
      return field ? { ok: true, patch: clearField(field) } : { ok: false, reason: msg('rb.fieldExpected') };
    },
  },
  retryingSave: {
    prompt: () => ({ text: msg('rb.retry'), choices: RETRY_CHOICES }),
    answer: (text, ctx) => {
      const v = parseChoice(text, RETRY_CHOICES) ?? (RETRY.test(text) || parseYesNoAnswer(text) === 'yes' ? 'retry' : undefined);
      if (v === undefined) return { ok: false, reason: notCaught(msg('rb.retryExpected')) };
      return {
        ok: true,
        patch:
          v === 'retry'
            ? { saveFailed: false, confirmed: true }
            : { outcome: { outcome: 'handoff', reason: 'booking-failed', summary: `Repair booking not saved: ${modelLabel(ctx)} (${ctx.market}), ${ctx.name}, ${ctx.phone}` } },
      };
    },
  },
} satisfies Record<string, Step<RepairContext>>;

/** The details a customer may correct in passing at any step ("actually it's an Essenza Mini", "my phone is …"). */
export const repairCorrectable = repairCorrections(clearField);

/**
 * The steps, each taking a correction of an earlier answer first (not the retry of a failed save); where the step
 * asks for the model, a date or a contact detail, its answer is also read from the rest of the same message
 * ("0912 345 678, oh and it's an Essenza Mini, not a Pixie" at the phone question).
 */
export const repairSteps = withCorrections(steps, repairCorrectable, ['retryingSave'], ['askingModel', 'askingPurchaseDate', 'askingPhone', 'askingEmail']);
export type RepairStep = keyof typeof repairSteps;

export function isProfessional(ctx: RepairContext): boolean {
  return !!ctx.model && getModel(ctx.model)?.line === 'Pro';
}
