/**
 * Repair booking: model, purchase date and proof, registration where the market requires it, warranty and
 * cost by the market's rules, the market's service terms, contact details, a summary to confirm or
 * correct, then the booking saved through the injected `saveBooking` actor (idempotent on bookingId).
 */
import { fromPromise } from 'xstate';
import { getModel } from '../src/policy/catalogue.js';
import { krRepairPrices, warrantyRules } from '../src/policy/tables.js';
import { isProfessional, repairSteps } from './repair-booking.steps.js';
import { msg } from '../src/language/message.js';
import { bookingOf, modelLabel, modelName, needsFrBrand, needsKrRegistration, needsLastRepair, needsRental, termsText, type RepairContext } from './repair-booking.texts.js';
import { parseDate } from './parse.js';
import { modelIn } from './models.js';
import { baseContext, defineSlotDialog } from './step-kit.js';
import { BookingReference, type DialogInput, type RepairBooking } from './types.js';

export const REPAIR_BOOKING_VERSION = 1;
export type { RepairContext } from './repair-booking.texts.js';
export { repairCorrectable, repairSteps, type RepairStep } from './repair-booking.steps.js';

export function repairContext(input: DialogInput): RepairContext {
  const s = input.slots;
  const ctx: RepairContext = {
    ...baseContext(input),
    lang: input.lang,
    bookingId: typeof s.bookingId === 'string' && s.bookingId ? s.bookingId : globalThis.crypto.randomUUID(),
  };
  if (typeof s.model === 'string') ctx.model = getModel(s.model)?.id ?? modelIn(s.model);
  if (typeof s.purchaseDate === 'string') {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(s.purchaseDate) ? { date: s.purchaseDate, precision: 'day' as const } : parseDate(s.purchaseDate, input.today, input.market, input.lang);
    if (d && d.date <= input.today) {
      ctx.purchaseDate = d.date;
      const p = s.purchasePrecision;
      ctx.purchasePrecision = p === 'month' || p === 'ago' || p === 'approx' || p === 'day' ? p : d.precision;
    }
  }
  if (typeof s.hasProof === 'boolean') ctx.hasProof = s.hasProof;
  if (typeof s.overseas === 'boolean' && input.market === 'KR') ctx.overseas = s.overseas;
  if (typeof s.ambassador === 'boolean' && input.market === 'FR') ctx.ambassador = s.ambassador;
  // KR registration as a one-shot warranty result read it ("registered within 10 days", "never registered").
  if (typeof s.registered === 'boolean' && input.market === 'KR') {
    ctx.registered = s.registered;
    if (typeof s.registeredWithinDays === 'number' && s.registered) ctx.registeredWithinDays = s.registeredWithinDays;
  }
  return ctx;
}

