/**
 * A correction right after a one-shot penalty result (issue 16): "actually it was a 24-month commitment", "en fait
 * ça fait 10 mois", "no, I paid 49 €" said once the penalty was given recomputes it with that figure changed,
 * after "Thanks, I have changed that."; the figures are the ones the customer gave for the result (resultSlots,
 * this conversation only). A message that corrects none of them passes.
 */
import { correctedPenalty } from '../../../dialogs/one-shot.js';
import { dialogInput, startDialog } from '../actions.js';
import { msg } from '../../language/message.js';
import { MENU } from '../replies.js';
import type { Stage } from '../turn-view.js';
import { resultSupport } from './one-shot.js';

export const resultCorrection: Stage = (t) => {
  const { market, ...kept } = t.state.resultSlots ?? {};
  if (!t.s.dialogs || !t.market || t.state.dialog || market !== t.market) return undefined;
  const { slots: _none, ...input } = dialogInput(t, {});
  const fix = correctedPenalty(t.text, kept, input);
  if (!fix) return undefined;
  const ack = { text: msg('repair.corrected'), support: { ...resultSupport('cancellationPenalty', t.market), step: 'corrected' } };
  if (!fix.result) return startDialog(t, 'cancellationPenalty', fix.figures).then((replies) => [ack, ...replies]);
  t.state.fallbacks = 0;
  t.state.resultSlots = { ...fix.figures, market: t.market };
  const followUp = MENU.filter((c) => c.value === 'cmd:agent');
  return [ack, { text: fix.result.text, choices: followUp, support: resultSupport('cancellationPenalty', t.market) }];
};
