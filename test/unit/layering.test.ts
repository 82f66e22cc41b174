/**
 * Dependencies flow one way (DESIGN.md §2): the router depends on dialogs, hand-off and the conversation
 * core, never the reverse. A file under these folders that imports from src/router fails this test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUTER = join(ROOT, 'src/router');
const BELOW_THE_ROUTER = ['src/handoff', 'src/conversation', 'src/policy', 'dialogs'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every relative module specifier of a file: static imports, re-exports, dynamic imports. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

/** The imports of `file` (with source `code`) that land in src/router, relative to the repository root. */
function routerImports(file: string, code: string): string[] {
  return specifiers(code)
    .map((s) => resolve(dirname(file), s))
    .filter((target) => target === ROUTER || target.startsWith(`${ROUTER}/`))
    .map((target) => relative(ROOT, target));
}

describe('layering', () => {
  it('sees a router import when there is one (the check can fail)', () => {
    const file = join(ROOT, 'src/handoff/example.ts');
    expect(routerImports(file, "import type { X } from '../router/turn.js';\nexport { y } from '../router/replies.js';\nawait import('../router/router.js');")).toEqual([
      'src/router/turn.js',
      'src/router/replies.js',
      'src/router/router.js',
    ]);
    expect(routerImports(file, "import { MENU } from '../language/menu.js';")).toEqual([]);
  });

  it.each(BELOW_THE_ROUTER)('nothing under %s imports from src/router', (folder) => {
    const files = sourceFiles(join(ROOT, folder));
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) => routerImports(file, readFileSync(file, 'utf8')).map((target) => `${relative(ROOT, file)} → ${target}`));
    expect(offending).toEqual([]);
  });
});
