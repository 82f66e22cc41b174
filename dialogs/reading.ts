/**
 * Whether a message about a task's subject asks a question ("how long is the link valid?", "can I cancel
 * from the app?", "do I have to give the machine back?", "what are my options?") or asks to do the task
 * ("book a repair", "I forgot my password", "my machine gives no water, help me"). A question is answered
 * (FAQ or policy facts) with the task offered as a button; a request starts the task.
 *
 * Read against the squashed text (lower case, Simplified read as Traditional), in the five languages:
 * 0. what to do if something happened, with no problem of one's own named, is asked in general: a question; asking
 *    for help with one's own problem, or to be allowed to do the task ("what do I do?", "can I schedule a
 *    repair?") is a request;
 * 1. a live problem of one's own ("since this morning", "has expired", "突然", "갑자기", "depuis", "deixou de") with
 *    "how do I / what do I do / can you / can I" about it is a request, unless it says it asks in general ("just
 *    curious", "in general", "why would");
 * 2. asking to be told something ("tell me", "請問", "알고 싶어요", "j'aimerais savoir", "gostaria de saber") is a question;
 * 3. asking for the bot's help or to have something done ("I want to", "help me", "幫我", "해 주세요", "je voudrais",
 *    "quero") is a request;
 * 4. an interrogative form (a question word, an inverted or auxiliary opening, a question ending or mark) is a question;
 * 5. anything else — a problem stated ("I forgot my password"), an imperative ("book a repair") — is a request.
 */
import { hasWordsOfItsOwn, squash } from '../src/language/understand/index.js';
import { quickReject, UNICODE_BOUNDARY, withoutBoundaries } from '../src/language/understand/quick-reject.js';
import { withoutAccents } from './accents.js';

export type Reading = 'question' | 'request';

/** A pattern's top-level alternatives (`a|b(c|d)|e` → `a`, `b(c|d)`, `e`). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** What readingOf asks of a pattern: whether it matches somewhere in the text. */
interface Cue {
  test(s: string): boolean;
}

/**
 * `\b` as a Unicode word boundary, so "où", "porquê" and "é possível" end where their letters end. That boundary is
 * a lookbehind V8 evaluates at every position (see quick-reject.ts): each cue first tries its words without their
 * boundaries. A cue with a boundary inside a lookbehind (`(?<!\bif )`) cannot drop it, so its top-level alternatives
 * that have one are kept apart and the rest are quick-rejected together: a text matches `a|b` exactly when it matches
 * `a` or `b`, and readingOf only asks whether a cue matches.
 */
function unicodeWords(source: string): Cue {
  const re = withoutAccents(new RegExp(source.replaceAll(String.raw`\b`, UNICODE_BOUNDARY), 'u'));
  const quick = quickReject(re);
  if (quick !== re) return quick;
  const parts = alternatives(re.source);
  const kept = parts.filter((p) => p.includes(UNICODE_BOUNDARY) && withoutBoundaries(p) === undefined);
  const plain = parts.filter((p) => !kept.includes(p));
  if (plain.length === 0 || kept.length === 0) return re;
  const fast = quickReject(new RegExp(plain.join('|'), 'u'));
  const slow = new RegExp(kept.join('|'), 'u');
  return { test: (s) => fast.test(s) || slow.test(s) };
}

/**
 * Asking for help with one's own problem, or permission to do the task itself ("how do I fix it?", "what do I do?",
 * "can I schedule a repair?", "어떻게 해요?", "要怎麼處理？", "je fais quoi ?", "que faço?"): the task is the help.
 */
