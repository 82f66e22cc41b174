/** What one language contributes to understanding customers' answers and commands (DESIGN.md §10). */
import type { Lang } from '../../conversation/lang.js';
import type { Market } from '../../lib/types.js';

export type Command = 'cancel' | 'startOver' | 'help' | 'agent' | 'changeCountry' | 'changeLanguage' | 'forgetMe';
export type Small = 'greeting' | 'thanks' | 'bye' | 'areYouBot';

export interface LanguageUnderstanding {
  lang: Lang;
  /** Whole-answer yes ("yes", "sure", "it worked"). */
  yes: RegExp;
  /** A no, anywhere it stands as the answer ("no", "that didn't work", "still nothing"). */
  no: RegExp;
  /** "I don't know", "I'm not sure", "no idea". */
  dontKnow: RegExp;
  /** Commands that are the whole message ("cancel", "start over"). */
  commands: Array<[Command, RegExp]>;
  /** A request for a person anywhere in a message ("can I just talk to a real person please"). */
  agentAnywhere: RegExp;
  /**
   * Giving up the task in progress anywhere in a message ("actually never mind, I'll just call them", "算了 我不修了",
   * "laissez tomber"); what the message says besides is read on its own.
   */
  quitAnywhere: RegExp;
  /** While waiting for a person: no longer wanting one ("stop waiting", "안 기다릴래요", "afinal não preciso"). */
  stopWaiting: RegExp;
  /** While waiting for a person: asking about the wait ("anyone there?", "還要等多久", "몇 번째예요?", "vous êtes là ?"). */
  askWaiting: RegExp;
  smalltalk: Array<[Small, RegExp]>;
  /** Country names and demonyms in this language. */
  countries: Array<[Market, RegExp]>;
  /** "I'm in Korea" style statements: the country word is captured as group 1. */
  inCountry: RegExp;
  /** The customer asks for this language ("in English please", "한국어로", "en français"). */
  asksForThis: RegExp;
}
