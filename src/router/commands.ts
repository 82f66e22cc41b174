/** Global commands that work at any step, and small talk. Whole-message matches only, so that
 * "how do I cancel my subscription" is a question, not the "cancel" command. */
export type Command = 'cancel' | 'startOver' | 'help' | 'agent' | 'changeCountry' | 'forgetMe';

const COMMANDS: Array<[Command, RegExp]> = [
  ['cancel', /^(?:cancel|stop|quit|exit|abort|never ?mind|forget it|cancel (?:this|that|it)|stop waiting|leave the queue|i don'?t want to wait)$/],
  ['startOver', /^(?:start (?:over|again)|restart|reset|begin again|from the (?:start|beginning))$/],
  ['help', /^(?:help|menu|options|what can you do|show (?:me )?(?:the )?(?:topics|menu|options)|\?)$/],
  [
    'agent',
    /^(?:(?:i (?:want|need|would like|'d like) (?:to (?:talk|speak|chat) (?:to|with) )?)|(?:can i |let me |please )?(?:talk|speak|chat) (?:to|with) |connect me (?:to|with) |get me |transfer (?:me )?to )?(?:an? |the )?(?:agent|human|person|real person|human agent|live agent|operator|representative|someone|somebody|customer service|support agent)(?: please)?$/,
  ],
  ['changeCountry', /^(?:change|switch|set) (?:my )?(?:country|market|region)$/],
  ['forgetMe', /^(?:(?:please )?(?:delete|erase|remove|forget) (?:all )?(?:my (?:data|details|information|personal data)|me|everything about me))$/],
];

function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!.。,]+$/u, '')
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectCommand(text: string): Command | undefined {
  const t = squash(text);
  for (const [cmd, re] of COMMANDS) if (re.test(t)) return cmd;
  return undefined;
}

export type Small = 'greeting' | 'thanks' | 'bye';
const SMALL: Array<[Small, RegExp]> = [
  ['greeting', /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|bonjour|olá|ola|你好|안녕하세요|yo)(?: there)?$/u],
  ['thanks', /^(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|ty|merci|obrigad[oa]|謝謝|감사합니다|great,? thanks|ok,? thanks|perfect,? thanks)$/u],
  ['bye', /^(?:bye|goodbye|see you|ciao|au revoir|adeus)$/u],
];

export function detectSmalltalk(text: string): Small | undefined {
  const t = squash(text);
  for (const [kind, re] of SMALL) if (re.test(t)) return kind;
  return undefined;
}

const YES = /^(?:y|yes|yeah|yep|yup|sure|ok|okay|correct|right|it did|that helped|👍|👍 yes|yes,? that answered it|thanks,? (?:it|that) helped)$/u;
const NO = /^(?:n|no|nope|nah|not really|it didn't|it did not|👎|👎 no|no,? that did not help|no,? it didn't help|that didn't help)$/u;

export function yesNo(text: string): 'yes' | 'no' | undefined {
  const t = squash(text);
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  return undefined;
}