const HELP = unicodeWords(String.raw`\b(how (do|can|should) (i|we) (fix|solve|sort)|(walk|talk|take|guide) me through|troubleshoot|what (do|should|can|shall) (i|we) do|help|sos)\b|\b(would|is) it (be )?possible (for you )?to (book|schedule|arrange|organi[sz]e|set up|reset|send (it|her|him|my)|have (it|her|him|my \w+) (repaired|fixed|collected))\b|\bwould you be able to\b|教我|(접수|신청|예약|재설정|해지|수리)[^.?]{0,4}문의|\b(serait|est)-il possible de (faire réparer|réserver|prendre rendez-vous|réinitialiser|organiser|récupérer)|\b(é|era|seria) possível (marcar|agendar|mandar|repor|pedir|recuperar)|(접수|신청|예약|재설정)[^.?]{0,3}가능(할까요|한가요|해요|하나요)|(해결|고치는|방법)[^.]{0,8}알려|(어떻게|어케|어캐) ?(해요|하죠|해야 ?(돼요|되나요|하나요|할까요|해요|하죠)|하면 ?(돼요|되나요|될까요))|뭐부터|방법 (있을까요|있나요|없을까요)|해결(해 ?주|해줘|좀|하고 싶|부탁|방법|할 방법)|도와|(예약|신청|접수|재설정)(할 수 있|해도 되)|怎麼(處理|排除|解決|辦|修)|要怎麼(處理|做)|我(該|要|應該)怎麼(做|辦)|該怎麼辦|幫我|可以(預約|安排|重設|申請)|je fais quoi|que (faire|dois-je faire)|comment (faire|réparer|résoudre|régler|dépanner)|dépanner|m'aider|aidez|au secours|puis-je (réserver|prendre rendez-vous|réinitialiser|changer)|que faço|o que (faço|devo fazer)|como (resolvo|resolver|reparo)|ajud|posso (marcar|agendar|pedir|repor|redefinir|alterar)`);

/**
 * A problem with one's own machine or account happening now or just now: a time it started ("since this morning",
 * "今天", "오늘 아침부터", "depuis hier", "desde ontem"), or something that stopped, broke or expired for the customer
 * ("stopped", "won't", "has expired", "突然", "過期了", "갑자기", "만료됐", "ne ... plus", "a expiré", "deixou de",
 * "não consigo", "expirou").
 */
const LIVE = unicodeWords(String.raw`(?<!\bif )\bi (forgot|have forgotten|'ve forgotten|lost)\b|(?<!\bsi )j'ai (oublié|perdu)|(?<!\bse (eu )?)\besqueci(-me)?\b|(?<!如果|要是|萬一)我忘(記|了)|忘記密碼了|密碼忘(記)?了|잊어버렸|까먹었|\b((a few|a couple of|couple of|two|three|several|few) days ago|(started|began) (making|to make|leaking|to leak|acting|to act)|barely (comes|works|runs)|since (yesterday|this morning|today|last (night|week)|this week)|this morning|(stopped|broke|died|failed) today|suddenly|all of a sudden|stopped|won'?t|can'?t|cannot|broke|(has )?expired|any ?more|locked out|never (got|received)|leak(s|ing)?|is (stuck|jammed|blocked)|got (stuck|jammed)|no longer|keeps? (on )?(leaking|failing|blinking|flashing)|(error|red|orange|warning) lights?|(flashing|blinking) (red|orange)|lights? (keeps? )?(flash|blink)\w*|(isn'?t|not) working|stopped working|(nothing|no water) (came|comes|has come) out)\b|今天(早上|開始|突然|一早)|從今天|今早|剛剛|突然|一直(不|沒|無法|收不到|閃|漏|說|顯示|跳)|試了(好幾|幾|很多|\d+)次|還是(不|沒|無法)|從[^。]{0,8}開始|已經?(過期|失效|壞)|過期了|失效了|壞了|壞掉|卡住|漏水|登不進|登入失敗|開不了機|無法開機|沒反應|(燈|指示燈)[^。]{0,4}閃|不會(加熱|熱|動)了?|收不到|想不起來|不記得|오늘 ?(아침|부터)|새요|새고|기억이 안|어제부터|아침부터|갑자기|계속 (안|물이|깜빡|새)|안 (돼요|되네요|돼서)|만료(됐|되었|돼서)|고장(났|나서|난 것 같)|안 ?(켜져|켜지|들어와|나와|움직여|돼)(요|서|는데|네)|(켜지|나오|작동하|움직이)지 않(아|는|습)|지 않(아요|네요|는데|아서|습니다)|작동(을)? 안 (해|하)|실패해요|안 와요|\bdepuis (ce matin|hier|aujourd'hui|ce midi|ce soir|quelques jours|la semaine)|\bn'arrive (pas|plus)|\bne \S+ plus\b|\b(a|est) (expiré|bloquée?|tombée? en panne|cassée?)\b|\bfuit\b|jamais reçu|\bdesde (ontem|hoje|esta manhã|de manhã|a semana)|\bhá (uns|alguns|poucos) dias\b|\bcomeçou a\b|며칠 전부터|這幾天|最近幾天|deixou de|não consigo|nunca recebi|não (recebi|me chegou)|não (funciona|liga|aquece|acende)|a piscar|não me lembro|já não sei|a (verter|pingar)|\b(expirou|encravou|avariou|bloqueou|parou)\b`);

