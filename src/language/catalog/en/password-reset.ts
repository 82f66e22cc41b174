/** The words of this guided task, English source. See ../index.ts. */
export const passwordReset = {} as const;
