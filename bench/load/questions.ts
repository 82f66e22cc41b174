/**
 * The FAQ questions of the load: phrasings from knowledge/faq that the service answers with an
 * FAQ entry when asked first in a conversation, found by asking them through the real router
 * in-process. Phrasings that start a dialog, ask for a person (the bot then goes quiet while the
 * conversation waits for an agent) or get a "did you mean" are left out: FAQ turns are measured.
 */
import type { Activity } from 'botbuilder';
import { createApp } from '../../src/app.js';
import { activityToTurn } from '../../src/channels/activity.js';
import { testConfig } from '../../src/config.js';
import { chooseKnowledge } from '../lib/knowledge.js';
import { LOCALE, type Question } from './scenarios.js';

export async function answerableQuestions(candidates: Question[]): Promise<{ questions: Question[]; kinds: Record<string, number> }> {
  const app = await createApp(testConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_ADDRESS: '0' }), { knowledgeDir: chooseKnowledge().dir });
  const kinds: Record<string, number> = {};
  const keep: Question[] = [];
  try {
    let i = 0;
    for (const q of candidates) {
      i += 1;
      const replies = await app.router.handle(
        activityToTurn({
          type: 'message',
          id: `probe-${i}`,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: `probe-user-${i}`, role: 'user' },
          recipient: { id: 'bot', role: 'bot' },
          conversation: { id: `probe-${i}` },
          locale: LOCALE[q.market],
          text: q.text,
        } as Partial<Activity>),
      );
      const kind = replies.map((r) => r.support.kind).join('+') || 'none';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (kind === 'faq') keep.push(q);
    }
  } finally {
    await app.close();
  }
  return { questions: keep, kinds };
}
