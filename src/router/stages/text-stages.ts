/** The stages that read what the customer wrote, also run again on a question that was waiting for the country. */
import type { Reply, Stage, Turn } from '../turn-view.js';
import { activeDialog } from './active-dialog.js';
import { oneShot } from './one-shot.js';
import { resultCorrection } from './result-correction.js';
import { retrieval } from './retrieval.js';
import { smalltalk } from './smalltalk.js';
import { taskRequest } from './task-request.js';

export const TEXT_STAGES: readonly Stage[] = [activeDialog, oneShot, resultCorrection, taskRequest, smalltalk, retrieval];

export async function runStages(stages: readonly Stage[], t: Turn): Promise<Reply[]> {
  for (const stage of stages) {
    const out = await stage(t);
    if (out) return out;
  }
  return [];
}

export function routeText(t: Turn, text: string): Promise<Reply[]> {
  return runStages(TEXT_STAGES, { ...t, text });
}
