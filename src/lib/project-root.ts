/**
 * The project's root folder (the one holding package.json), for files the service reads at run
 * time: knowledge/ and web/. Found by walking up from this module, so the same code works from
 * the TypeScript sources (src/lib/, run by tsx and vitest) and from the compiled JavaScript
 * (dist/src/lib/, run by `npm start`), whose folders sit one level deeper.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path under the project's root: `projectPath('knowledge', 'policy')`. */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
