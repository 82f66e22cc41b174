/**
 * The task menu the bot offers (welcome, help, a hand-off left): its buttons carry neutral values
 * (`task:<dialog>`, `cmd:agent`), decoded before any text parsing; labels come from the catalogues.
 * Shared by the router and the hand-off.
 */
import { msg } from './message.js';
import type { ChoiceData } from './render.js';

export const MENU: ChoiceData[] = [
  { label: msg('label.resetPassword'), value: 'task:passwordReset' },
  { label: msg('label.noWater'), value: 'task:noWater' },
  { label: msg('label.bookRepair'), value: 'task:repairBooking' },
  { label: msg('label.penalty'), value: 'task:cancellationPenalty' },
  { label: msg('label.person'), value: 'cmd:agent' },
];
