/**
 * French and Portuguese words: lower case, accents folded (customers type "resiliation" as often
 * as "résiliation"), elisions split (l'e-mail, d'eau, qu'il), stop words out, the Snowball
 * stemmer of @orama/stemmers on the folded word. The lexicon maps folded words before stemming
 * (createNormaliser), exactly as the English one does.
 */
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as portugueseStemmer } from '@orama/stemmers/portuguese';
import type { Lexicon } from './knowledge-schema.js';
import { cleanText, createNormaliser, foldAccents, type Normaliser, type WordRules } from './normalise.js';

/** l', d', j', qu', n', s', c', m', t', jusqu', lorsqu', puisqu' (French) and d' (Portuguese, d'água). */
const ELISION = /\b(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)['’`´](?=\p{L})/gu;

function romanceTokens(text: string): string[] {
  return foldAccents(cleanText(text).toLowerCase())
    .replace(ELISION, ' ')
    .replace(/\be-?mails?\b/g, 'email')
    .replace(/[€$₩]/g, ' ')
    .replace(/(\d)[.,\u00a0\u202f ](?=\d{3}\b)/g, '$1')
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Function words only: never a negation (pas, não), a quantity or a word that tells needs apart. */
const FRENCH_STOPWORDS = [
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'au', 'aux', 'et', 'ou', 'a', 'à', 'en', 'dans', 'sur', 'pour', 'par', 'avec',
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'moi', 'toi', 'mon', 'ma', 'mes', 'ton', 'ta',
  'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'ca', 'ça', 'cela',
  'que', 'qui', 'quoi', 'est', 'suis', 'es', 'sont', 'ai', 'as', 'avez', 'ont', 'y', 'bonjour', 'svp', 'stp', 'merci', 'donc',
  'alors', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'faire', 'fait', 'peux', 'peut', 'puis', 'dois', 'doit',
];
const PORTUGUESE_STOPWORDS = [
  'o', 'a', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'de', 'do', 'da', 'dos', 'das', 'no', 'na', 'nos', 'nas', 'em', 'ao', 'aos',
  'à', 'às', 'e', 'ou', 'por', 'pelo', 'pela', 'para', 'pra', 'com', 'eu', 'tu', 'ele', 'ela', 'nós', 'vós', 'eles', 'elas', 'me',
  'te', 'se', 'lhe', 'meu', 'minha', 'meus', 'minhas', 'seu', 'sua', 'seus', 'suas', 'este', 'esta', 'isto', 'esse', 'essa',
  'isso', 'aquele', 'aquela', 'que', 'qual', 'quais', 'é', 'sou', 'são', 'foi', 'tem', 'tenho', 'há', 'ola', 'olá',
  'obrigado', 'obrigada', 'como', 'fazer', 'faço', 'posso', 'pode', 'devo', 'vocês', 'você',
];

const french: WordRules = { rawTokens: romanceTokens, stem: (w) => (/\d/.test(w) ? w : frenchStemmer(w)), stopwords: FRENCH_STOPWORDS };
const portuguese: WordRules = { rawTokens: romanceTokens, stem: (w) => (/\d/.test(w) ? w : portugueseStemmer(w)), stopwords: PORTUGUESE_STOPWORDS };

export function frenchNormaliser(lexicon: Lexicon): Normaliser {
  return createNormaliser(lexicon, french);
}

export function portugueseNormaliser(lexicon: Lexicon): Normaliser {
  return createNormaliser(lexicon, portuguese);
}

export { romanceTokens };
