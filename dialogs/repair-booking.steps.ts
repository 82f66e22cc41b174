/**
 * Repair booking: one step per question, each with its zod-validated answer. The machine asks them in
 * order, skipping the ones already answered (including from the first message).
 */
import type { Choice } from '../src/lib/types.js';
import { daysBetween, findModel, getModel, warrantyRules } from '../src/retrieval/policy.js';
import { Address, check, Email, looksLikeQuestion, parseChoice, parseDate, parseYesNo, pastDate, PersonName, phone } from './parse.js';
import { modelName, repairWarrantyMonths, SERVICE_OPTION_LABEL, serviceOptionText, summaryText, type RepairContext } from './repair-booking.texts.js';
import { PERSON, YES_NO, type Answer, type Step } from './step-kit.js';

const KRW = warrantyRules.KR;
const FRW = warrantyRules.FR;

function yesNo(text: string, patch: (v: boolean) => Partial<RepairContext>, reason = 'Please answer yes or no.'): Answer<RepairContext> {
  const v = parseYesNo(text, YES_NO);
  return v === undefined ? { ok: false, reason } : { ok: true, patch: patch(v) };
}

function chosen(text: string, choices: Choice[], patch: (v: string) => Partial<RepairContext>, expected: string): Answer<RepairContext> {
  const v = parseChoice(text, choices);
  return v === undefined ? { ok: false, reason: `Sorry, I did not catch that. ${expected}` } : { ok: true, patch: patch(v) };
}

const ORIGIN_CHOICES = [
  { label: 'From Nespresso Korea', value: 'korea' },
  { label: 'Overseas', value: 'overseas' },
];
const REGISTRATION_CHOICES = [
  { label: 'Yes, within 30 days', value: 'within' },
  { label: 'Yes, but later', value: 'later' },
  { label: 'No', value: 'no' },
];
const REGISTER_NOW_CHOICES = [{ label: 'It is registered now', value: 'registered' }, PERSON, { label: 'Stop here', value: 'stop' }];
const BRAND_CHOICES = FRW.brands.map((b) => ({ label: b === 'DeLonghi' ? "De'Longhi" : b, value: b }));
const CONFIRM_CHOICES = [
  { label: 'Confirm', value: 'confirm' },
  { label: 'Change something', value: 'change' },
  { label: 'Cancel booking', value: 'cancel' },
];
const RETRY_CHOICES = [{ label: 'Try again', value: 'retry' }, PERSON];
const QUESTION = 'That sounds like a question rather than an answer.';

/** The fields a customer can correct from the summary, and what each correction clears. */
const FIELDS: Record<string, { label: string; clears: Array<keyof RepairContext>; when?: (ctx: RepairContext) => boolean; words: RegExp }> = {
  model: { label: 'Machine', clears: ['model', 'warrantyShown', 'rental', 'brand', 'registered', 'registeredWithinDays'], words: /\b(machine|model)\b/i },
  purchaseDate: { label: 'Purchase date', clears: ['purchaseDate', 'purchasePrecision', 'registered', 'registeredWithinDays', 'warrantyShown', 'rental', 'brand'], words: /\b(purchase|date|bought)\b/i },
  hasProof: { label: 'Proof of purchase', clears: ['hasProof', 'manufacturingDate', 'manufacturingUnknown', 'warrantyShown', 'rental'], words: /\b(proof|receipt|invoice)\b/i },
  lastRepairDate: { label: 'Last repair', clears: ['priorRepair', 'lastRepairDate', 'warrantyShown', 'rental'], when: (c) => c.priorRepair !== undefined, words: /\b(last|previous|earlier) repair\b/i },
  rental: { label: 'Rental machine', clears: ['rental'], when: (c) => c.rental !== undefined, words: /\brental\b/i },
  serviceOption: { label: 'Option', clears: ['serviceOption'], when: (c) => c.market === 'FR', words: /\b(option|refurbished|exchange)\b/i },
  name: { label: 'Name', clears: ['name'], words: /\bname\b/i },
  phone: { label: 'Phone', clears: ['phone'], words: /\b(phone|number|mobile|tel)\b/i },
  email: { label: 'Email', clears: ['email'], words: /\b(e-?mail|mail)\b/i },
  address: { label: 'Address', clears: ['address'], words: /\b(address|street|city|postcode)\b/i },
};

