/**
 * Corrections at any step of the repair booking (issue 16): "actually it's an Essenza Mini", "my phone is
 * 0987 654 321", "the phone number is wrong, it should be 0987 654 321" (also at the summary and at
 * "Change something") change that detail at once; the booking then goes on from wherever it now stands
 * (the machine's routing asks what the change left open, else the step the customer was at).
 */
import { check, Email, phone } from './parse.js';
import { modelNamedIn } from './models.js';
import type { RepairContext } from './repair-booking.texts.js';
import type { Step } from './step-kit.js';

/** What a change of the field clears (the answers that depend on it), from the step table. */
type Clear = (field: 'model' | 'phone' | 'email') => Partial<RepairContext>;

/** Words that name the phone number in the five languages (a number alone at another step is not a correction). */
const PHONE_WORDS = /\b(phone|number|mobile|tel|téléphone|telephone|numéro|portable|telefone|telemóvel|telemovel|número)\b|전화|번호|휴대폰|핸드폰|電話|手機|号码|號碼/iu;
const EMAIL_IN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;

export function correctionIn(text: string, ctx: RepairContext, step: string, clear: Clear): Partial<RepairContext> | undefined {
  const model = ctx.model === undefined || step === 'askingModel' ? undefined : modelNamedIn(text);
  if (model && model !== ctx.model) return { ...clear('model'), model };
  if (step !== 'askingPhone' && PHONE_WORDS.test(text)) {
    const p = check(phone(ctx.market), text);
    if (p.ok && p.value !== ctx.phone) return { ...clear('phone'), phone: p.value };
  }
  if (step !== 'askingEmail' && EMAIL_IN.test(text)) {
    const e = check(Email, text);
    if (e.ok && e.value !== ctx.email) return { ...clear('email'), email: e.value };
  }
  return undefined;
}

/** The table with a correction tried before each step's own answer. */
export function withCorrections<T extends Record<string, Step<RepairContext>>>(steps: T, clear: Clear): T {
  const out = {} as Record<string, Step<RepairContext>>;
  for (const [name, step] of Object.entries(steps)) {
    out[name] = {
      prompt: step.prompt,
      answer: (text, ctx) => {
        const patch = name === 'retryingSave' ? undefined : correctionIn(text, ctx, name, clear);
        return patch ? { ok: true, patch } : step.answer(text, ctx);
      },
    };
  }
  return out as T;
}