/** How to get the live problem handled: "how do I", "what do I do", "can you", "can I get it", in the five languages. */
const LIVE_ASK = unicodeWords(String.raw`\b(how (do|can|should) (i|we)|how to (sort|fix|solve|get)|what (do|should|can) (i|we) do|(can|could|would) (you|someone|somebody|anyone)|tell me how|any (idea|ideas|suggestions|tips)|can i (get|have|book|send)|(is|would) it (be )?possible|any chance|you could|how do i go about|what (do|would) i (have|need) to do)\b|뭘 해야|무엇을 해야|(?<!(견적|가격|비용|금액|요금|수리비|얼마|기간|며칠)[^.?]{0,8})알려 ?(주세요|줘|주실|주시겠)|어떻게 하면 (되나요|돼요|될까요)|我?要怎麼做|\bcomment (on fait|on doit faire|procéder)\b|\b(une|des) idées?\b|\b(un|des) conseils?\b|\balguma (ideia|sugestão)\b|\balgum conselho\b|有什麼辦法|有辦法嗎|방법 (있|없)|좋은 방법|\bje fais comment\b|\bcomment je fais\b|\bon fait comment\b|\b(dites|dire)-moi comment\b|\bme dire comment\b|\b(diga|dizer)-me como\b|\bdizer como\b|告訴我(怎麼|如何)|(방법|어떻게)[^.?]{0,10}알려|\bo que (é que )?(tenho|tenho de|tenho que|preciso de) fazer\b|\bcomo (é que )?(se faz|fazemos)\b|가능(할까요|한가요|해요|하나요)|주시겠어요|줄 수 있|能否|可否|\b(serait|est)-il possible\b|\best-ce possible\b|\b(é|era|seria) possível\b|\bserá que (podem|pode|conseguem)\b|\b(conseguem|consegue|conseguiam)\b|\bdá para\b|怎麼|如何|可以[^。？?]{0,16}嗎|能不能|어떻게 (해야|하면|해요|하나요|들어가|예약|받|신청|접수|찾|고치|고쳐|해결)|수 있(나요|을까요|어요\?)|\bcomment (je|faire|puis-je|est-ce que je|(le |la |les )?(retrouver|récupérer|réparer|régler))\b|\b(je peux|puis-je|on peut|peut-on) (la |le |les )?(faire (réparer|venir chercher|récupérer)|envoyer|réserver|prendre rendez-vous)\b|\b(faut|je dois|on doit) (réserver|faire|procéder|s'inscrire) comment\b|\b(réserve|réserver|prend|fait) comment\b|qu'est-ce que je (dois|peux) faire|que (dois|puis)-je faire|\b(pouvez|pourriez)-vous\b|\bvous (pouvez|pourriez)\b|\bcomo (é que )?(eu )?(faço|volto|posso|resolvo|marco|entro|peço|descubro|recupero)\b|o que (é que )?(eu )?(faço|devo fazer)|\b(posso|podem|pode|podiam)\b`);

/** Asking in general or on a supposition ("if I…", "si je…", "se eu…", "如果"), not about a problem of one's own: the FAQ answers. */
const IN_GENERAL = unicodeWords(String.raw`\b(just curious|curious|in general|generally|why would|hypothetically|what happens if|if (i|we|the|a))\b|如果|萬一|的話|\bsi (je|j'|on|la|le|ma|mon)\b|\bse (eu|a|o)\b|\bcaso\b|一般|通常|好奇|為什麼|보통|일반적|궁금|왜|par curiosité|en général|généralement|pourquoi|por curiosidade|em geral|geralmente|porque é que|porquê`);

/**
 * What to do if something happened, asked with no problem of one's own ("what should I do if the link expires?",
 * "如果不出水怎麼辦", "링크가 만료되면 어떻게 해야 하나요", "que faire si", "o que faço se"): asked in general, answered.
 */
const IF_IT_HAPPENS = unicodeWords(String.raw`\b(what (should|do|can|would) (i|we|you|one) do|what to do|what do you do) (if|when|in case)\b|\b(que faire|que dois-je faire|qu'est-ce qu'il faut faire|qu'est-ce que je dois faire) (si|s'il|quand|lorsque|en cas)\b|\bo que (devo fazer|faço|fazer|se faz|é que se faz) (se|quando|caso|em caso)\b|(如果|萬一|要是)[^。？?]{0,20}(怎麼辦|該怎麼|要怎麼)|(으)?면 어떻게 (해야|하나요|하죠|해요|하면)`);

