/**
 * Redaction of personal data in free text (logs, transcripts shown outside the conversation's own agent).
 * Order matters: cards before phones (both are digit runs), emails first of all.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const CARD = /\b(?:\d[ -]?){13,19}\b/g;
const PHONE = /(?:\+|\b)\d[\d ().-]{6,}\d\b/g;
/** "12 Rue de Rivoli", "8 Rua Alexandre Herculano": the street type first, then its name up to a comma. */
const ADDRESS_TYPE_FIRST =
  /\b\d{1,5}[a-z]?,?\s+(?:rue|rua|avenida|av\.|avenue|boulevard|bd|chemin|allée|allee|place|travessa|largo|impasse|quai)\s+[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,4}/giu;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
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
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 8 && !DATE.test(m.trim()) ? '[phone]' : m))
    .replace(ADDRESS_TYPE_FIRST, '[address]')
    .replace(ADDRESS, '[address]');
}
