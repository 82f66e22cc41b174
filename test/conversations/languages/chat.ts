/**
 * A chat in one language through the real service: every reply of every turn must carry that language in
 * channelData.support.lang, and in Chinese and Korean no English word may leak into what the bot writes.
 */
import { expect } from 'vitest';
import { Customer, dialogOf, type TestService } from '../support.js';
import { support, type CapturedActivity } from '../../helpers/service.js';

export type Lang = 'en' | 'zh-TW' | 'ko' | 'fr' | 'pt';

/** Common English words: none of them may appear in a Chinese or Korean reply (model names and URLs may). */
const ENGLISH = /\b(?:the|your|you|please|and|or|is|are|to|of|with|for|yes|no|not|person|repair|warranty|machine)\b/i;

export class Chat {
  readonly customer: Customer;
  constructor(svc: TestService, locale: string, readonly lang: Lang, readonly market: string) {
    this.customer = new Customer(svc, { locale });
  }

  /** The bot's replies to `text`, each checked to be in the chat's language and for the chat's market. */
  async say(text: string): Promise<CapturedActivity[]> {
    const replies = await this.customer.say(text);
    expect(replies.length, `no reply to "${text}"`).toBeGreaterThan(0);
    for (const r of replies) {
      expect(support(r)?.lang, `language of the reply to "${text}": ${r.text}`).toBe(this.lang);
      expect(support(r)?.market, `market of the reply to "${text}"`).toBe(this.market);
      if (this.lang === 'zh-TW' || this.lang === 'ko') expect(r.text ?? '', `English in the reply to "${text}"`).not.toMatch(ENGLISH);
    }
    return replies;
  }

  /** The last reply to `text`, which must be the dialog at `step`. */
  async step(text: string, dialog: string, step: string): Promise<CapturedActivity> {
    const replies = await this.say(text);
    const last = replies.at(-1)!;
    expect(dialogOf(last), `step after "${text}": ${last.text}`).toEqual({ dialog, step });
    return last;
  }
}

export const REFERENCE = /R-[A-Z0-9]{6}/;

/** Amounts as Intl writes them in French and Portuguese: a no-break space before the euro sign. */
export const nbsp = (text: string) => text.replace(/ €/g, '\u00a0€');
