/** A message without text (an image, a sticker): say so and show the menu. */
import { msg } from '../../language/message.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const emptyText: Stage = (t) => (t.text ? undefined : [say.system(msg('noText'), t.market, say.MENU)]);
