/**
 * Korean particles chosen by the word before them. The catalogue writes both forms where a parameter comes first
 * ("{model}이(가)", "{contact}(으)로", "{what}을(를)"), as Korean software often does; a customer reads the one that
 * fits: 이/을/은/과/으로 after a final consonant (받침), 가/를/는/와/로 after a vowel, and 로 after ㄹ.
 *
 * The sound before the particle is read from the rendered text: a Hangul syllable's final consonant; a digit as
 * it is said (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구); a Latin word by how Korean borrows it (ending in m, n or ng, or
 * in p, t or k after a short vowel: a final consonant, as in 원, 팝; in l: ㄹ; anything else a vowel, as in 시티즈,
 * 픽시, 엑스퍼트). A parenthesis just before the particle ("0800 55 52 53 (무료 전화)(으)로") is skipped: the particle
 * follows the word before it.
 */

type Final = 'none' | 'consonant' | 'rieul';

const DIGIT: Record<string, Final> = { '0': 'consonant', '1': 'rieul', '2': 'none', '3': 'consonant', '4': 'none', '5': 'none', '6': 'consonant', '7': 'rieul', '8': 'rieul', '9': 'none' };

const PAIRS = /을\(를\)|이\(가\)|은\(는\)|\(으\)로|와\(과\)/gu;

/** The final sound of the text, skipping trailing spaces, quotes and a parenthesised group. */
export function finalSound(text: string): Final {
  let i = text.length - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (c === ')' || c === '）') {
      let depth = 0;
      for (; i >= 0; i--) {
        if (text[i] === ')' || text[i] === '）') depth += 1;
        else if (text[i] === '(' || text[i] === '（') depth -= 1;
        if (depth === 0) break;
      }
      i -= 1;
      continue;
    }
    if (/[\s"'”’」』»]/u.test(c)) {
      i -= 1;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const jong = (code - 0xac00) % 28;
      return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'consonant';
    }
    if (/\d/u.test(c)) return DIGIT[c]!;
    if (/[a-z]/iu.test(c)) {
      const word = /[a-z]+$/iu.exec(text.slice(0, i + 1))![0].toLowerCase();
      if (word === 'one') return 'consonant';
      if (/(?:m|n|ng)$/u.test(word)) return 'consonant';
      // A short vowel before p, t or k keeps it as a final consonant (Pop → 팝, chat → 챗, app → 앱); after another
      // consonant it is a syllable of its own (Expert → 엑스퍼트, Next → 넥스트).
      if (/(?:[aeiou][ptk]|pp|tt|ck)$/u.test(word)) return 'consonant';
      if (word.endsWith('l')) return 'rieul';
      return 'none';
    }
    return 'none';
  }
  return 'none';
}

/** The text with each doubled particle ("이(가)") written as the one the word before it takes. */
export function resolveKoreanParticles(text: string): string {
  if (!text.includes('(')) return text;
  return text.replace(PAIRS, (pair, offset: number) => {
    const sound = finalSound(text.slice(0, offset));
    const closed = sound !== 'none';
    switch (pair) {
      case '을(를)':
        return closed ? '을' : '를';
      case '이(가)':
        return closed ? '이' : '가';
      case '은(는)':
        return closed ? '은' : '는';
      case '와(과)':
        return closed ? '과' : '와';
      default:
        return sound === 'consonant' ? '으로' : '로';
    }
  });
}
