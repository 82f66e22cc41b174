/**
 * French and Portuguese customers often type without accents ("resilier", "nao sai agua", "subscricao",
 * "reparacao"). A cue pattern written with its accents also matches the same words without them: each accented
 * letter becomes a class of itself and its base letter. Hangul and Han are left as they are.
 */
export function withoutAccents(re: RegExp): RegExp {
  let out = '';
  let inClass = false;
  let escaped = false;
  for (const ch of re.source) {
    if (escaped) {
      out += ch;
      escaped = false;
      continue;
    }
    if (ch === '\\') escaped = true;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (base !== ch && /^[a-z]$/i.test(base)) out += inClass ? ch + base : `[${ch}${base}]`;
    else out += ch;
  }
  return new RegExp(out, re.flags);
}
