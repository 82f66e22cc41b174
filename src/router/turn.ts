/**
 * One turn's decision (DESIGN.md §1 step 3): the market and the conversation's language are resolved
 * once, then the stages (src/router/stages) run in order until one replies. Returns the replies as
 * data and the effects the router performs after it has saved the state.
 */
import { decodeButton } from '../conversation/buttons.js';
import { MARKET_LANG, langFromLocale, type Lang } from '../conversation/lang.js';
import { detectLang } from '../language/detect.js';
import { msg } from '../language/message.js';
import { askedLanguage } from '../language/understand/index.js';
import type { Market, TurnInput } from '../lib/types.js';
import type { ConversationState, UserState } from '../conversation/conversation.js';
import { marketFromText, resolveMarket } from './market.js';
import { runStages, STAGES } from './stages/index.js';
import type { Effect, Reply, Turn, TurnServices } from './turn-view.js';

export type { TurnServices, Effect };

/**
 * The conversation's language (DESIGN.md §10): the customer's explicit choice > the language of what
 * they write (a message long enough to tell) > the activity's locale > the market's language > English.
 * Sticky: kept with the conversation and the user; short replies never switch it.
 */
export function resolveLang(
  text: string,
  state: Pick<ConversationState, 'lang' | 'langSource'>,
  user: Pick<UserState, 'lang'>,
  locale: string | undefined,
  market: Market | undefined,
  answersStep: boolean,
): { lang: Lang; source: NonNullable<ConversationState['langSource']>; chosen?: boolean } {
  const asked = text ? askedLanguage(text) : undefined;
  if (asked) return { lang: asked, source: 'chosen', chosen: true };
  if (state.langSource === 'chosen' && state.lang) return { lang: state.lang, source: 'chosen' };
  // An answer to the pending step (an address, a name, "ok") never switches the language.
  const written = text && !answersStep ? detectLang(text) : undefined;
  if (written) return { lang: written, source: 'text' };
  if (state.lang && state.langSource === 'text') return { lang: state.lang, source: 'text' };
  if (user.lang) return { lang: user.lang, source: 'chosen' };
  const fromLocale = langFromLocale(locale);
  if (fromLocale) return { lang: fromLocale, source: 'locale' };
  if (market) return { lang: MARKET_LANG[market], source: 'market' };
  return { lang: 'en', source: 'market' };
}

function waitingNote(t: Turn): Reply {
  return { text: msg('handoff.noAnswerQueued'), support: { kind: 'handoff', market: t.market } };
}

export async function decideTurn(
  s: TurnServices,
  input: TurnInput,
  text: string,
  state: ConversationState,
  user: UserState,
): Promise<{ replies: Reply[]; effects: Effect[] }> {
  const marketBefore = state.market;
  const button = text ? decodeButton(text) : undefined;
  const said = button?.type === 'market' ? button.market : text && !button ? marketFromText(text) : undefined;
  if (said) {
    state.market = said;
    state.marketSource = 'said';
    user.market = said;
  }
  const resolved = resolveMarket({
    said: state.marketSource === 'said' ? state.market : undefined,
    user: user.market,
    locale: input.locale ?? state.locale,
    channel: input.channelMarket,
    fallback: s.config.DEFAULT_MARKET,
  });
  if (resolved.market && state.marketSource !== 'said') {
    state.market = resolved.market;
    state.marketSource = resolved.source;
  }
  // A task keeps the market it started with when a later activity tells none (a locale without a region).
  const market = resolved.market ?? (state.dialog ? state.market : undefined);

  const answersStep = !!state.dialog && !!text && !!s.dialogs?.accepts(state.dialog, text);
  const lang =
    button?.type === 'lang'
      ? { lang: button.lang, source: 'chosen' as const, chosen: true }
      : resolveLang(button ? '' : text, state, user, input.locale ?? state.locale, market, answersStep);
  state.lang = lang.lang;
  state.langSource = lang.source;
  if (lang.source === 'chosen') user.lang = lang.lang;

  const t: Turn = {
    s,
    input,
    text,
    state,
    user,
    market,
    lang: lang.lang,
    button,
    said,
    marketBefore,
    answersStep,
    langChosen: lang.chosen === true && (button?.type === 'lang' || !!askedLanguage(text)),
    effects: [],
  };
  const replies = await runStages(STAGES, t);
  if (!t.waiting) return { replies, effects: t.effects };
  // Waiting for a person: what the bot cannot answer is left for them, never a second offer of a person.
  const answered = replies.map((r) => (r.support.kind === 'fallback' ? waitingNote(t) : r));
  return { replies: [...t.waiting.before, ...answered], effects: t.effects };
}
