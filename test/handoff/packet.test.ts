/** The context packet names the customer by what they gave: on the channel, in the task, on a booking. */
import { describe, expect, it } from 'vitest';
import { buildPacket, type PacketInput } from '../../src/handoff/packet.js';
import type { StoredBooking } from '../../src/conversation/bookings.js';

const base: PacketInput = { conversationId: 'directline:abc', channel: 'directline', reason: 'customer-request', customer: { userId: 'dl_x' }, candidates: [], bookings: [] };
const booking = (name: string, createdAt: string) => ({ name, createdAt, reference: 'R-1', model: 'Vertuo', market: 'FR', status: 'received', warranty: 'in' }) as unknown as StoredBooking;

describe('the customer in the context packet', () => {
  it('is unnamed when they gave no name', () => {
    expect(buildPacket(base).customer).toEqual({ userId: 'dl_x' });
  });

  it('takes the name the channel gave first', () => {
    expect(buildPacket({ ...base, customer: { userId: 'u', name: 'Min-su' }, dialog: { machine: 'repairBooking', slots: { name: 'Other' } } }).customer.name).toBe('Min-su');
  });

  it('takes the name given in the task under way', () => {
    expect(buildPacket({ ...base, dialog: { machine: 'repairBooking', step: 'askingPhone', slots: { name: ' Marie Dupont ' } } }).customer.name).toBe('Marie Dupont');
  });

  it('takes the name on the latest booking otherwise', () => {
    const bookings = [booking('Old Name', '2026-01-02T00:00:00Z'), booking('Jeanne Martin', '2026-10-01T00:00:00Z')];
    expect(buildPacket({ ...base, bookings }).customer.name).toBe('Jeanne Martin');
  });
});
