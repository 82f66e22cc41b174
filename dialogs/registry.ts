/**
 * The four dialogs by id: machine, version, step table (for repeating a prompt and recognising an answer)
 * and the filled slots shown to an agent.
 */
import type { AnyStateMachine } from 'xstate';
import { getModel } from '../src/policy/catalogue.js';
import { CANCELLATION_PENALTY_VERSION, cancellationCorrectable, cancellationPenaltyMachine, cancellationSteps } from './cancellation-penalty.machine.js';
import { NO_WATER_VERSION, noWaterMachine, noWaterSteps } from './no-water.machine.js';
import { PASSWORD_RESET_VERSION, passwordResetMachine, passwordResetSteps } from './password-reset.machine.js';
import { REPAIR_BOOKING_VERSION, repairBookingMachine, repairCorrectable, repairSteps } from './repair-booking.machine.js';
import type { Answer, Prompt, Step } from './step-kit.js';
import type { BaseContext, DialogId } from './types.js';

export interface DialogDefinition {
  id: DialogId;
  version: number;
  machine: AnyStateMachine;
  steps: Record<string, AnyStep>;
  /** Slots a customer may correct in passing at any step (a change is acknowledged before the task goes on). */
  corrects: readonly string[];
}

/** A step of any dialog: the context type is the machine's own. */
interface AnyStep {
  prompt(ctx: never): Prompt;
  answer(text: string, ctx: never): { ok: true; patch: object } | { ok: false; reason: Extract<Answer<object>, { ok: false }>['reason'] };
}

export const dialogRegistry: Record<DialogId, DialogDefinition> = {
  passwordReset: { id: 'passwordReset', version: PASSWORD_RESET_VERSION, machine: passwordResetMachine, steps: passwordResetSteps, corrects: [] },
  // No water's own steps start again for another machine, which says enough.
  noWater: { id: 'noWater', version: NO_WATER_VERSION, machine: noWaterMachine, steps: noWaterSteps, corrects: [] },
  repairBooking: { id: 'repairBooking', version: REPAIR_BOOKING_VERSION, machine: repairBookingMachine, steps: repairSteps, corrects: repairCorrectable.map((c) => c.slot) },
  cancellationPenalty: {
    id: 'cancellationPenalty',
    version: CANCELLATION_PENALTY_VERSION,
    machine: cancellationPenaltyMachine,
    steps: cancellationSteps,
    corrects: cancellationCorrectable.map((c) => c.slot),
  },
};

export function isDialogId(v: unknown): v is DialogId {
  return typeof v === 'string' && Object.hasOwn(dialogRegistry, v);
}

/** Step lookup with the context type the table was written for. */
export function stepOf(def: DialogDefinition, step: string): Step<BaseContext> | undefined {
  return Object.hasOwn(def.steps, step) ? (def.steps[step] as unknown as Step<BaseContext>) : undefined;
}

/** Context fields that are bookkeeping, not something the customer told us. */
const INTERNAL = new Set(['contact', 'lang', 'today', 'outcome', 'closing', 'choosingField', 'confirmed', 'saveFailed', 'warrantyShown', 'bookingId']);

/** Filled slots for the agent's context packet (model ids shown as names). */
export function slotsOf(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(context)) {
    if (INTERNAL.has(k) || v === undefined) continue;
    out[k] = k === 'model' && typeof v === 'string' ? (getModel(v)?.name ?? v) : v;
  }
  return out;
}
