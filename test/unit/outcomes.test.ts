/** A conversation left after an answer, or after a task's result given at once, counts as resolved; after a form, as abandoned. */
import { describe, expect, it } from 'vitest';
import { newConversation } from '../../src/conversation/conversation.js';
import { outcomeOf, SILENCE_MS } from '../../src/router/outcomes.js';

describe('outcomeOf', () => {
  const later = SILENCE_MS + 1;

  it.each([
    ['faq', 'resolved'],
    ['result', 'resolved'],
    ['dialog', 'abandoned'],
    ['fallback', 'abandoned'],
  ])('last reply %s, then silence → %s', (kind, outcome) => {
    const state = { ...newConversation('c', 'emulator', 'u', 0), lastReplyKind: kind };
    expect(outcomeOf(state, later)).toBe(outcome);
  });
});
