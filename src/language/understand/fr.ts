import { onlyOf } from './phrases.js';
import type { LanguageUnderstanding } from './types.js';

// Text reaches here lower-cased; accents are kept, so patterns accept both forms where customers drop them.
const GREET = String.raw`bonjour|bonsoir|salut|coucou|allo|allô|hello|ça va|ca va|comment ça va|comment allez-vous|vous allez bien`;
const THANKS = String.raw`merci bcp|merci beaucoup beaucoup|mci|merci(?: beaucoup| bien| infiniment| mille fois| pour (?:tout|votre aide|l'aide|ton aide))?|mille merci|je vous remercie`;
const BYE = String.raw`au revoir|bonne journée|bonne soirée|bonne fin de journée|à bientôt|a bientot|à plus|a plus|bye`;
/** Words around small talk that do not make it a question ("ok", "great", "好的", "네"). */
const FILL = String.raw`ok|d'accord|super|parfait|génial|top|nickel|très bien|tres bien|cool|ça a marché|ca a marche|c'est bon|😊|🙏|👍`;

export const fr: LanguageUnderstanding = {
  lang: 'fr',
  yes: /^(?:oui|ouais|ouaip|si|d'accord|ok|bien sûr|bien sur|exact|exactement|c'est ça|c'est ca|tout à fait|ça marche|ca marche|ça a marché|ca a marche|ça fonctionne|ca fonctionne|c'est bon|j'en ai une?|absolument)(?![\p{L}\p{N}])/u,
  no: /^(?:non|nan|pas vraiment|pas encore|jamais|aucun|aucune)(?![\p{L}\p{N}])|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:n'a pas|n'ont pas|ne \S+ pas|n'\S+ pas|ne \S+ plus|n'\S+ plus|ne \S+ rien|n'\S+ rien|toujours rien|toujours pas|pas marché|pas fonctionné|ça marche pas|ca marche pas|marche toujours pas|rien ne sort|pas reçu|pas trouvé|introuvable)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  dontKnow: /^(?:je (?:ne )?sais pas|j'sais pas|chais pas|aucune idée|je ne suis pas sûr|je suis pas sûr|pas sûr|je ne me souviens plus|je (?:ne )?me rappelle (?:plus|pas)|je l'ai perdue?|c'est quoi|qu'est-ce que c'est)/u,
  commands: [
    ['cancel', /^(?:annuler|annule|stop|arrête|arrêter|arrete|laisse tomber|laissez tomber|ne plus attendre|quitter la file)$/u],
    ['startOver', /^(?:recommencer|on recommence|reprendre (?:à|a) z[ée]ro|depuis le d[ée]but)$/u],
    ['help', /^(?:aide|menu|options|que sais-tu faire|qu'est-ce que tu sais faire)$/u],
    ['agent', /^(?:(?:je veux |je voudrais |puis-je )?(?:parler (?:à|a) )?(?:un |une )?(?:conseiller|conseillère|humain|personne|agent|opérateur|operateur)(?: svp| s'il vous plaît)?)$/u],
    ['changeCountry', /^(?:changer de pays|changer le pays|modifier le pays)$/u],
    ['changeLanguage', /^(?:changer de langue|changer la langue|langue)$/u],
    ['forgetMe', /^(?:(?:supprimez|supprimer|effacez|effacer) (?:toutes )?mes (?:données|donnees|informations)|oubliez-moi)$/u],
  ],
  agentAnywhere: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:parler|discuter|échanger|echanger) (?:avec |à |a )(?:un |une |quelqu'un|une vraie |un vrai )?(?:conseiller|conseillère|humain|personne|agent|opérateur|operateur|quelqu'un|vrai)|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:un vrai conseiller|une vraie personne|un humain|un conseiller humain|service client au téléphone)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))mettez-moi en relation(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  quitAnywhere: /(?<![\p{L}\p{N}])(?:laisse[zr]? tomber|oubliez ça|oublie ça|annulez tout|annule tout|annulez ça|annule ça|j'abandonne|tant pis|je vais (?:plutôt )?(?:les )?appeler)(?![\p{L}\p{N}])/u,
  stopWaiting: /(?<![\p{L}\p{N}])(?:je (?:ne )?veux plus attendre|j'attends plus|annule[rz]? l'attente|pas besoin d'(?:un|une) (?:conseill[eè]re?|personne|humain)|plus besoin d'(?:un|une) (?:conseill[eè]re?|personne)|je n'ai plus besoin|sortir de la file)(?![\p{L}\p{N}])/u,
  askWaiting: /(?<![\p{L}\p{N}])(?:vous êtes là|y a quelqu'un|il y a quelqu'un|combien de temps (?:encore|d'attente|je dois attendre)|ma position|encore longtemps|toujours en attente|je suis toujours dans la file)(?![\p{L}\p{N}])/u,
  smalltalk: [
    ['areYouBot', /(?<![\p{L}\p{N}])(?:t'es|tu es|vous êtes|êtes-vous|etes-vous|c'est|je parle à) (?:un |une )?(?:robot|bot|humain|vraie personne|vrai humain|ia|chatbot|personne réelle)(?![\p{L}\p{N}])/u],
    ['bye', onlyOf(BYE, `${GREET}|${THANKS}|${FILL}`)],
    ['thanks', onlyOf(THANKS, `${GREET}|${FILL}`)],
    ['greeting', onlyOf(GREET, FILL)],
  ],
  countries: [
    ['TW', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:ta[ïi]wan|ta[ïi]wanais)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['FR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:france|français|francais|paris)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['PT', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:portugal|portugais|lisbonne)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['KR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:corée|coree|coréen|coreen|séoul|seoul)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
  ],
  inCountry: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:je suis|j'habite|j ?habite|je vis|nous sommes|on est|client|cliente)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^.?!]{0,20}?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:en|au|à|a)\s+(ta[ïi]wan|france|portugal|cor[ée]e)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  asksForThis: /^(?:(?:en|parlez|parle|répondez|repondez|écrivez|ecrivez)(?: moi)?(?: en)? fran[çc]ais(?: (?:svp|s'il vous pla[iî]t|merci))?|fran[çc]ais|lang:fr)$/u,
};
