/** "Delete my data" works at any time, also while a person is requested or holds the chat. */
import { forgetMe as forget } from '../actions.js';
import type { Stage } from '../turn-view.js';
import { commandOf } from './commands.js';

export const forgetMe: Stage = (t) => (t.text && commandOf(t) === 'forgetMe' ? forget(t) : undefined);
