/**
 * Redaction of personal data in free text (logs, transcripts shown outside the conversation's own agent).
 * Order matters: cards before phones (both are digit runs), emails first of all.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const CARD = /\b(?:\d[ -]?){13,19}\b/g;
const PHONE = /(?:\+|\b)\d[\d ().-]{6,}\d\b/g;
const ADDRESS =
  /\b\d{1,5}[a-z]?,?\s+(?:[\p{L}'.-]+\s){0,4}(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|rue|rua|avenida|chemin|allée|allee|place|way|gil|ro|dong)\b\.?/giu;

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function redact(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(CARD, (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 13 && luhn(digits) ? '[card]' : m;
    })
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 8 ? '[phone]' : m))
    .replace(ADDRESS, '[address]');
}
