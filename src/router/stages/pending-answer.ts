/**
 * The answer to a question the bot asked outside a task: the country (then the question that was
 * waiting for it), a number picked from a "did you mean", "did this answer your question?", whether to
 * go on with the active task, or whether a new repair booking is for the same machine.
 */
import { looksLikeQuestion } from '../../../dialogs/parse.js';
import { asksSomething } from '../../../dialogs/reading.js';
import type { Lang } from '../../conversation/lang.js';
import { hasWordsOfItsOwn, squash, yesNo, type YesNo } from '../../language/understand/index.js';
import { modelIn, modelNamedIn } from '../../../dialogs/models.js';
import { answerDecision, continueOrRepeat, feedback, requestHandoff, runCommand, startDialog } from '../actions.js';
import { isCountryOnly } from '../market.js';
import * as say from '../replies.js';
import { followUpTask } from '../replies.js';
import { CONTINUE, OTHER_MACHINE, SAME_MACHINE } from '../task-repair.js';
import type { Reply, Stage } from '../turn-view.js';
import { routeText } from './text-stages.js';
import { taskTrigger } from './task-request.js';

/**
 * Yes or no as the answer to the bot's question, never a question of the customer's own that carries a
 * negation ("qu'est-ce qui n'est pas couvert par la garantie ?", "o que não está coberto?"): that one is
 * answered as a question, not taken as a thumbs-down or a "stop".
 */
/** The words of a bare no, with thanks ("no", "non merci", "不用了", "아니요 괜찮아요"), taken out to see what else is said. */
const BARE_NO = /(?<![\p{L}])(?:no|nope|nah|non|não|nao|thanks?|thank you|merci|obrigad[oa]|stop|no thanks)(?![\p{L}])|아니요|아니오|아뇨|아니|괜찮아요|됐어요|不用了|不用|不要|沒有|否|不了|謝謝|[\s\p{P}]/gu;

