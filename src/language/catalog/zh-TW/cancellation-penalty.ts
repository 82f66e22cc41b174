import type { cancellationPenalty as En } from '../en/cancellation-penalty.js';

export const cancellationPenalty = {} satisfies Record<keyof typeof En, string>;