/**
 * Where or by which means the task can be done ("can I cancel from the app?", "can I book a repair online or only by
 * phone?", "앱에서 바꿀 수 있나요?", "puis-je le faire en ligne ?", "posso fazer no site?"): asking about the channel, answered.
 */
const BY_CHANNEL = unicodeWords(String.raw`\b(online|in the app|on the app|from the app|via the app|through the app|on (the|your) (web ?)?site|from (the|your) (web ?)?site|by (phone|telephone|e-?mail)|over the phone|in (a |the )?(shop|store|boutique))\b|(app|應用程式|官網(?!帳號|會員)|網站|網路|線上|電話)(上|裡|中)?[^。]{0,8}(可以|能)|(可以|能)[^。]{0,10}(app|官網|網站|線上|電話)|(앱|어플|홈페이지|웹사이트|온라인|전화)(에서|으로|로)|\b(en ligne|sur l'app(li(cation)?)?|dans l'app(li(cation)?)?|depuis l'app(li(cation)?)?|sur le site|par téléphone|en boutique)\b|\b(online|na app|pela app|no site|pelo site|por telefone|pelo telefone|na loja)\b`);
/** Asking the bot to do it for one ("can you", "幫我", "해 주세요", "pouvez-vous", "podem"): not a question about the channel. */
const FOR_ME = unicodeWords(String.raw`\b(can|could|would|will) you\b|幫我|請幫|替我|教我|해 ?주|도와|\b(pouvez|pourriez)-vous\b|\bvous pouvez\b|\b(podem|pode|podia|podiam)-me\b|^(podem|pode|podia|podiam) (ajudar|marcar|agendar|fazer|tratar)`);
/** Asking whether one may or can, in the first person ("can I", "可以…嗎", "수 있나요", "puis-je", "posso"). */
const MAY_I = unicodeWords(String.raw`^(can|could|may) (i|we)\b|\b(is it possible|can it be done|do i have to)\b|可以[^。]{0,20}嗎|能不能|能否|可不可以|수 (있|없)(나요|어요|을까요|는지)|가능(한가요|할까요|해요)|\b(puis-je|peut-on|est-il possible|est-ce que je peux|je peux)\b|\b(posso|pode-se|é possível|dá para)\b`);

/** Asking to be allowed to do the task itself ("can I book a repair?", "could we reset it?"): a request, unless on a supposition. */
const MAY_I_DO = unicodeWords(String.raw`^(can|could|may) (i|we) (book|schedule|arrange|get|request|start|set up|reset|change|recover)\b`);

/**
 * The supposition first, then what to do ("if the link has expired, what do I do?", "si la machine ne donne plus d'eau,
 * que faire ?", "se eu me esquecer da senha, o que faço?"): the problem lies inside the supposition, asked in general.
 */
const SUPPOSED_FIRST = unicodeWords(String.raw`^(if|when|in case) [^?]{0,60}(what (do|should|can) (i|we) do|what now)\b|^(si|quand|en cas de) [^?]{0,60}(que (faire|dois-je faire)|je fais quoi|qu'est-ce que je (dois|peux) faire)|^(se|quando|caso) [^?]{0,60}o que (é que )?(faço|devo fazer|fazer|posso fazer)\b`);

const INFO = unicodeWords(String.raw`\b((just |only )?(want|like|need) to understand|tell me|let me know|(i'?d|i would) like to know|i want to know|i wonder|wondering|explain|do you know|any idea)\b|請問|想(知道|問|了解|請教)|告訴我|問一下|알고 싶|알려 ?주|궁금|여쭤|문의 ?드|dites-moi|(pouvez|pourriez)-vous me dire|(j'aimerais|je voudrais|je veux|je souhaite) savoir|explique[rz]|(gostaria|queria|quero) de saber|(gostaria|queria|quero) (saber|perceber|entender|compreender)|je (veux|voudrais) (juste )?comprendre|diga-me|(pode|podem|podia)(-me)? (dizer|explicar)|explique`);

