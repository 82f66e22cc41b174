/** The words of this guided task, English source. See ../index.ts. */
export const noWater = {} as const;
