/**
 * What the router needs from the dialog runtime (src/router/dialog-runtime.ts). Injected, so the
 * router can be tested with the real runtime or without dialogs.
 */
import type { DialogId, DialogInput, DialogReply } from '../../dialogs/types.js';
import type { DialogDeps, DialogEnvelope, DialogStep } from './dialog-runtime.js';

export type { DialogDeps, DialogEnvelope, DialogStep, DialogId, DialogInput, DialogReply };

export interface DialogEngine {
  /** `reading`: a question about the task's subject (answered, the task offered) or a request to do it. */
  detect(text: string): { dialog: DialogId; slots: Record<string, string | number | boolean>; confidence: number; reading?: 'question' | 'request' } | undefined;
  start(dialog: DialogId, input: DialogInput, deps: DialogDeps): Promise<DialogStep>;
  continue(envelope: DialogEnvelope, text: string, input: DialogInput, deps: DialogDeps): Promise<DialogStep>;
  accepts(envelope: DialogEnvelope, text: string): boolean;
  repeatPrompt(envelope: DialogEnvelope, input: DialogInput): DialogReply;
  currentStep(envelope: DialogEnvelope): string;
  slots(envelope: DialogEnvelope): Record<string, unknown>;
  parseBookingReference(text: string): string | undefined;
}
