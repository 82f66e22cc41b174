import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/language/message.js';
import { defineSlotDialog, taskContext, type TaskContext, type TaskStep } from '../../dialogs/step-kit.js';
import { chat, inputFor } from './helpers.js';

interface AgeContext extends TaskContext {
  age?: number;
  saved?: string;
}

/** A one-slot dialog built with the kit; `parses` counts how often the step's parser runs. */
function ageDialog() {
  const parses: string[] = [];
  const steps = {
    askingAge: {
      prompt: () => ({ text: msg('cp.askElapsed', { commitment: 12 }) }),
      answer: (text: string) => {
        parses.push(text);
        const n = Number(text);
        return Number.isInteger(n) ? { ok: true as const, patch: { age: n } } : { ok: false as const, reason: msg('cp.reask.elapsed') };
      },
    },
  } satisfies Record<string, TaskStep<AgeContext>>;
  const machine = defineSlotDialog({
    id: 'noWater',
    version: 1,
    context: (input) => ({ ...taskContext(input), age: typeof input.slots.age === 'number' ? input.slots.age : undefined }),
    steps,
    actors: { save: fromPromise<string, number>(async () => 'not provided') },
    guards: { hasNoAge: (context: AgeContext) => context.age === undefined },
    actions: { finish: { assign: (context: AgeContext) => ({ outcome: { outcome: 'completed', reason: 'age given', summary: `age ${context.age}` } }) } },
    routing: [{ guard: 'hasNoAge', target: 'askingAge' }, { target: 'saving' }],
    states: {
      saving: {
        invoke: { src: 'save', input: ({ context }: { context: AgeContext }) => context.age, onDone: { actions: 'finish', target: 'done' } },
      },
    },
  });
  return { machine, parses };
}

describe('defineSlotDialog', () => {
  it('parses each message once: a bad answer is asked again, a good one is taken', () => {
    const { machine, parses } = ageDialog();
    const c = chat(machine, { input: inputFor('FR') });
    expect(c.step).toBe('askingAge');
    const again = c.say('soon');
    expect(parses).toEqual(['soon']);
    expect(again).toHaveLength(1);
    expect(again[0]!.step).toBe('askingAge');
    c.say('42');
    expect(parses).toEqual(['soon', '42']);
    expect(c.actor.getSnapshot().context.age).toBe(42);
  });

  it('never asks a slot the input already filled, and provides actors by name', async () => {
    const { machine } = ageDialog();
    const saved: number[] = [];
    const provided = machine.provide({ actors: { save: fromPromise<string, number>(async ({ input }) => (saved.push(input), 'ok')) } });
    const actor = createActor(provided, { input: inputFor('FR', { age: 7 }) }).start();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual([7]);
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ outcome: 'completed', reason: 'age given', summary: 'age 7' });
  });

  it('survives a persist → restore round trip at a question', () => {
    const { machine } = ageDialog();
    const first = chat(machine, { input: inputFor('FR') });
    const snapshot = JSON.parse(JSON.stringify(first.actor.getPersistedSnapshot()));
    const again = chat(machine, { snapshot });
    expect(again.step).toBe('askingAge');
    again.say('9');
    expect(again.actor.getSnapshot().context.age).toBe(9);
  });
});
