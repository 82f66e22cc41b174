/**
 * Which knowledge base the benchmark runs on: the real one (knowledge/) when it loads, else the
 * test fixture, said loudly in the report (knowledge/ is still being written while this runs).
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type Knowledge } from '../../src/retrieval/knowledge.js';

export const FIXTURE_KNOWLEDGE_DIR = fileURLToPath(new URL('../../test/fixtures/knowledge', import.meta.url));

export interface KnowledgeChoice {
  knowledge: Knowledge;
  dir: string;
  /** Set when the real knowledge base did not load and the fixture stands in for it. */
  fallbackReason?: string;
}

export function chooseKnowledge(): KnowledgeChoice {
  try {
    return { knowledge: loadKnowledge(DEFAULT_KNOWLEDGE_DIR), dir: DEFAULT_KNOWLEDGE_DIR };
  } catch (err) {
    const reason = (err as Error).message.split('\n').slice(0, 4).join(' ').replace(/\s+/g, ' ').slice(0, 300);
    return { knowledge: loadKnowledge(FIXTURE_KNOWLEDGE_DIR), dir: FIXTURE_KNOWLEDGE_DIR, fallbackReason: reason };
  }
}