function fieldChoices(ctx: RepairContext): Choice[] {
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

export const repairSteps = {
  askingModel: {
    prompt: () => ({ text: 'Which Nespresso machine needs repairing? Please type its model name, e.g. "CitiZ", "Vertuo Next" or "Lattissima One".' }),
    answer: (text) => {
      const m = findModel(text);
      return m ? { ok: true, patch: { model: m.id } } : { ok: false, reason: 'I could not find that model in the Nespresso range I know. Please check the name on the machine.' };
    },
  },
  askingOrigin: {
    prompt: (ctx) => ({ text: `Did you buy your ${modelName(ctx)} from Nespresso Korea, or overseas (abroad or on an overseas website)?`, choices: ORIGIN_CHOICES }),
    answer: (text) => {
      if (/\b(abroad|overseas|foreign|another country|outside)\b/i.test(text)) return { ok: true, patch: { overseas: true } };
      return chosen(text, [...ORIGIN_CHOICES, { label: 'korea', value: 'korea' }], (v) => ({ overseas: v === 'overseas' }), 'Please choose "From Nespresso Korea" or "Overseas".');
    },
  },
  askingPurchaseDate: {
    prompt: (ctx) => ({ text: `When did you buy your ${modelName(ctx)}? A date is best ("2024-03-05"), but "last March" or "2 years ago" works too.` }),
    answer: (text, ctx) => {
      const r = check(pastDate(ctx.today, ctx.market, 'purchase date'), text);
      return r.ok ? { ok: true, patch: { purchaseDate: r.value.date, purchasePrecision: r.value.precision } } : r;
    },
  },
  askingProof: {
    prompt: () => ({ text: 'Do you have the proof of purchase (the receipt or invoice)?', choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ hasProof: v }), 'Please answer yes or no: do you have the receipt or invoice?'),
  },
  askingManufacturingDate: {
    prompt: () => ({
      text: `Without proof of purchase, the warranty starts ${KRW.noProofStartMonthsAfterManufacturing} months after the machine's manufacturing date. Do you know the manufacturing date? Type it, or "I don't know".`,
      choices: [{ label: "I don't know", value: "don't know" }],
    }),
    answer: (text, ctx) => {
      if (/\b(don'?t|do not|no|not sure|unknown|no idea)\b/i.test(text) && !parseDate(text, ctx.today)) return { ok: true, patch: { manufacturingUnknown: true } };
      const r = check(pastDate(ctx.today, ctx.market, 'manufacturing date'), text);
      return r.ok ? { ok: true, patch: { manufacturingDate: r.value.date } } : r;
    },
  },
  askingRegistration: {
    prompt: (ctx) =>
      ctx.market === 'FR'
        ? { text: 'Is the machine registered in your Nespresso customer account? It must be before the after-sales service can take it over.', choices: YES_NO }
        : {
            text: `Did you register the machine with Nespresso? Registering within ${KRW.registrationBonus.withinDays} days of purchase adds ${KRW.registrationBonus.months} months to the warranty. You can also type the registration date.`,
            choices: REGISTRATION_CHOICES,
          },
    answer: (text, ctx) => {
      if (ctx.market === 'FR') return yesNo(text, (v) => ({ registered: v }));
      const yes = parseYesNo(text);
      const afterDays = /\b(\d{1,3})\s*days?\s+(?:after|later|from)\b/i.exec(text);
      if (afterDays) return { ok: true, patch: { registered: true, registeredWithinDays: Number(afterDays[1]) } };
      const choice = parseChoice(text, REGISTRATION_CHOICES) ?? (/\blater\b/i.test(text) ? 'later' : /\bwithin\b/i.test(text) ? 'within' : yes === false ? 'no' : undefined);
      // The choices bound the delay: "within 30 days" qualifies, "later" does not.
      if (choice === 'no') return { ok: true, patch: { registered: false, registeredWithinDays: undefined } };
      if (choice) return { ok: true, patch: { registered: true, registeredWithinDays: choice === 'within' ? KRW.registrationBonus.withinDays : KRW.registrationBonus.withinDays + 1 } };
      const date = parseDate(text, ctx.today, ctx.market);
      if (date && ctx.purchaseDate) {
        if (date.date > ctx.today) return { ok: false, reason: 'The registration date cannot be in the future.' };
        const days = daysBetween(ctx.purchaseDate, date.date);
        if (days < 0) return { ok: false, reason: `That is before the purchase date (${ctx.purchaseDate}).` };
        return { ok: true, patch: { registered: true, registeredWithinDays: days } };
      }
      if (yes) return { ok: false, reason: `Thanks. Was that within ${KRW.registrationBonus.withinDays} days of purchase, or later? You can also type the date you registered it.` };
      return { ok: false, reason: 'Please choose one of the options, or type the date you registered it.' };
    },
  },
  awaitingRegistration: {
    prompt: () => ({
      text: 'Your machine must be registered in your Nespresso customer account before the after-sales service can take it over. Please register it first, then tell me here.',
      choices: REGISTER_NOW_CHOICES,
    }),
    answer: (text) =>
      chosen(
        text,
        [...REGISTER_NOW_CHOICES, { label: 'done', value: 'registered' }, { label: 'registered', value: 'registered' }],
        (v) =>
          v === 'registered'
            ? { registered: true }
            : v === 'person'
              ? { outcome: { outcome: 'handoff', reason: 'machine not registered (FR)' } }
              : { outcome: { outcome: 'cancelled', reason: 'machine not registered (FR)' } },
        'Please choose "It is registered now", "Talk to a person" or "Stop here".',
      ),
  },
  askingAmbassador: {
    prompt: () => ({ text: 'Are you a Nespresso Ambassador customer?', choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ ambassador: v })),
  },
  askingBrand: {
    prompt: () => ({
      text: `Which brand is your machine? The warranty is ${FRW.years} years for all of them, but Magimix covers spare parts for ${FRW.sparePartsYears.Magimix ?? FRW.years} years.`,
      choices: BRAND_CHOICES,
    }),
    answer: (text) => {
      const t = text.toLowerCase().replace(/[^a-z]/g, '');
      const brand = FRW.brands.find((b) => t.includes(b.toLowerCase())) ?? parseChoice(text, BRAND_CHOICES);
      return brand ? { ok: true, patch: { brand } } : { ok: false, reason: `Please choose one of: ${BRAND_CHOICES.map((c) => c.label).join(', ')}.` };
    },
  },
  askingLastRepair: {
    prompt: (ctx) => ({
      text: `Has Nespresso repaired this ${modelName(ctx)} before? A repair is warranted for ${repairWarrantyMonths(ctx)} months${ctx.market === 'TW' ? ' at least' : ''} for the same fault. If it was, type the repair date; if not, choose No.`,
      choices: [{ label: 'No', value: 'no' }],
    }),
    answer: (text, ctx) => {
      if (parseYesNo(text) === false || parseChoice(text, [{ label: 'No', value: 'no' }]) === 'no') return { ok: true, patch: { priorRepair: false } };
      const date = parseDate(text, ctx.today, ctx.market);
      if (!date) return { ok: false, reason: parseYesNo(text) ? 'When was it repaired? Please type the date, e.g. "2025-01-20" or "last January".' : 'Please type the date of the last repair, or choose No.' };
      if (date.date > ctx.today) return { ok: false, reason: 'The repair date cannot be in the future.' };
      if (ctx.purchaseDate && date.date < ctx.purchaseDate) return { ok: false, reason: `That is before the purchase date (${ctx.purchaseDate}).` };
      return { ok: true, patch: { priorRepair: true, lastRepairDate: date.date } };
    },
  },
  askingRental: {
    prompt: () => ({ text: 'Would you like a rental machine while yours is being repaired?', choices: YES_NO }),
    answer: (text) => yesNo(text, (v) => ({ rental: v })),
  },
  askingServiceOption: {
    prompt: (ctx) => ({
      text: serviceOptionText(ctx),
      choices: (['repair', 'refurbished', ...(ctx.ambassador ? (['newMachine'] as const) : [])] as const).map((v) => ({ label: SERVICE_OPTION_LABEL[v], value: v })),
    }),
    answer: (text, ctx) => {
      const options = (['repair', 'refurbished', ...(ctx.ambassador ? (['newMachine'] as const) : [])] as const).map((v) => ({ label: SERVICE_OPTION_LABEL[v], value: v as string }));
      const v = parseChoice(text, options) ?? (/refurb|exchange/i.test(text) ? 'refurbished' : /\bnew\b/i.test(text) && ctx.ambassador ? 'newMachine' : /repair/i.test(text) ? 'repair' : undefined);
      return v ? { ok: true, patch: { serviceOption: v as RepairContext['serviceOption'] } } : { ok: false, reason: `Please choose ${options.map((o) => `"${o.label}"`).join(' or ')}.` };
    },
  },
  askingName: {
    prompt: () => ({ text: 'What name should the booking be under?' }),
    answer: (text) => {
      if (looksLikeQuestion(text)) return { ok: false, reason: QUESTION };
      const r = check(PersonName, text);
      return r.ok ? { ok: true, patch: { name: r.value } } : r;
    },
  },
  askingPhone: {
    prompt: () => ({ text: 'Which phone number can the service team reach you on?' }),
    answer: (text, ctx) => {
      const r = check(phone(ctx.market), text);
      return r.ok ? { ok: true, patch: { phone: r.value } } : r;
    },
  },
  askingEmail: {
    prompt: () => ({ text: 'And your email address?' }),
    answer: (text) => {
      const r = check(Email, text);
      return r.ok ? { ok: true, patch: { email: r.value } } : r;
    },
  },
  askingAddress: {
    prompt: (ctx) => ({
      text:
        ctx.market === 'TW'
          ? 'What is the pickup address (street and number, district, city)? The machine is collected there and returned to the same address; outlying island areas are excluded.'
          : 'What is the pickup address for the machine (street and number, postcode and city)?',
    }),
    answer: (text) => {
      if (looksLikeQuestion(text)) return { ok: false, reason: QUESTION };
      const r = check(Address, text);
      return r.ok ? { ok: true, patch: { address: r.value } } : r;
    },
  },
  confirming: {
    prompt: (ctx) => ({ text: summaryText(ctx), choices: CONFIRM_CHOICES }),
    answer: (text, ctx) => {
      const yes = parseYesNo(text);
      const choice = yes === true ? 'confirm' : parseChoice(text, CONFIRM_CHOICES);
      if (choice === 'confirm') return { ok: true, patch: { confirmed: true } };
      if (choice === 'cancel') return { ok: true, patch: { outcome: { outcome: 'cancelled', reason: 'booking cancelled at the summary' }, closing: 'All right, I have not booked anything.' } };
      const field = fieldIn(text, ctx);
      if (field) return { ok: true, patch: clearField(field) };
      if (choice === 'change' || yes === false) return { ok: true, patch: { choosingField: true } };
      return { ok: false, reason: 'Please choose "Confirm", "Change something" or "Cancel booking".' };
    },
  },
  askingField: {
    prompt: (ctx) => ({ text: 'What would you like to change?', choices: fieldChoices(ctx) }),
    answer: (text, ctx) => {
      const field = fieldIn(text, ctx);
      return field ? { ok: true, patch: clearField(field) } : { ok: false, reason: 'Please choose the detail to change.' };
    },
  },
  retryingSave: {
    prompt: () => ({ text: 'Sorry, I could not save your booking just now. Shall I try again, or put you through to a person who can take it?', choices: RETRY_CHOICES }),
    answer: (text, ctx) =>
      chosen(
        text,
        [...RETRY_CHOICES, { label: 'again', value: 'retry' }, { label: 'yes', value: 'retry' }],
        (v) =>
          v === 'retry'
            ? { saveFailed: false, confirmed: true }
            : { outcome: { outcome: 'handoff', reason: 'booking-failed', summary: `Repair booking not saved: ${modelName(ctx)} (${ctx.market}), ${ctx.name}, ${ctx.phone}` } },
        'Please choose "Try again" or "Talk to a person".',
      ),
  },
} satisfies Record<string, Step<RepairContext>>;
export type RepairStep = keyof typeof repairSteps;

export function isProfessional(ctx: RepairContext): boolean {
  return !!ctx.model && getModel(ctx.model)?.line === 'Pro';
}
