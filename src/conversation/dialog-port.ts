/**
 * What the router and the hand-off need from the dialog runtime (src/router/dialog-runtime.ts), and the
 * envelope a running dialog is stored in. Injected, so the router can be tested with the real runtime or
 * without dialogs.
 */
import type { DialogId, DialogInput, DialogOutput, DialogReply, RepairBooking } from '../../dialogs/types.js';

export type { DialogId, DialogInput, DialogReply };

export interface DialogEnvelope {
  machine: DialogId;
  version: number;
  snapshot: unknown;
}
export interface DialogDeps {
  saveBooking(b: RepairBooking): Promise<{ reference: string }>;
}
export interface DialogStep {
  /** undefined when the dialog is done */
  envelope?: DialogEnvelope;
  replies: DialogReply[];
  output?: DialogOutput;
  restarted?: boolean;
}

export interface DialogEngine {
  /** `reading`: a question about the task's subject (answered, the task offered) or a request to do it. */
  detect(text: string): { dialog: DialogId; slots: Record<string, string | number | boolean>; confidence: number; reading?: 'question' | 'request' } | undefined;
  start(dialog: DialogId, input: DialogInput, deps: DialogDeps): Promise<DialogStep>;
  continue(envelope: DialogEnvelope, text: string, input: DialogInput, deps: DialogDeps): Promise<DialogStep>;
  accepts(envelope: DialogEnvelope, text: string): boolean;
  repeatPrompt(envelope: DialogEnvelope, input: DialogInput): DialogReply;
  currentStep(envelope: DialogEnvelope): string;
  /** The pending step and its question (for the re-prompt ladder and "I don't know"). */
  pendingStep(envelope: DialogEnvelope, input: DialogInput): { dialog: DialogId; step: string; prompt: DialogReply } | undefined;
  slots(envelope: DialogEnvelope): Record<string, unknown>;
  parseBookingReference(text: string): string | undefined;
  /** Pays the readers' one-time costs (the date parser's first parse per locale) before the first turn needs them. */
  warm?(): void;
}
