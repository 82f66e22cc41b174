/** Repair bookings: saved with a reference the customer can quote, never expiring, idempotent by booking id. */
import { randomInt } from 'node:crypto';
import type { RepairBooking } from '../../dialogs/types.js';
import { keys, type Storage } from '../state/storage.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newReference(): string {
  let s = 'R-';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export interface StoredBooking extends RepairBooking {
  reference: string;
  status: 'received';
  conversationId: string;
}

export class BookingStore {
  constructor(private readonly storage: Storage) {}

  /** Save once per booking id: a re-run of the save (restored snapshot) returns the same reference. */
  async save(booking: RepairBooking, conversationId: string): Promise<{ reference: string }> {
    const byId = `${keys.booking(`id:${booking.id}`)}`;
    const existing = await this.storage.get<string>(byId);
    if (existing) return { reference: existing.value };
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      const stored: StoredBooking = { ...booking, reference, status: 'received', conversationId };
      if ((await this.storage.compareAndSet(keys.booking(reference), stored, undefined)) !== null) {
        if ((await this.storage.compareAndSet(byId, reference, undefined)) === null) {
          // Another run of the same save won the race: keep its reference, drop ours.
          await this.storage.delete(keys.booking(reference));
          return { reference: (await this.storage.get<string>(byId))!.value };
        }
        await this.link(conversationId, reference);
        return { reference };
      }
    }
    throw new Error('could not allocate a booking reference');
  }

  async find(reference: string): Promise<StoredBooking | undefined> {
    return (await this.storage.get<StoredBooking>(keys.booking(reference.toUpperCase())))?.value;
  }

  async forConversation(conversationId: string): Promise<StoredBooking[]> {
    const refs = await this.storage.listRange<string>(`${keys.booking(`conv:${conversationId}`)}`);
    const out: StoredBooking[] = [];
    for (const r of refs) {
      const b = await this.find(r);
      if (b) out.push(b);
    }
    return out;
  }

  async link(conversationId: string, reference: string): Promise<void> {
    await this.storage.listPush(keys.booking(`conv:${conversationId}`), reference, 50);
  }
}
