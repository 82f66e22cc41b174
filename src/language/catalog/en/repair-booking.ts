/** The words of this guided task, English source. See ../index.ts. */
export const repairBooking = {} as const;
