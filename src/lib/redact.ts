import { createHash } from 'node:crypto';
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
/** Street type first, with or without a number before it: "Rua Augusta 10", "Avenida da Liberdade, 245". */
const STREET_NAMED =
  /\b(?:rua|avenida|av\.|travessa|largo|praça|praca|estrada|calçada|rue|avenue|boulevard|chemin|allée|allee|impasse|quai)\s+(?:[\p{L}'’.-]+\s*){1,5}(?:,?\s*(?:n\.?\s*º?\s*)?\d{1,5}[a-z]?\b)?/giu;
/** Taiwanese addresses written in English: "No. 7, Section 5, Xinyi Road", "No. 12, Lane 3, Alley 4, Zhongshan Rd". */
const ADDRESS_TW_EN = /\bNo\.?\s*\d{1,5}(?:-\d{1,3})?(?:\s*,?\s*(?:Lane|Ln\.?|Alley|Aly\.?|Section|Sec\.?|Floor|F|[\p{L}.'’-]+\s+(?:Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?))\s*\d{0,5})*/giu;
/** Chinese-script street addresses: …路/街/大道 [N段] [N巷] [N弄] N號. */
const ADDRESS_HAN = /[\p{Script=Han}]{0,12}(?:路|街|大道)(?:[一二三四五六七八九十\d]+段)?(?:\d+巷)?(?:\d+弄)?\d+(?:之\d+)?號(?:\d+樓)?/gu;
/** Korean road-name addresses: "테헤란로 123", "세종대로 110-2", "반포대로23길 45". */
const ADDRESS_KO = /[\p{Script=Hangul}\d]{1,12}(?:로|길)\s*\d{1,5}(?:-\d{1,5})?/gu;
/** Postcodes written with their pattern: Portugal 1100-053, Korea/France five digits next to a city are left to ADDRESS. */
const POSTCODE_PT = /\b\d{4}-\d{3}\b/g;
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
    .replace(ADDRESS_TW_EN, '[address]')
    .replace(ADDRESS_HAN, '[address]')
    .replace(ADDRESS_KO, '[address]')
    .replace(ADDRESS_TYPE_FIRST, '[address]')
    .replace(ADDRESS, '[address]')
    .replace(STREET_NAMED, '[address]')
    .replace(POSTCODE_PT, '[postcode]');
}

const HASHED = /^(?:[\w-]{1,32}:)?#[\w-]{12}$/;

/**
 * An identifier as logs carry it: a short SHA-256 digest, the same on every instance, so a
 * conversation's log lines can be followed without the id itself (a WhatsApp id is a phone number).
 * `channel:id` keys keep their channel readable. A pseudonym, not anonymity: keep logs private.
 */
export function hashId(id: string | undefined): string | undefined {
  if (id === undefined || id === '' || HASHED.test(id)) return id;
  const colon = id.indexOf(':');
  const channel = colon > 0 && colon <= 32 ? id.slice(0, colon) : undefined;
  const digest = createHash('sha256').update(`support-bot:id:${id}`).digest('base64url').slice(0, 12);
  return channel ? `${channel}:#${digest}` : `#${digest}`;
}

/** A platform's event or message type, for a log line: a short lowercase word, else 'unexpected' (never the caller's text). */
export function eventTypeLabel(raw: unknown): string {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[a-z_]{1,24}$/.test(type) ? type : 'unexpected';
}
