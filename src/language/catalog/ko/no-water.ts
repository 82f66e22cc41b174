import type { noWater as En } from '../en/no-water.js';

export const noWater = {} satisfies Record<keyof typeof En, string>;