const REQUEST = unicodeWords(String.raw`\b((can|could|would|will) you (please )?\w+|can we (start|book|set|get|do)|(?<!\b(do|did|will|would|should|must) )(i need|i'?d like|i want)|pls|plz)\b|(주|가|와|오)실 수 (있|없)|[가-힣] ?주세요|[가-힣] ?주십시오|\b(venho|venho por este meio) (solicitar|pedir)\b|\bsolicito\b|\bagrade(ço|cia) que\b|주시겠(어요|습니까)|줄 수 있(어요|나요|을까요)|可以[^。？?]{0,12}給我|^想(要)?(?!知道|問|了解|請教)|\bany chance (you|of)\b|^(conseguem|consegue|conseguiam)(-me)? \w+|\b(conseguem|conseguiam)(-me)? (ajudar|calcular|marcar|tratar|enviar|mandar|ver)|vous pouvez (m'|me|nous)|tu peux (m'|me)|^(podem|pode|podiam|podia)(-me)? (?!se\b)\w+|\b(podem|pode|podia)(-me| me)? (mandar|enviar|ajudar|marcar|agendar|tratar|fazer|vir|calcular|repor|dar)|(하|드리|보)려고요|려고 (해요|합니다)|(요청|신청|접수|부탁)(합니다|드립니다|드려요|할게요)|請(你們|您)?(幫|協助|安排|處理)|我想要|\b(i want to|i wanna|i'?d like to|i would like to|(?<!\b(do|did|will|would|should|must) )(i need to|i need (a|an|you|help|my))|help me|please (help|book|reset|arrange|send|cancel|calculate|start|fix|get)|(can|could|would) you (please )?(help|book|reset|arrange|send|cancel|calculate|start|fix|get|set up|do)|what (should|do|can|shall) i do|what now|let'?s)\b|^(please )?(book|reset|arrange|schedule|start|send|fix|help|calculate|compute|cancel|change|recover|get) |^help$|我(要|想)(?!知道|問|了解|請教)|幫我|幫忙|請幫|^請(?!問)|麻煩|我需要(?![^。？?]{0,10}(什麼|哪些|嗎))|需要(幫忙|協助)|怎麼辦|該怎麼做|(하고|해|받고|드리고) ?싶(어요|습니다|은데|어)|해 ?주세요|해 ?주실|해 ?줘|부탁|도와 ?주|도와줘|할게요|하려고 (해요|합니다)|어떡해|어떡하죠|어떻게 하죠|\b(je (veux|voudrais|souhaite|souhaiterais)|j'aimerais|j'ai besoin|besoin d'aide|est-ce que je peux (réserver|prendre rendez-vous|faire réparer|réinitialiser|envoyer)|aidez-moi|aide-moi|(pouvez|pourriez)-vous|peux-tu|merci de)\b|que (dois-je|faut-il|puis-je) faire|que faire|^(réserver|réinitialiser|prendre|faire|envoyer|annuler|calculer|aide|aidez) |\b(quero|queria|gostaria de|(?<!o que (é que )?)preciso de|(?<!o que (é que )?)preciso|ajude-me|ajudem-me|ajuda-me|(pode|podem|podia) (ajudar|marcar|agendar|fazer|tratar))\b|o que (faço|devo fazer|posso fazer|fazer)|^(marcar|agendar|repor|redefinir|recuperar|cancelar|calcular|ajuda) `);

const QUESTION = unicodeWords(String.raw`^(how|what|whats|when|where|which|why|who|is|are|was|were|does|do|did|can|could|will|would|should|shall|may|might|am|if|any)\b|\b(how (long|much|many|do|does|can|to|often)|what (if|happens|are|is|do|about)|is it (possible|true|normal|free)|do i (have|need|get)|does it|can i|am i|will i|would i|should i|if i)\b|嗎|呢|多久|多少|怎麼|如何|什麼(?!都|也)|為什麼|是否|能不能|可不可以|會不會|要不要|有沒有|是不是|幾(個|天|年|月|次)|哪(裡|個|些)|얼마|언제|어떻게|무엇|뭐|왜|어디|몇|나요|까요|(인|은|는)가요|(있|없|되|하)나요|(할|될|볼|받을) 수 (있|없)|해야 (하나|하나요|해요|돼요)|^(comment|combien|quand|pourquoi|quel|quelle|quels|quelles|qu'est-ce|est-ce|où|si|puis-je|peut-on|dois-je|faut-il|ai-je|suis-je|est-il|y a-t-il)\b|\b(est-ce que|combien|comment|pourquoi|puis-je|peut-on|dois-je|faut-il|si je|que se passe|quelles? (sont|est))\b|^(como|quanto|quantos|quantas|quando|porque|porquê|qual|quais|onde|posso|pode-se|é possível|tenho de|tenho que|se|o que|há|existe|devo)\b|\b(posso|quanto (custa|tempo|é)|é possível|tenho (de|que)|se eu|o que acontece|quais são)\b`);