export const repairBookingMachine = defineSlotDialog({
  id: 'repairBooking',
  version: REPAIR_BOOKING_VERSION,
  context: repairContext,
  steps: repairSteps,
  replies: 'step',
  actors: {
    /** Replaced by the runtime (and by fakes in tests); must be idempotent on booking.id. */
    saveBooking: fromPromise<{ reference: string }, RepairBooking>(async () => {
      throw new Error('saveBooking is not provided');
    }),
  },
  delays: { saveTimeout: 10_000 },
  guards: {
    hasNoModel: (context) => context.model === undefined,
    isProfessional: (context) => isProfessional(context),
    needsOrigin: (context) => context.market === 'KR' && context.overseas === undefined,
    hasNoPurchaseDate: (context) => context.purchaseDate === undefined,
    hasNoProofAnswer: (context) => context.hasProof === undefined,
    needsManufacturingDate: (context) =>
      context.market === 'KR' && context.hasProof === false && !context.overseas && context.manufacturingDate === undefined && !context.manufacturingUnknown,
    needsRegistration: (context) =>
      context.registered === undefined && ((context.market === 'FR' && warrantyRules.FR.registrationRequired) || needsKrRegistration(context)),
    isUnregisteredInFrance: (context) => context.market === 'FR' && context.registered === false,
    needsAmbassador: (context) => context.market === 'FR' && context.ambassador === undefined,
    needsBrand: (context) => needsFrBrand(context),
    needsLastRepair: (context) => needsLastRepair(context),
    hasNotSeenTerms: (context) => !context.warrantyShown,
    needsRental: (context) => context.rental === undefined && needsRental(context),
    needsServiceOption: (context) => context.market === 'FR' && context.serviceOption === undefined,
    hasNoName: (context) => context.name === undefined,
    hasNoPhone: (context) => context.phone === undefined,
    hasNoEmail: (context) => context.email === undefined,
    hasNoAddress: (context) => context.address === undefined,
    isChoosingField: (context) => context.choosingField === true,
    isConfirmed: (context) => context.confirmed === true,
    hasSaveFailed: (context) => context.saveFailed === true,
    isValidReference: (_, event) => BookingReference.safeParse((event as { output?: { reference?: unknown } }).output?.reference).success,
  },
  actions: {
    tellTerms: { say: (context) => ({ text: termsText(context), step: 'reportingTerms' }) },
    markTermsShown: { assign: () => ({ warrantyShown: true }) },
    redirectProfessional: {
      assign: (context) => ({
        outcome: { outcome: 'completed', reason: 'professional machine', summary: `Repair request for a professional machine (${modelLabel(context)})` },
        closing:
          context.market === 'KR'
            ? msg('rb.proKR', { model: modelName(context), phone: krRepairPrices.professionalClubPhone })
            : msg('rb.pro', { model: modelName(context), contact: { contact: context.market } }),
      }),
    },
    markSaveFailed: { assign: () => ({ saveFailed: true, confirmed: false }) },
    storeReference: {
      assign: (context, event) => {
        const reference = (event as unknown as { output: { reference: string } }).output.reference;
        return {
          reference,
          confirmed: false,
          outcome: { outcome: 'completed', reason: 'booking saved', summary: `Repair booking ${reference}: ${modelLabel(context)} (${context.market})` },
          closing: msg('rb.saved', { reference, contact: { contact: context.market } }),
        };
      },
    },
  },
  routing: [
    { guard: 'hasNoModel', target: 'askingModel' },
    { guard: 'isProfessional', actions: 'redirectProfessional', target: 'done' },
    { guard: 'needsOrigin', target: 'askingOrigin' },
    { guard: 'hasNoPurchaseDate', target: 'askingPurchaseDate' },
    { guard: 'hasNoProofAnswer', target: 'askingProof' },
    { guard: 'needsManufacturingDate', target: 'askingManufacturingDate' },
    { guard: 'needsRegistration', target: 'askingRegistration' },
    { guard: 'isUnregisteredInFrance', target: 'awaitingRegistration' },
    { guard: 'needsAmbassador', target: 'askingAmbassador' },
    { guard: 'needsBrand', target: 'askingBrand' },
    { guard: 'needsLastRepair', target: 'askingLastRepair' },
    { guard: 'hasNotSeenTerms', actions: ['tellTerms', 'markTermsShown'], target: 'routing', reenter: true },
    { guard: 'needsRental', target: 'askingRental' },
    { guard: 'needsServiceOption', target: 'askingServiceOption' },
    { guard: 'hasNoName', target: 'askingName' },
    { guard: 'hasNoPhone', target: 'askingPhone' },
    { guard: 'hasNoEmail', target: 'askingEmail' },
    { guard: 'hasNoAddress', target: 'askingAddress' },
    { guard: 'hasSaveFailed', target: 'retryingSave' },
    { guard: 'isConfirmed', target: 'saving' },
    { guard: 'isChoosingField', target: 'askingField' },
    { target: 'confirming' },
  ],
  states: {
    saving: {
      invoke: {
        src: 'saveBooking',
        input: ({ context }: { context: RepairContext }) => bookingOf(context),
        onDone: [
          { guard: 'isValidReference', actions: 'storeReference', target: 'done' },
          { actions: 'markSaveFailed', target: 'routing' },
        ],
        onError: { actions: 'markSaveFailed', target: 'routing' },
      },
      after: { saveTimeout: { actions: 'markSaveFailed', target: 'routing' } },
    },
  },
});
