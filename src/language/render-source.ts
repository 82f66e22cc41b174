/** What the renderer reads from the knowledge base: FAQ fields in a language, and the markets' contacts. */
import type { RenderSource } from './render.js';
import type { Knowledge } from '../retrieval/knowledge.js';

export function knowledgeRenderSource(knowledge: Knowledge): RenderSource {
  return {
    faqField(id, field, lang) {
      const entry = knowledge.byId.get(id);
      if (!entry) return undefined;
      return knowledge.localized(entry, lang)[field];
    },
    contact: (market) => knowledge.contacts[market],
  };
}
