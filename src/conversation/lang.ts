/**
 * The languages the bot speaks (DESIGN.md §10). Language and market are separate: the market decides
 * the policy, the language decides the words. `Lang` is resolved once per turn and carried through
 * the turn, the dialogs, retrieval and the renderer.
 */
export const LANGS = ['en', 'zh-TW', 'ko', 'fr', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

/** The language each market's customers are answered in when nothing else tells. */
export const MARKET_LANG = { TW: 'zh-TW', FR: 'fr', PT: 'pt', KR: 'ko' } as const satisfies Record<'TW' | 'FR' | 'PT' | 'KR', Lang>;

/** BCP 47 tag for Intl and for Web Chat's own strings. */
export const LANG_LOCALE: Record<Lang, string> = { en: 'en-US', 'zh-TW': 'zh-TW', ko: 'ko-KR', fr: 'fr-FR', pt: 'pt-PT' };

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The language of an activity locale ("ko-KR" → ko, "zh-Hant-TW" → zh-TW, "pt-BR" → pt, "de-DE" → undefined). */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const base = locale.replace('_', '-').split('-')[0]!.toLowerCase();
  switch (base) {
    case 'en':
      return 'en';
    case 'zh':
      return 'zh-TW';
    case 'ko':
      return 'ko';
    case 'fr':
      return 'fr';
    case 'pt':
      return 'pt';
    default:
      return undefined;
  }
}
