import { onlyOf } from './phrases.js';
import type { LanguageUnderstanding } from './types.js';

const GREET = String.raw`how are you doing(?: today)?|how's your day|hi|hello|hey|hiya|hey there|hi there|hello there|good (?:morning|afternoon|evening)|yo|how are you|how r u|how's it going`;
const THANKS = String.raw`cheers mate|thanks mate|ta|thanks?(?: you)?(?: (?:so|very) much| a lot| a bunch| for (?:the|your) help| for helping)?|thx|ty|tysm|cheers|much appreciated|appreciate it`;
const BYE = String.raw`bye|bye bye|goodbye|see you|see ya|ciao|have a (?:good|nice) (?:day|one|evening)`;
/** Words around small talk that do not make it a question ("ok", "great", "好的", "네"). */
const FILL = String.raw`ok i'?ll wait|i'?ll wait|mate|ok|okay|great|perfect|awesome|cool|nice|good|brilliant|lovely|all good|got it|it worked(?: in the end)?|that helped|problem solved|😊|🙏|👍|🙂`;

export const en: LanguageUnderstanding = {
  lang: 'en',
  yes: /^(?:y|yes|yeah|yep|yup|sure|ok|okay|of course|correct|right|that's right|it is|i do|i have|i did|it does|it did|it works|it worked|that helped|yes,? that answered it|thanks,? (?:it|that) helped|👍|👍 yes)(?![\p{L}\p{N}])/u,
  no: /^(?:n|no|nope|nah|not yet|not really|never|i don't|i do not|i haven't|i have not|i didn't|i did not|it doesn't|it didn't|still nothing|still no|👎|👎 no)(?![\p{L}\p{N}])|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:didn'?t|did not|doesn'?t|does not|isn'?t|is not|wasn'?t|was not|won'?t|can'?t|cannot|couldn'?t|haven'?t|hasn'?t) (?:work|help|come|arrive|find|see|get|there|fix|solve|change|do anything)|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:not there|not in (?:it|there|any)|nothing (?:there|came|happened|comes out|changed)|still (?:nothing|not|no|broken|the same|dead|stuck|empty|dry)|no luck|no joy|no change)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  dontKnow: /^(?:i'?m not sure|not sure|no idea|i don'?t know|dunno|idk|i don'?t remember|can'?t remember|i forgot|no clue|i lost (?:it|the receipt)|don'?t have (?:it|one)|what is that|what's that)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  commands: [
    ['cancel', /^(?:cancel|stop|quit|exit|abort|never ?mind|forget it|cancel (?:this|that|it)|stop waiting|leave the queue|i don'?t want to wait)$/],
    ['startOver', /^(?:start (?:over|again)|restart|reset|begin again|from the (?:start|beginning))$/],
    ['help', /^(?:help|menu|options|what can you do|show (?:me )?(?:the )?(?:topics|menu|options)|\?)$/],
    ['agent', /^(?:(?:i (?:want|need|would like|'d like) (?:to (?:talk|speak|chat) (?:to|with) )?)|(?:can i |let me |please )?(?:talk|speak|chat) (?:to|with) |connect me (?:to|with) |get me |transfer (?:me )?to )?(?:an? |the )?(?:agent|human|person|real person|human agent|live agent|operator|representative|someone|somebody|customer service|support agent)(?: please)?$/],
    ['changeCountry', /^(?:change|switch|set) (?:my )?(?:country|market|region)$/],
    ['changeLanguage', /^(?:change|switch|set) (?:the |my )?language$|^language$/],
    ['forgetMe', /^(?:(?:please )?(?:delete|erase|remove|forget) (?:all )?(?:my (?:data|details|information|personal data)|me|everything about me))$/],
  ],
  agentAnywhere: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:talk|speak|chat)(?:ing)? (?:to|with) (?:an? |the |some )?(?:real |live |actual |human )?(?:person|human|agent|operator|representative|somebody|someone(?! who)|people)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:real|live|actual) (?:person|human|agent)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))human (?:agent|being|support)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))connect me (?:to|with)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))transfer me(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}])(?:get|give|put|transfer|pass) me (?:to |through to |over to )?(?:an? |the |some )?(?:human|person|agent|operator|representative|real person)(?![\p{L}])|(?<![\p{L}])i (?:want|need) (?:an? )?(?:human|agent)(?![\p{L}])/u,
  quitAnywhere: /(?<![\p{L}\p{N}])(?:never ?mind|nevermind|forget (?:it|this|about it)|cancel (?:this|everything|the booking|the repair booking)|stop this|i(?:'?ve)? changed my mind|i don'?t want to (?:continue|go on|do this)|i'?ll (?:just )?call (?:them|you) instead|i'?ll just call (?:them|you))(?![\p{L}\p{N}])/u,
  stopWaiting: /(?<![\p{L}\p{N}])(?:stop waiting|(?:i )?don'?t (?:want|need) to wait|i didn'?t ask for (?:a|an) (?:person|agent|human)|(?:no|don'?t) need (?:for )?(?:a|an) (?:person|agent|human)(?: anymore)?|cancel (?:the |my )?(?:request|queue|wait)|leave the queue|i don'?t need (?:a|an) (?:person|agent) anymore)(?![\p{L}\p{N}])/u,
  askWaiting: /(?<![\p{L}\p{N}])(?:any ?one there|anybody there|are you (?:still )?there|hello\?|how (?:much )?long(?:er)? (?:do|will|until|must|shall) (?:i|it|we)|how much longer|what'?s my (?:position|place)|where am i in (?:the )?(?:queue|line)|am i still (?:in the )?(?:queue|waiting)|still waiting)(?![\p{L}\p{N}])/u,
  smalltalk: [
    ['areYouBot', /(?<![\p{L}\p{N}])(?:are you|r u|is this|am i (?:talking|chatting|speaking) (?:to|with))(?![\p{L}\p{N}])[^.?!]{0,20}(?<![\p{L}\p{N}])(?:bot|robot|chatbot|ai|human|real person|real|a person|an agent)(?![\p{L}\p{N}])/u],
    ['bye', onlyOf(BYE, `${GREET}|${THANKS}|${FILL}`)],
    ['thanks', onlyOf(THANKS, `${GREET}|${FILL}`)],
    ['greeting', onlyOf(GREET, FILL)],
  ],
  countries: [
    ['TW', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:taiwan|taiwanese|taipei|tw)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['FR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:france|french|fr|paris)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['PT', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:portugal|portuguese|pt|lisbon|lisboa)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['KR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:(?:south )?korea|korean|kr|seoul)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
  ],
  inCountry: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:i'?m|i am|we'?re|we are|i live|we live|living|based|located|customer|client|here)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^.?!]{0,20}?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:in|from)\s+(?:the\s+)?(taiwan|france|portugal|(?:south\s+)?korea)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  asksForThis: /^(?:(?:can you |could you |please )?(?:write|speak|answer|reply|talk)?\s*(?:to me )?in english(?: please)?|english(?: please)?|lang:en)$/u,
};
