/**
 * Small talk said the way people type it: several greetings in a row ("olá boa tarde", "嗨 你好", "coucou ça va ?"),
 * thanks and goodbye together ("tchau, obrigada", "thanks, bye"), with an "ok" or "great" around them. A message made
 * only of such words is small talk; one word of anything else makes it a message to read.
 */
const SEP = String.raw`[\s,!.~?？！。、，…:;)(]*`;

/**
 * A whole message of the `allowed` phrases (alternations, as regex source) that holds at least one of `required`,
 * read on the squashed text.
 */
export function onlyOf(required: string, allowed: string): RegExp {
  // Read against NFKC text: Korean chat shorthands (ㅎㅇ, ㄱㅅ) are compatibility jamo that NFKC turns into others.
  [required, allowed] = [required.normalize('NFKC'), allowed.normalize('NFKC')];
  const any = `(?:${required}|${allowed})`;
  return new RegExp(`^${SEP}(?:${any}${SEP})*?(?:${required})(?:${SEP}${any})*${SEP}$`, 'u');
}
