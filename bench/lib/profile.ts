/**
 * Reads a .cpuprofile (node --cpu-prof) and says where the time went: self time by function and
 * by owner (a package under node_modules, a folder of ours, node itself), without a GUI.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idleMs: number;
  /** Shares of CPU: the Bot Framework SDK and its HTTP stack, restify, our code, the runtime (node, native, GC). */
  groups: Record<Group, number>;
  byOwner: Array<{ owner: string; ms: number; share: number }>;
  topFunctions: Array<{ fn: string; owner: string; ms: number; share: number }>;
}

export type Group = 'botframework' | 'restify' | 'ours' | 'runtime' | 'other';

const BOTFRAMEWORK = /^(botbuilder|botframework-|@azure\/|@typespec\/|adaptivecards|jsonwebtoken|axios)/;

export function groupOf(owner: string): Group {
  if (BOTFRAMEWORK.test(owner)) return 'botframework';
  if (owner === 'restify' || owner === 'find-my-way' || owner === 'restify-errors') return 'restify';
  if (owner.startsWith('src/') || owner === 'dialogs' || ['fuse.js', 'xstate', 'chrono-node', 'ioredis', 'prom-client', 'pino', 'zod'].includes(owner)) return 'ours';
  if (['node', 'native', '(garbage collector)', '(program)'].includes(owner)) return 'runtime';
  return 'other';
}

/** "botframework-connector", "@azure/core-rest-pipeline", "src/router", "dialogs", "node", "(gc)". */
export function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : 'native';
  const parts = url.split('/node_modules/').slice(1);
  if (parts.length) {
    // A package's own copy of a dependency (botbuilder/node_modules/zod) counts as that package's.
    const names = parts.map((p) => {
      const seg = p.split('/');
      return seg[0]!.startsWith('@') ? `${seg[0]}/${seg[1]}` : seg[0]!;
    });
    return names.length > 1 ? `${names[0]} › ${names[names.length - 1]}` : names[0]!;
  }
  if (url.startsWith('node:')) return 'node';
  const m = /\/(src\/[^/]+|dialogs|bench\/[^/]+)\//.exec(url);
  if (m) return m[1]!;
  return 'other';
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  if (p.samples && p.timeDeltas) {
    for (let i = 0; i < p.samples.length; i++) {
      const id = p.samples[i]!;
      self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000);
    }
  } else {
    const per = (p.endTime - p.startTime) / 1000 / Math.max(1, p.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0));
    for (const n of p.nodes) self.set(n.id, (n.hitCount ?? 0) * per);
  }
  const owners = new Map<string, number>();
  const fns = new Map<string, { owner: string; ms: number }>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      idle += functionName === '(idle)' ? ms : 0;
      if (functionName === '(idle)') continue;
    }
    total += ms;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const short = url ? url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|dialogs|bench)\//, '$1/') : '';
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    const f = fns.get(key) ?? { owner, ms: 0 };
    f.ms += ms;
    fns.set(key, f);
  }
  const share = (ms: number) => (total ? ms / total : 0);
  const groups: Record<Group, number> = { botframework: 0, restify: 0, ours: 0, runtime: 0, other: 0 };
  for (const [owner, ms] of owners) groups[groupOf(owner)] += share(ms);
  return {
    file,
    totalMs: total,
    idleMs: idle,
    groups,
    byOwner: [...owners].map(([owner, ms]) => ({ owner, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    topFunctions: [...fns]
      .map(([fn, v]) => ({ fn, owner: v.owner, ms: v.ms, share: share(v.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

export function formatProfile(s: ProfileSummary, owners = 12): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const g = Object.entries(s.groups).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
  const lines = [`${s.file}: ${(s.totalMs / 1000).toFixed(2)} s on CPU (idle ${(s.idleMs / 1000).toFixed(2)} s); ${g}`, '  self time by owner:'];
  for (const o of s.byOwner.slice(0, owners)) lines.push(`    ${pct(o.share)}  ${o.owner}`);
  lines.push('  top functions (self time):');
  for (const f of s.topFunctions) lines.push(`    ${pct(f.share)}  ${f.fn}`);
  return lines.join('\n');
}

// `tsx bench/lib/profile.ts <file.cpuprofile>...`
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  for (const f of process.argv.slice(2)) console.log(formatProfile(summariseProfile(f, 25)));
}
