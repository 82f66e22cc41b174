/**
 * Buttons carry neutral values (DESIGN.md §1 step 5), decoded before any text parsing: `task:<dialog>`,
 * `cmd:<command>`, `faq:<id>`, `market:<XX>`, `lang:<code>`. Labels come from the catalogues; typed text
 * keeps working beside them.
 */
import type { DialogId } from '../../dialogs/types.js';
import type { Command } from '../language/understand/types.js';
import { MARKETS, type Market } from '../lib/types.js';
import { isLang, type Lang } from './lang.js';

/** Buttons carry neutral values, decoded before any text parsing (`task:repairBooking`, `cmd:agent`, `faq:<id>`, `market:KR`, `lang:ko`). */
export type ButtonValue =
  | { type: 'task'; dialog: DialogId }
  | { type: 'cmd'; command: Command | 'somethingElse' }
  | { type: 'faq'; id: string }
  | { type: 'market'; market: Market }
  | { type: 'lang'; lang: Lang };

const DIALOGS: readonly DialogId[] = ['passwordReset', 'noWater', 'repairBooking', 'cancellationPenalty'];
const COMMANDS: readonly string[] = ['cancel', 'startOver', 'help', 'agent', 'changeCountry', 'changeLanguage', 'forgetMe', 'somethingElse'];

export function decodeButton(text: string): ButtonValue | undefined {
  const m = /^(task|cmd|faq|market|lang):([A-Za-z0-9-]+)$/.exec(text.trim());
  if (!m) return undefined;
  const [, type, v] = m as unknown as [string, string, string];
  if (type === 'task' && (DIALOGS as readonly string[]).includes(v)) return { type, dialog: v as DialogId };
  if (type === 'cmd' && COMMANDS.includes(v)) return { type, command: v as Command | 'somethingElse' };
  if (type === 'faq') return { type, id: v };
  if (type === 'market' && (MARKETS as readonly string[]).includes(v)) return { type, market: v as Market };
  if (type === 'lang' && isLang(v)) return { type, lang: v };
  return undefined;
}

