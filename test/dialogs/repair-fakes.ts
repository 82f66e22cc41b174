/** Fakes for the repair booking's saveBooking actor. */
import { fromPromise } from 'xstate';
import { repairBookingMachine } from '../../dialogs/repair-booking.machine.js';
import type { RepairBooking } from '../../dialogs/types.js';

export function fakeStore(reference = 'R-7KQ2ZD') {
  const saved: RepairBooking[] = [];
  const machine = repairBookingMachine.provide({
    actors: {
      saveBooking: fromPromise<{ reference: string }, RepairBooking>(async ({ input }) => {
        saved.push(input);
        return { reference };
      }),
    },
  });
  return { saved, machine };
}

export function failingStore(failures: number, result: () => unknown = () => ({ reference: 'R-7KQ2ZD' })) {
  const calls: RepairBooking[] = [];
  const machine = repairBookingMachine.provide({
    actors: {
      saveBooking: fromPromise<{ reference: string }, RepairBooking>(async ({ input }) => {
        calls.push(input);
        if (calls.length <= failures) throw new Error('storage down');
        return result() as { reference: string };
      }),
    },
  });
  return { calls, machine };
}

export const CONTACT_ANSWERS = ['Kim Min-jun', '010-1234-5678', 'kim@example.com', '서울특별시 강남구 테헤란로 123'];