/**
 * `symptom`: the message names a symptom the task is for ("gives no water"), which is the customer's own unless asked
 * in general or on a supposition.
 */
export function readingOf(text: string, opts: { symptom?: boolean } = {}): Reading {
  const t = squash(text).replace(/\s+/g, ' ').trim();
  const live = LIVE.test(t) || (opts.symptom === true && !IN_GENERAL.test(t) && !IF_IT_HAPPENS.test(t));
  if (SUPPOSED_FIRST.test(t) || (IF_IT_HAPPENS.test(t) && !live)) return 'question';
  if (BY_CHANNEL.test(t) && MAY_I.test(t) && !FOR_ME.test(t) && !live) return 'question';
  if (HELP.test(t)) return 'request';
  if (MAY_I_DO.test(t) && !IN_GENERAL.test(t)) return 'request';
  if (live && LIVE_ASK.test(t) && !IN_GENERAL.test(t)) return 'request';
  if (INFO.test(t)) return 'question';
  if (REQUEST.test(t)) return asksAfterwards(text) ? 'question' : 'request';
  return asks(t, text) ? 'question' : 'request';
}

/**
 * A wish followed by a question of substance ("je veux résilier mon abonnement, je dois rendre la machine ?", "I want
 * to cancel, do I have to give the machine back?", "想取消訂閱，機器要還嗎？"): the customer asks before doing it, so
 * the question is answered and the task offered beside it. The last clause must read as a question on its own, with
 * words of its own: "I'd like to book a repair, is that possible?" and "…, can you help?" still ask for the task.
 */
function asksAfterwards(raw: string): boolean {
  const clauses = raw.split(/[,，、;；.。]\s*/u).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return false;
  const last = clauses[clauses.length - 1]!;
  const squashed = squash(last).replace(/\s+/g, ' ').trim();
  if (!asks(squashed, last) || !/[?？]\s*$/u.test(raw)) return false;
  if (!hasWordsOfItsOwn(squashed, { cjk: 6, words: 4 })) return false;
  if (ANAPHORIC.test(squashed) || WH.test(squashed) || FOR_ME.test(squashed)) return false;
  return readingOf(last) === 'question';
}

/**
 * A question word: after a wish, "what will I pay?" and "how do I place the request?" ask what the task itself gives;
 * only a yes-or-no question about something beside it (giving the machine back, a fee, a deadline) is answered first.
 */
const WH = unicodeWords(String.raw`\b(how|what|whats|when|where|which|why|who|comment|combien|quand|pourquoi|quel|quelle|quels|quelles|où|como|quanto|quantos|quantas|quando|porque|porquê|qual|quais|onde|o que)\b|怎麼|怎么|如何|多少|多久|什麼|什么|哪|幾|为什么|為什麼|얼마|언제|어떻게|무엇|뭐|왜|어디|몇`);

/** A last clause that only points back at the wish ("is that possible?", "c'est possible ?", "可以嗎？", "가능한가요?"). */
const ANAPHORIC = unicodeWords(String.raw`\b(is (that|it|this)|would (that|it) be|c'est|est-ce|ça|cela|isso|isto|é)\b[^?]{0,12}\b(possible|possível|ok|okay|fine|doable|faisable)\b|^(可以|能|行)(嗎|不)|這樣可以|可以(嗎|吗)|가능(한가요|할까요|해요|하나요)|될까요|되나요`);

/** A question word or ending in the squashed text, or a question mark in the raw one. */
function asks(squashed: string, raw: string): boolean {
  return /[?？]/u.test(raw) || QUESTION.test(squashed);
}

/**
 * Whether the message asks something (a question word or ending, or a question mark), whatever it asks: in the middle
 * of a task, a message the step cannot take that asks something is a digression, not a failed answer.
 */
export function asksSomething(text: string): boolean {
  return asks(squash(text).replace(/\s+/g, ' ').trim(), text);
}
