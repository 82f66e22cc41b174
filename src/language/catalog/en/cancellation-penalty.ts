/** The words of this guided task, English source. See ../index.ts. */
export const cancellationPenalty = {} as const;
