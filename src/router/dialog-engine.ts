/** The real dialog runtime behind the router's DialogEngine port. */
import * as runtime from './dialog-runtime.js';
import type { DialogEngine } from '../conversation/dialog-port.js';

export const dialogEngine: DialogEngine = {
  detect: runtime.detectDialog,
  start: runtime.startDialog,
  continue: runtime.continueDialog,
  accepts: runtime.acceptsAnswer,
  repeatPrompt: runtime.repeatPrompt,
  currentStep: runtime.currentStep,
  pendingStep: runtime.pendingStep,
  slots: runtime.dialogSlots,
  parseBookingReference: runtime.parseBookingReference,
  warm: runtime.warmDialogs,
};
