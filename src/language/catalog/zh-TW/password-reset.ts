import type { passwordReset as En } from '../en/password-reset.js';

export const passwordReset = {} satisfies Record<keyof typeof En, string>;
