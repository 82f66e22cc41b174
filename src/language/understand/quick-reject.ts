/**
 * Every text turn runs the readers of all five languages (commands, a request for a person, small talk,
 * countries, yes / no) over the message, and most of their patterns spell `\b` as a Unicode word boundary
 * (`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|…)`): a lookbehind that V8 evaluates at every position of the
 * message before it can look for a word. That was most of what reading a message in five languages cost.
 *
 * `quickReject(re)` gives a pattern that behaves exactly as `re` (same matches, same groups) but first
 * tries `re` without its word boundaries, which V8 scans like plain words. Removing an assertion only
 * ever widens what a pattern matches, so a message the loose pattern rejects cannot match `re`: the
 * cheap pass decides which readers can concern the message, from the readers' own patterns, and there
 * is no second list of words to keep in step with them.
 */

/** The Unicode word boundary as the understanding modules (and dialogs/reading.ts) write `\b`. */
export const UNICODE_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

/**
 * `source` without its word boundaries, or undefined when that could narrow what it matches: a boundary
 * inside a lookaround (removing it from a negative one would reject more), or none to remove.
 */
export function withoutBoundaries(source: string): string | undefined {
  let out = '';
  let removed = 0;
  /** For each open group: is it a lookaround? */
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && source.startsWith(UNICODE_BOUNDARY, i)) {
      if (groups.some(Boolean)) return undefined;
      removed += 1;
      i += UNICODE_BOUNDARY.length - 1;
      continue;
    }
    if (c === '(') groups.push(/^\(\?<?[=!]/.test(source.slice(i, i + 4)));
    else if (c === ')') groups.pop();
    out += c;
  }
  return removed > 0 ? out : undefined;
}

/** `re`, or a pattern that matches exactly as `re` and rejects quickly what its boundary-free form rejects. */
export function quickReject(re: RegExp): RegExp {
  // lastIndex-driven patterns would need the loose pass to move lastIndex too: left as they are.
  if (re.global || re.sticky) return re;
  const loose = withoutBoundaries(re.source);
  if (loose === undefined) return re;
  const looseRe = new RegExp(loose, re.flags);
  class QuickReject extends RegExp {
    override exec(s: string): RegExpExecArray | null {
      return looseRe.test(s) ? super.exec(s) : null;
    }
  }
  return new QuickReject(re.source, re.flags);
}
