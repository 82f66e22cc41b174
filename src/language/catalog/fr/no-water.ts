import type { noWater as En } from '../en/no-water.js';

export const noWater = {
  'nw.label.another': 'Un autre modèle',
  'nw.label.flows': 'Oui, l’eau coule',
  'nw.label.nothing': 'Non, toujours rien',
  'nw.label.noThanks': 'Non, merci',

  'nw.machine': 'machine',
  'nw.askModel': 'Quelle machine Nespresso avez-vous ? Les étapes dépendent du modèle.',
  'nw.reask.model': 'Je ne connais pas ce modèle. Choisissez-le dans la liste, tapez son nom tel qu’il est écrit sur la machine, ou choisissez « {another} ».',
  'nw.slider': 'Ouvrez et fermez le levier coulissant plusieurs fois. Quand l’eau commence à couler par la buse, la bulle d’air a été évacuée.',
  'nw.autoPrime':
    '1. Remplissez le réservoir d’eau.\n2. Éjectez toute capsule de la chambre.\n3. Fermez le levier.\n4. Appuyez sur le bouton grande tasse : la fonction d’amorçage automatique chasse l’air du circuit.\nQuand l’eau commence à couler par la buse, la bulle d’air a été évacuée.',
  'nw.firstTry':
    'Quand aucune eau ne sort de la buse, votre {model} a peut-être une bulle d’air, ce qui arrive le plus souvent quand le réservoir se vide ou après une période sans utilisation. Pour l’évacuer :\n{steps}',
  'nw.didWaterCome': 'L’eau est-elle sortie ?',
  'nw.nextTry': 'C’était l’essai {try} sur {max}. Essayez encore une fois :\n{steps}',
  'nw.didWaterComeNow': 'L’eau est-elle sortie cette fois-ci ?',
  'nw.rest': 'Après {max} essais, laissez la machine reposer {minutes} minutes, puis essayez encore une fois. Dites-moi quand c’est fait : l’eau est-elle sortie après le repos ?',
  'nw.reask.yesNo': 'Dites-moi si l’eau est sortie : oui ou non.',
  'nw.help':
    'Je suis désolé que la {model} ne donne toujours pas d’eau. Je peux lancer une demande de réparation pour elle, ou vous mettre en relation avec un conseiller. Vous pouvez aussi appeler Nespresso au {contact}.',
  'nw.notDocumented':
    'Mes documents ne décrivent cette solution que pour {autoPrime} (amorçage automatique) et {slider} (levier coulissant). Nespresso peut vous aider au {contact}. Je peux aussi lancer une demande de réparation ou vous mettre en relation avec un conseiller.',
  'nw.notDocumentedModel':
    'Mes documents ne décrivent cette solution que pour {autoPrime} (amorçage automatique) et {slider} (levier coulissant), pas pour la {model}. Nespresso peut vous aider au {contact}. Je peux aussi lancer une demande de réparation ou vous mettre en relation avec un conseiller.',
  'nw.reask.help': 'Choisissez « {repair} », « {person} » ou « {noThanks} ».',
  'nw.fixed': 'Bonne nouvelle : la bulle d’air a été évacuée et votre {model} fonctionne de nouveau. Bon café !',
} satisfies Record<keyof typeof En, string>;
