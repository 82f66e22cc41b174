/** Greetings, thanks and goodbyes in any of the five languages. */
import { msg } from '../../language/message.js';
import { smalltalk as readSmalltalk } from '../../language/understand/index.js';
import * as say from '../replies.js';
import type { Stage } from '../turn-view.js';

export const smalltalk: Stage = (t) => {
  switch (readSmalltalk(t.text, t.lang)) {
    case 'greeting':
      return [say.smalltalk(msg('greeting'), t.market, say.MENU)];
    case 'thanks':
      return [say.smalltalk(msg('thanks'), t.market)];
    case 'bye':
      return [say.smalltalk(msg('bye'), t.market)];
    case 'areYouBot':
      // "are you a bot or a real person?" asks what we are: said, with a person one tap away (it is no request for one).
      return [say.smalltalk(msg('areYouBot'), t.market, [say.PERSON_CHOICE])];
    default:
      return undefined;
  }
};
