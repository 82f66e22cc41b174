import type { answers as En } from '../en/answers.js';

export const answers = {} satisfies Record<keyof typeof En, string>;
