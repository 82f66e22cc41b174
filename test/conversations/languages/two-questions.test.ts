/**
 * Two questions in one message (issue 14): each is answered, one message per answer, in the customer's language and
 * for the customer's market; the feedback buttons go with the last answer. A second question that only leans on the
 * first ("…open on Sunday? And until what time?") is not answered alone: the message is decided whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices, startAtToday, support, type TestService } from '../support.js';
import { Chat } from './chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const cases = [
  { lang: 'en', locale: 'en-FR', market: 'FR', text: 'How long is the warranty on a Krups machine? And who can use the WhatsApp channel?', faqs: ['fr-warranty-period', 'fr-whatsapp-ambassador'], yes: '👍 Yes' },
  { lang: 'fr', locale: 'fr-FR', market: 'FR', text: "Combien de temps dure la garantie d'une machine Krups ? Et le WhatsApp, c'est pour qui ?", faqs: ['fr-warranty-period', 'fr-whatsapp-ambassador'], yes: '👍 Oui' },
  { lang: 'zh-TW', locale: 'zh-TW', market: 'TW', text: '維修大概要幾天？還有收到的Email如果找不到要怎麼辦？', faqs: ['tw-repair-duration', 'tw-password-email-missing'], yes: '👍 有幫助' },
  { lang: 'ko', locale: 'ko-KR', market: 'KR', text: '보증기간이 얼마나 돼요? 그리고 플러스 프로그램 주문은 배송비가 있나요?', faqs: ['kr-warranty-household', 'kr-plus-order-rules'], yes: '👍 네' },
  { lang: 'pt', locale: 'pt-PT', market: 'PT', text: 'Quanto tempo demora a entrega na Madeira? E como posso pagar a encomenda?', faqs: ['pt-delivery-time', 'pt-payment-methods'], yes: '👍 Sim' },
] as const;

describe('two questions in one message', () => {
  it.each(cases)('$lang: both answered, in order, the feedback buttons with the last', async ({ lang, locale, market, text, faqs, yes }) => {
    const c = new Chat(svc, locale, lang, market);
    const replies = await c.say(text);
    expect(replies.map((r) => support(r)?.faqId)).toEqual(faqs);
    expect(replies.map((r) => support(r)?.kind)).toEqual(['faq', 'faq']);
    expect(choices(replies[0])).toEqual([]);
    expect(choices(replies[1])).toContain(yes);
  });

  it('a third question refused alone is named as not found, with the contact; no feedback asked after it', async () => {
    const c = new Chat(svc, 'en-FR', 'en', 'FR');
    const replies = await c.say('How long is the warranty on a Krups machine? And who can use the WhatsApp channel? Also what is the weather in Lyon tomorrow?');
    expect(replies.map((r) => support(r)?.faqId)).toEqual(['fr-warranty-period', 'fr-whatsapp-ambassador', undefined]);
    expect(support(replies[2])?.kind).toBe('fallback');
    expect(replies[2]?.text).toContain('I can\'t find the answer to “Also what is the weather in Lyon tomorrow?” in our support documents.');
    expect(replies[2]?.text).toContain('0800 55 52 53');
    expect(choices(replies[1])).toEqual([]);
    expect(choices(replies[2])).not.toContain('👍 Yes');
  });

  it('a second question that leans on the first is not answered alone (the message is decided whole)', async () => {
    const c = new Chat(svc, 'pt-PT', 'pt', 'PT');
    const replies = await c.say('A boutique Nespresso do Chiado está aberta ao domingo? E até que horas?');
    expect(replies).toHaveLength(1);
    expect(support(replies[0])?.kind).not.toBe('faq');
  });
});
