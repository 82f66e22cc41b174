import { createActor, fromPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/language/message.js';
import { correctionIn, defineSlotDialog, taskContext, withCorrections, type Correctable, type Step, type TaskContext, type TaskStep } from '../../dialogs/step-kit.js';
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

describe('corrections in passing', () => {
  interface Ctx {
    size?: number;
    colour?: string;
    fitted?: boolean;
  }
  const fields: Array<Correctable<Ctx>> = [
    { slot: 'size', step: 'askingSize', read: (t) => ((m) => (m ? { size: Number(m[1]) } : undefined))(/size is (\d+)/.exec(t)), clears: () => ({ fitted: undefined }) },
    { slot: 'colour', step: 'askingColour', early: true, read: (t) => ((m) => (m ? { colour: m[1] } : undefined))(/colour is (\w+)/.exec(t)) },
  ];
  const steps: Record<'askingSize' | 'askingFit', Step<Ctx>> = {
    askingSize: { prompt: () => ({ text: 'size?' }), answer: (t: string) => ({ ok: true as const, patch: { size: Number(t) } }) },
    askingFit: { prompt: () => ({ text: 'fitted?' }), answer: (t: string) => (t === 'yes' ? { ok: true as const, patch: { fitted: true } } : { ok: false as const, reason: 'yes?' }) },
  };

  it('changes a filled slot (clearing what depends on it), takes an early one, and leaves the own step and an unchanged value alone', () => {
    expect(correctionIn(fields, 'the size is 42', { size: 40, fitted: true }, 'askingFit')).toEqual({ fitted: undefined, size: 42 });
    expect(correctionIn(fields, 'the size is 42', {}, 'askingFit')).toBeUndefined();
    expect(correctionIn(fields, 'the colour is red', {}, 'askingFit')).toEqual({ colour: 'red' });
    expect(correctionIn(fields, 'the size is 42', { size: 40 }, 'askingSize')).toBeUndefined();
    expect(correctionIn(fields, 'the size is 40', { size: 40 }, 'askingFit')).toBeUndefined();
    expect(correctionIn(fields, 'the size is 42 and the colour is red', { size: 40, colour: 'blue' }, 'askingFit')).toEqual({ fitted: undefined, size: 42, colour: 'red' });
  });

  it('a step table with corrections takes the correction before the step\'s own answer, except where told not to', () => {
    const table = withCorrections(steps, fields, ['askingSize']);
    expect(table.askingFit.answer('the size is 42', { size: 40, fitted: true })).toEqual({ ok: true, patch: { fitted: undefined, size: 42 } });
    expect(table.askingFit.answer('yes', { size: 40 })).toEqual({ ok: true, patch: { fitted: true } });
    expect(table.askingSize.answer('the colour is red', {})).toEqual({ ok: true, patch: { size: NaN } });
  });

  it('an answered step also reads its own answer from the rest of a correcting message, without the words the correction read', () => {
    const numbers: Array<Correctable<Ctx>> = [
      { slot: 'size', step: 'askingSize', read: (t) => ((m) => (m ? { size: Number(m[1]) } : undefined))(/size is (\d+)/.exec(t)), rest: (t) => t.replace(/size is \d+/, ' ') },
    ];
    const ages: Record<'askingSize' | 'askingAge', Step<Ctx & { age?: number }>> = {
      askingSize: steps.askingSize,
      askingAge: { prompt: () => ({ text: 'age?' }), answer: (t: string) => ((m) => (m ? { ok: true as const, patch: { age: Number(m[0]) } } : { ok: false as const, reason: 'age?' }))(/\d+/.exec(t)) },
    };
    const answered = withCorrections(ages, numbers, [], ['askingAge']);
    // The size's 42 is not also the age; the age after it is.
    expect(answered.askingAge.answer('the size is 42, and 7', { size: 40 })).toEqual({ ok: true, patch: { size: 42, age: 7 } });
    expect(answered.askingAge.answer('the size is 42', { size: 40 })).toEqual({ ok: true, patch: { size: 42 } });
    // Not an answered step: the correction alone, the question comes again.
    expect(withCorrections(ages, numbers).askingAge.answer('the size is 42, and 7', { size: 40 })).toEqual({ ok: true, patch: { size: 42 } });
  });
});
