import type { repairBooking as En } from '../en/repair-booking.js';

export const repairBooking = {} satisfies Record<keyof typeof En, string>;
