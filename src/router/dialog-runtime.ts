/**
 * The runtime the router calls to run the guided dialogs (dialogs/): start a machine, restore its persisted
 * snapshot from a versioned envelope, feed it the customer's message, wait until it settles (tag
 * `awaitingInput` or done) and hand back its replies and the envelope to store.
 */
import { msg } from '../language/message.js';
import { createActor, fromPromise, waitFor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { detectDialog as detect, parseBookingReference as parseReference } from '../../dialogs/detect.js';
import { warmDateParsers } from '../../dialogs/parse-dates.js';
import { memoString } from '../lib/memo.js';
import { dialogRegistry, isDialogId, slotsOf, stepOf, type DialogDefinition } from '../../dialogs/registry.js';
import { replyOf } from '../../dialogs/step-kit.js';
import type { BaseContext, DialogId, DialogInput, DialogOutput, DialogReply, RepairBooking, ReplyEmitted, Slots } from '../../dialogs/types.js';
import type { DialogDeps, DialogEnvelope, DialogStep } from '../conversation/dialog-port.js';

export type { DialogDeps, DialogEnvelope, DialogStep };

/** How long a turn waits for a dialog to settle (the repair booking's own save timeout is shorter). */
const SETTLE_TIMEOUT_MS = 15_000;

const PersistedSnapshot = z.object({
  status: z.literal('active'),
  value: z.string(),
  context: z.looseObject({ market: z.string(), today: z.string() }),
});

type Detected = { dialog: DialogId; slots: Record<string, string | number | boolean>; confidence: number; reading?: string };

/**
 * Memoised by text: a turn asks it of the same message in the task-request and the retrieval stages (and
 * again when a question waiting for the country is routed). Each caller gets its own copy of the slots.
 */
const detectOnce = memoString((text: string): Detected | undefined => detect(text), 64);

export function detectDialog(text: string): { dialog: DialogId; slots: Record<string, string | number | boolean>; confidence: number } | undefined {
  const found = detectOnce(text);
  return found && { ...found, slots: { ...found.slots } };
}

/** The date reader's first parse per locale, paid once at start-up (see DialogEngine.warm). */
export function warmDialogs(): void {
  warmDateParsers();
}

export function parseBookingReference(text: string): string | undefined {
  return parseReference(text);
}

/**
 * The deps of the turn each running dialog belongs to, by the actor's system (every createActor
 * makes a system of its own, shared by the actors it invokes): concurrent turns of different
 * conversations never see each other's deps. Not an AsyncLocalStorage: on Node 20 one active ALS
 * adds a hook to every promise of the process.
 */
const depsBySystem = new WeakMap<object, DialogDeps>();

/** The repair booking's save, through the deps of the actor system that invokes it. */
const saveBooking = fromPromise<{ reference: string }, RepairBooking>(({ input, system }) => {
  const deps = depsBySystem.get(system);
  return deps ? deps.saveBooking(input) : Promise.reject(new Error('saveBooking is not provided'));
});

/** Each definition's machine with its actors provided, built once (provide() rebuilds the whole machine). */
const provided = new WeakMap<AnyStateMachine, AnyStateMachine>();

function machineFor(def: DialogDefinition): AnyStateMachine {
  if (def.id !== 'repairBooking') return def.machine;
  let machine = provided.get(def.machine);
  if (!machine) {
    machine = def.machine.provide({ actors: { saveBooking } });
    provided.set(def.machine, machine);
  }
  return machine;
}

/** An actor of the definition's machine whose invoked actors use `deps`. */
function actorFor(def: DialogDefinition, deps: DialogDeps | undefined, options: Parameters<typeof createActor<AnyStateMachine>>[1]): AnyActorRef {
  const actor = createActor(machineFor(def), options);
  if (deps) depsBySystem.set(actor.system, deps);
  return actor;
}

interface Peeked {
  def: DialogDefinition;
  step: string;
  context: BaseContext & Record<string, unknown>;
}

/** The envelope's machine, pending step and context without running anything; undefined when unusable. */
function peek(envelope: DialogEnvelope): Peeked | undefined {
  if (!envelope || !isDialogId(envelope.machine)) return undefined;
  const def = dialogRegistry[envelope.machine];
  if (envelope.version !== def.version || !PersistedSnapshot.safeParse(envelope.snapshot).success) return undefined;
  try {
    const snap = createActor(def.machine, { snapshot: envelope.snapshot as never }).getSnapshot();
    const step = typeof snap.value === 'string' ? snap.value : undefined;
    if (!step || !stepOf(def, step) || !snap.hasTag('awaitingInput')) return undefined;
    return { def, step, context: snap.context as Peeked['context'] };
  } catch {
    return undefined;
  }
}

/** `done`: given the final context when the machine finishes (a change that finished the task is acknowledged too). */
async function run(def: DialogDefinition, actor: AnyActorRef, text?: string, done?: (context: Record<string, unknown>) => void): Promise<DialogStep> {
  const replies: DialogReply[] = [];
  const sub = actor.on('reply', (e: ReplyEmitted) => replies.push(e.reply));
  try {
    actor.start();
    if (text !== undefined) actor.send({ type: 'user.said', text });
    const snap = await waitFor(actor, (s) => s.status !== 'active' || s.hasTag('awaitingInput'), { timeout: SETTLE_TIMEOUT_MS });
    if (snap.status === 'done') {
      done?.(snap.context as Record<string, unknown>);
      return { replies, output: snap.output as DialogOutput };
    }
    return { replies, envelope: { machine: def.id, version: def.version, snapshot: actor.getPersistedSnapshot() } };
  } catch (err) {
    const snap = actor.getSnapshot();
    if (snap.status === 'active') {
      // Still working (a slow save): keep the snapshot; the save re-runs on restore and is idempotent.
      return {
        replies: [...replies, { text: msg('slowTask'), step: 'waiting' }],
        envelope: { machine: def.id, version: def.version, snapshot: actor.getPersistedSnapshot() },
      };
    }
    return {
      replies: [...replies, { text: msg('taskError'), step: 'error' }],
      output: { outcome: 'handoff', reason: `dialog ${def.id} failed: ${(err as Error).message ?? 'error'}` },
    };
  } finally {
    sub.unsubscribe();
    actor.stop();
  }
}

export async function startDialog(dialog: DialogId, input: DialogInput, deps: DialogDeps): Promise<DialogStep> {
  const def = dialogRegistry[dialog];
  return run(def, actorFor(def, deps, { input }));
}

const RESTART_TEXT = 'Sorry, I lost track of where we were in this conversation, so let us pick it up again from the start.';

export async function continueDialog(envelope: DialogEnvelope, text: string, input: DialogInput, deps: DialogDeps): Promise<DialogStep> {
  const peeked = peek(envelope);
  if (!peeked) {
    if (!envelope || !isDialogId(envelope.machine)) {
      return { replies: [{ text: `${RESTART_TEXT} What can I help you with?`, step: 'restart' }], output: { outcome: 'cancelled', reason: 'unknown dialog in stored state' }, restarted: true };
    }
    const fresh = await startDialog(envelope.machine, { ...input, slots: {} }, deps);
    return { ...fresh, replies: [{ text: RESTART_TEXT, step: 'restart' }, ...fresh.replies], restarted: true };
  }
  if (peeked.context.market !== input.market) {
    // Never carry one market's rules into another's: start again for the new market, keeping what the customer told us.
    const slots = carriedSlots(peeked.context);
    const fresh = await startDialog(peeked.def.id, { ...input, slots }, deps);
    if (fresh.envelope && acceptsAnswer(fresh.envelope, text)) {
      const next = await continueDialog(fresh.envelope, text, input, deps);
      return { ...next, replies: [...fresh.replies.slice(0, -1), ...next.replies] };
    }
    return fresh;
  }
  const actor = actorFor(peeked.def, deps, { snapshot: envelope.snapshot as never, input });
  let final: Record<string, unknown> | undefined;
  const step = await run(peeked.def, actor, text, (context) => (final = context));
  return wasCorrected(peeked.def, peeked.context, step.envelope ? peek(step.envelope)?.context : final) ? { ...step, replies: [{ text: msg('repair.corrected'), step: 'corrected' }, ...step.replies] } : step;
}

/**
 * A detail the customer corrected in passing (the dialog's `corrects`) is acknowledged before the task goes on,
 * or before its result when the same message finished it ("sorry, I paid 49 €. 279 €" at the last price).
 */
function wasCorrected(def: DialogDefinition, before: Record<string, unknown>, after: Record<string, unknown> | undefined): boolean {
  return !!after && def.corrects.some((k) => before[k] !== undefined && after[k] !== undefined && before[k] !== after[k]);
}

function carriedSlots(context: Record<string, unknown>): Slots {
  const out: Slots = {};
  for (const [k, v] of Object.entries(slotsOf(context))) {
    if (k === 'market' || k === 'model') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  if (typeof context.model === 'string') out.model = context.model;
  return out;
}

/** True when `text` answers the pending step; false for a digression (a question to answer first). */
export function acceptsAnswer(envelope: DialogEnvelope, text: string): boolean {
  const p = peek(envelope);
  if (!p) return true; // continueDialog restarts politely
  return stepOf(p.def, p.step)?.answer(text, p.context).ok ?? false;
}

export function currentStep(envelope: DialogEnvelope): string {
  return peek(envelope)?.step ?? 'restart';
}

/** The pending step's question again, e.g. after answering a digression. */
export function repeatPrompt(envelope: DialogEnvelope, input: DialogInput): DialogReply {
  const p = peek(envelope);
  const step = p && stepOf(p.def, p.step);
  if (!p || !step) return { text: RESTART_TEXT, step: 'restart' };
  return replyOf(p.step, step.prompt({ ...p.context, contact: input.contact }));
}

/** The pending step of the envelope's dialog, with its question as the customer last saw it; undefined when unusable. */
export function pendingStep(envelope: DialogEnvelope, input: DialogInput): { dialog: DialogId; step: string; prompt: DialogReply } | undefined {
  const p = peek(envelope);
  const step = p && stepOf(p.def, p.step);
  if (!p || !step) return undefined;
  return { dialog: p.def.id, step: p.step, prompt: replyOf(p.step, step.prompt({ ...p.context, contact: input.contact })) };
}

export function dialogSlots(envelope: DialogEnvelope): Record<string, unknown> {
  const p = peek(envelope);
  return p ? slotsOf(p.context) : {};
}
