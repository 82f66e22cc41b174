/**
 * `npm start`'s prestart: run `tsc -b tsconfig.build.json` only when a TypeScript source (src/, dialogs/) or a
 * tsconfig is newer than the last build. `tsc -b` itself finds nothing to do when dist/ is current, but it takes
 * about 0.7 s of CPU to find that out, a quarter of the start-up budget (3 s); these stats take a few
 * milliseconds. After a build the build-info file is touched, so an edit that changed nothing tsc cares about is
 * not looked at again. Plain JavaScript: it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const info = join(root, 'dist', '.tsbuildinfo');

const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return -1;
  }
};

function newest(dir) {
  let latest = mtime(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) latest = Math.max(latest, mtime(p));
  }
  return latest;
}

const built = mtime(info);
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'dialogs')), mtime(join(root, 'tsconfig.json')), mtime(join(root, 'tsconfig.build.json')));
if (built >= 0 && sources <= built) process.exit(0);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status === 0) {
  const now = new Date();
  utimesSync(info, now, now);
}
process.exit(r.status ?? 1);
