/**
 * The knowledge and its indexes, loaded once per process for one knowledge folder as it is on disk. The service
 * runs one app per process and gains nothing; a process that creates many apps over the same folder (the test
 * suites start a fresh service for nearly every test) no longer rebuilds five indexes each time — the Chinese one
 * alone takes about a second. The key is every file's path, size and modification time: a folder changed on disk
 * (a test's own knowledge copy edited) is loaded again. Indexes are read-only once built (their per-query scratch
 * is reset after every synchronous search), so apps can share them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../conversation/lang.js';
import type { FaqIndex } from './faq-index.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type Knowledge } from './knowledge.js';

export interface SharedKnowledge {
  knowledge: Knowledge;
  /** Indexes built so far by any app over this knowledge; an app adds those it builds. */
  indexes: Partial<Record<Lang, FaqIndex>>;
}

const loaded = new Map<string, SharedKnowledge>();
/** Knowledge folders kept at once (a test may make a few of its own). */
const KEEP = 4;

function fingerprint(dir: string): string {
  const parts: string[] = [dir];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        parts.push(`${p}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return parts.join('\n');
}

export function sharedKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): SharedKnowledge {
  const key = fingerprint(dir);
  let s = loaded.get(key);
  if (!s) {
    s = { knowledge: loadKnowledge(dir), indexes: {} };
    if (loaded.size >= KEEP) loaded.delete(loaded.keys().next().value!);
    loaded.set(key, s);
  }
  return s;
}
