/** What the renderer reads from the knowledge base: FAQ fields in a language, and the markets' contacts. */
import type { RenderSource } from '../language/render.js';
import type { Knowledge } from '../retrieval/knowledge.js';

export function knowledgeRenderSource(knowledge: Knowledge): RenderSource {
  return {
    faqField(id, field, lang) {
      const entry = knowledge.byId.get(id);
      if (!entry) return undefined;
      // `localized` arrives with the five-language knowledge base; until then, English fields.
      const k = knowledge as Knowledge & { localized?: (e: typeof entry, l: typeof lang) => Record<typeof field, string> };
      if (k.localized) return k.localized(entry, lang)[field];
      if (field === 'sourceTitle') return knowledge.sourceById.get(entry.source.document)?.title;
      if (field === 'section') return entry.source.section;
      return entry[field];
    },
    contact: (market) => knowledge.contacts[market],
  };
}