/** Thanks and acknowledgements at the start of a message ("ok merci", "yes thanks,", "好 謝謝", "네 감사합니다"). */
const LEADING_ACK = /^(?:[\s,.!:;]*(?:ok(?:ay)?|yes|yeah|yep|great|perfect|thanks?(?: you)?(?: so much| a lot)?|thx|cheers|oui|d'accord|super|parfait|merci(?: beaucoup| bien)?|sim|certo|ótimo|perfeito|obrigad[oa]|muito obrigad[oa]|好|好的|對|謝謝|感謝|了解|네|넵|예|감사합니다|고마워요|좋아요|알겠어요)(?![\p{L}\p{N}]))+[\s,.!:;]*/iu;

/** A question word the question reader leaves to its context ("c'est quoi le num…"). */
const QUESTION_WORD = /(?<![\p{L}])(?:c'?est quoi|c est quoi|qu'est-ce|what'?s|what is|how|where|when|which|combien|comment|où|quand|quel(?:le)?s?|qual|quanto|como|onde|quando)(?![\p{L}])|什麼|多少|幾|怎麼|哪|얼마|어디|언제|뭐|어떻게/u;

/** "Continue" typed, as the button says it or near it ("계속하기", "계속", "繼續", "on continue", "continuar"). */
const GO_ON = /^(?:continue|go on|keep going|carry on|let'?s continue|계속(?:하기|해요|할게요|해 주세요|하죠)?|繼續|继续|好 繼續|continuer|on continue|continuez|continuar|continua|continuemos|vamos continuar)$/u;

function shortAnswer(text: string, lang: Lang): YesNo | undefined {
  // Both readers are pure: the yes / no first, as most messages here are new questions with none, and
  // the question form (the dearer read) only when there is one to set aside.
  const yn = yesNo(text, lang);
  return yn !== undefined && !looksLikeQuestion(text) ? yn : undefined;
}

export const pendingAnswer: Stage = async (t) => {
  const { s, state, text } = t;
  const pending = state.pending;
  if (pending?.type === 'askMarket') {
    state.pending = undefined;
    if (!t.said) return undefined;
    const out: Reply[] = isCountryOnly(text) || t.button?.type === 'market' ? [say.marketSet(t.said)] : [];
    return [...out, ...(await routeText(t, pending.text))];
  }
  if (pending?.type === 'clarify') {
    state.pending = undefined;
    const n = /^\s*(\d)\s*$/.exec(text);
    const pick = n ? pending.options[Number(n[1]) - 1] : undefined;
    const entry = pick ? s.knowledge.byId.get(pick.faqId) : undefined;
    return entry ? answerDecision(t, s.retriever.resolveEntry(entry, 1, t.market, []), text) : undefined;
  }
  if (pending?.type === 'offerPerson') {
    state.pending = undefined;
    // "ok and how do i cancel my easyordering?" asks a question: answered, no hand-off (shortAnswer sets it apart).
    return shortAnswer(text, t.lang) === 'yes' ? requestHandoff(t, pending.reason) : undefined;
  }
  if (pending?.type === 'goOn') {
    // "Shall we go on with your repair booking?": Continue (or yes) asks the task's question again, no stops
    // the task; anything else (an answer to the step, a question) goes on as usual.
    state.pending = undefined;
    if (!state.dialog) return undefined;
    const yn = pending.asked && !t.button ? shortAnswer(text, t.lang) : undefined;
    if (text.trim() === CONTINUE || yn === 'yes' || (!t.button && GO_ON.test(squash(text)))) return continueOrRepeat(t);
    // "沒有 還是沒水", "no, still nothing", "네 다시 해볼게요 안되네요" in the no-water steps: not "stop", the try failed
    // again; the step reads it as its answer. A bare no ("no", "아니요", "non merci") stops the task.
    if (yn === 'no' && state.dialog.machine === 'noWater' && hasWordsOfItsOwn(text, { cjk: 4, words: 3 })) return undefined;
    // "不用租" (no need to rent) after a question at the loan-machine step answers that step; only a bare no stops.
    if (yn === 'no' && /[\p{L}\p{N}]/u.test(squash(text).replace(BARE_NO, '')) && s.dialogs?.accepts(state.dialog, text)) return undefined;
    if (yn === 'no') return runCommand(t, 'cancel');
    return undefined;
  }
  if (pending?.type === 'sameMachine') {
    // "Is it the same Prodigio?": the same one, another one (named in the answer, or asked next), or not an answer.
    state.pending = undefined;
    const yn = t.button ? undefined : shortAnswer(text, t.lang);
    if (text.trim() === SAME_MACHINE || yn === 'yes') return startDialog(t, 'repairBooking', { model: pending.model });
    const named = modelNamedIn(text);
    if (text.trim() === OTHER_MACHINE || yn === 'no' || named) {
      t.user.model = undefined;
      // Another machine: what the last result was told (its model, when it was bought) is not this one's.
      if (!named || named !== modelIn(String(t.state.resultSlots?.model ?? ''))) t.state.resultSlots = undefined;
      return startDialog(t, 'repairBooking', named ? { model: named } : {});
    }
    return undefined;
  }
  if (pending?.type === 'feedback') {
    const yn = shortAnswer(t.text, t.lang);
    state.pending = undefined;
    // "我的是 essenza mini" after the no-water answer: the machine the answer's task needs, so that task, with it
    // (the answer had been given again, word for word).
    const model = !t.button && hasWordsOfItsOwn(text, { cjk: 13, words: 6 }) === false ? modelNamedIn(text) : undefined;
    const entry = model ? s.knowledge.entries.find((e) => e.id === pending.faqId) : undefined;
    const task = entry?.followUps?.map((f) => followUpTask(f.value)).find((x) => x === 'noWater' || x === 'repairBooking');
    if (model && task) return startDialog(t, task, { model });
    // "好，幫我預約", "ok, book it for me": the yes leads into a request, which is what the message is for.
    if (yn !== undefined && taskTrigger(t)) return undefined;
    // "ok merci c'est quoi le num du service client": thanks, then a new question, which is what the message is for.
    const asked = text.replace(LEADING_ACK, '');
    // Only a question: "yes, that answered it" and "no, that did not help" are the feedback itself.
    if (yn !== undefined && (asksSomething(asked) || QUESTION_WORD.test(asked)) && hasWordsOfItsOwn(asked, { cjk: 4, words: 3 })) return routeText(t, asked);
    return yn === 'yes' || yn === 'no' ? feedback(t, pending.faqId, yn) : undefined;
  }
  return undefined;
};
