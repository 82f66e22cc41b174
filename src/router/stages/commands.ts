/** Commands that work at any step, typed in any language or tapped (`cmd:<command>`). */
import { command as readCommand, type Command } from '../../language/understand/index.js';
import { runCommand } from '../actions.js';
import type { Stage, Turn } from '../turn-view.js';

export function commandOf(t: Turn): Command | undefined {
  if (t.button?.type === 'cmd') return t.button.command === 'somethingElse' ? undefined : t.button.command;
  if (t.button) return undefined;
  return readCommand(t.text, t.lang);
}

export const commands: Stage = (t) => {
  const command = commandOf(t);
  return command ? runCommand(t, command) : undefined;
};
