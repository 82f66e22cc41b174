/** Test helpers for the dialog machines: inputs per market from knowledge/contacts.json, a chat driver. */
import { readFileSync } from 'node:fs';
import { createActor, waitFor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Lang } from '../../src/conversation/lang.js';
import { Renderer } from '../../src/language/render.js';
import type { Choice, Market } from '../../src/lib/types.js';
import type { DialogInput, DialogReply as DialogReplyData, Slots } from '../../dialogs/types.js';

/** A dialog reply as the customer reads it (rendered in the test's language). */
export interface DialogReply {
  text: string;
  choices?: Choice[];
  step: string;
}

const contacts = JSON.parse(readFileSync(new URL('../../knowledge/contacts.json', import.meta.url), 'utf8')) as Array<{
  market: Market;
  phone: string;
  hours: string;
  phoneNote?: string;
  openingHours: Array<{ days: number[]; open: string; close: string }> | null;
}>;

/** Words replies as the router's renderer does, with the contacts of knowledge/contacts.json. */
export const renderer = new Renderer({ faqField: () => undefined, contact: (m) => contacts.find((c) => c.market === m) });

export function rendered(r: DialogReplyData, lang: Lang = 'en'): DialogReply {
  const out = renderer.reply({ text: r.text, choices: r.choices, support: { kind: 'dialog' } }, lang);
  return out.choices ? { text: out.text, choices: out.choices, step: r.step } : { text: out.text, step: r.step };
}

export function inputFor(market: Market, slots: Slots = {}, today = '2025-06-15', lang: Lang = 'en'): DialogInput {
  const c = contacts.find((x) => x.market === market)!;
  return { market, lang, contact: { phone: c.phone, hours: c.hours }, slots, today };
}

/** Drives a machine like the runtime does: start, send `user.said`, collect emitted replies. */
export function chat(machine: AnyStateMachine, options: { input?: DialogInput; snapshot?: unknown; lang?: Lang }) {
  const lang = options.lang ?? options.input?.lang ?? 'en';
  const replies: DialogReply[] = [];
  const actor = createActor(machine, options as never);
  actor.on('reply', (e: { reply: DialogReplyData }) => replies.push(rendered(e.reply, lang)));
  actor.start();
  return {
    actor,
    replies,
    /** Sends one message; returns the replies it produced. */
    say(text: string): DialogReply[] {
      const from = replies.length;
      actor.send({ type: 'user.said', text });
      return replies.slice(from);
    },
    /** Sends one message and waits until the machine settles (for async actors). */
    async sayAndSettle(text: string): Promise<DialogReply[]> {
      const from = replies.length;
      actor.send({ type: 'user.said', text });
      await waitFor(actor, (s: AnyMachineSnapshot) => s.status !== 'active' || s.hasTag('awaitingInput'), { timeout: 2000 });
      return replies.slice(from);
    },
    get step(): string {
      const s = actor.getSnapshot();
      return s.status === 'done' ? 'done' : String(s.value);
    },
    get context(): Record<string, unknown> {
      return actor.getSnapshot().context as Record<string, unknown>;
    },
    get output(): unknown {
      return actor.getSnapshot().output;
    },
    /** The persisted snapshot after a JSON round trip, as storage would keep it. */
    persisted(): unknown {
      return JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    },
  };
}

export const texts = (replies: DialogReply[]) => replies.map((r) => r.text).join('\n');
export const steps = (replies: DialogReply[]) => replies.map((r) => r.step);
