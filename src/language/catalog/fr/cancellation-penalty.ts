import type { cancellationPenalty as En } from '../en/cancellation-penalty.js';

export const cancellationPenalty = {
  'cp.join2': '{first} {second}',
  'cp.join3': '{first} {second} {third}',
  'cp.label.months': '{months} mois',
  'cp.label.over': 'Engagement terminé',
  'cp.label.noThanks': 'Non, merci',

  'cp.askCommitment': 'Votre abonnement machine est-il un engagement de {short} ou de {long} mois ?',
  'cp.reask.commitment': 'Les abonnements machine vous engagent pour {short} ou {long} mois. Lequel est le vôtre ?',
  'cp.askElapsed': 'Il y a combien de mois que votre abonnement de {commitment} mois a commencé ? (Par exemple « 5 mois », ou « depuis mars 2024 ».)',
  'cp.reask.elapsed': 'Dites-moi depuis combien de mois l’abonnement court, par ex. « 5 mois », ou quand il a commencé, par ex. « depuis mars 2024 ».',
  'cp.askPriceWithout': 'Quel est le prix de votre machine sans abonnement (son prix normal) ?',
  'cp.askPriceWith': 'Et quel prix avez-vous payé la machine avec l’abonnement ?',
  'cp.reask.amount': 'Indiquez un montant en euros, par ex. « 279 € » ou « 279 euros ».',
  'cp.reask.priceWithoutMin': 'Le prix sans abonnement doit être supérieur à {min}.',
  'cp.askReceived':
    'Mes documents coréens ne décrivent pas d’abonnement machine ; ils décrivent le programme Nespresso Plus (des remises sur le café après l’achat d’une machine), dont les règles de retour dépendent de la date à laquelle vous avez reçu le produit. Quand l’avez-vous reçu ?',
  'cp.reask.date': 'Je n’ai pas pu lire de date. Indiquez la date à laquelle vous l’avez reçu, par ex. « 2024-03-05 », « mars 2024 » ou « il y a 2 ans ».',
  'cp.reask.future': 'La date de réception ne peut pas être dans le futur (nous sommes le {today}). Indiquez-la de nouveau.',
  'cp.askUnopened': 'Le produit est-il encore non ouvert ?',
  'cp.reask.unopened': 'Répondez oui (toujours non ouvert) ou non.',
  'cp.undocumented':
    'Mes documents pour ce pays ({market}) ne décrivent pas d’abonnement machine ni comment en résilier un, je préfère donc ne pas deviner. Contactez Nespresso au {contact}.',
  'cp.easyordering':
    'Si vous parlez d’Easyordering (les commandes automatiques de capsules), les conditions de vente indiquent que vous pouvez l’annuler à tout moment et gratuitement.',
  'cp.offerPerson': 'Voulez-vous que je vous mette en relation avec un conseiller maintenant ?',
  'cp.reask.person': 'Choisissez « {person} » ou « {noThanks} ».',
  'cp.done.contact': 'Entendu. Vous pouvez joindre Nespresso au {contact}.',

  'cp.penalty.rule':
    'Avant la fin de l’engagement, les frais de résiliation sont de {percent} % du prix de la machine sans abonnement, moins son prix avec l’abonnement, et jamais inférieurs à zéro :',
  'cp.penalty.working': '({without} × {rate}) − {with} = {result}.',
  'cp.penalty.workingRounded': '({without} × {rate}) − {with} = {result} (environ {rounded}).',
  'cp.penalty.workingBelowZero': '({without} × {rate}) − {with} = −{deficit}, ce qui est inférieur à zéro, donc {zero}.',
  'cp.penalty.costNothing': 'Résilier maintenant ne vous coûterait donc rien.',
  'cp.penalty.cost': 'Résilier maintenant vous coûterait donc {amount}.',
  'cp.penalty.costAbout': 'Résilier maintenant vous coûterait donc environ {amount}.',
  'cp.penalty.remaining': 'Vous en êtes à {elapsed} mois sur {commitment} : après les {left} mois restants, la résiliation est gratuite.',
  'cp.penalty.remainingFirst': 'Vous en êtes à 1 mois sur {commitment} : après les {left} mois restants, la résiliation est gratuite.',
  'cp.penalty.remainingOne': 'Vous en êtes à {elapsed} mois sur {commitment} : après le mois restant, la résiliation est gratuite.',
  'cp.atTheEnd':
    'Vous recevrez un e-mail {months} mois avant la fin de votre contrat pour vous rappeler son échéance ; l’abonnement se renouvelle par tacite reconduction, et vous pouvez contacter Nespresso à tout moment pour supprimer la tacite reconduction.',
  // The site's labels as the French FAQ answer gives them; the other languages keep the English labels their FAQ answers quote.
  'cp.cancelPath': '« Mon Compte » → « Mes Abonnements » → « Résilier mon abonnement »',
  'cp.howToCancel':
    'La résiliation se fait sur nespresso.com : {path} (ce n’est pas possible dans l’application Nespresso). Les paiements s’arrêtent dès que la résiliation est enregistrée, et la machine reste votre propriété quel que soit le moment où vous résiliez.',
  'cp.howToCancelApp':
    'La résiliation se fait sur nespresso.com : {path}. Les paiements s’arrêtent dès que la résiliation est enregistrée, et la machine reste votre propriété quel que soit le moment où vous résiliez.',
  'cp.finished': 'Votre engagement de {commitment} mois est terminé : vous pouvez donc résilier votre abonnement à tout moment, sans aucuns frais.',
  'cp.finishedUnknown': 'Une fois votre engagement de {short} ou {long} mois terminé, vous pouvez résilier votre abonnement à tout moment, sans aucuns frais.',
  'cp.kr.rule':
    'Le programme Nespresso Plus permet un échange ou un remboursement pour un simple changement d’avis uniquement pour les produits non ouverts, dans les {days} jours suivant leur réception. Si vous avez bénéficié d’une remise sur des commandes de café pendant cette période, vous devez rembourser le montant de la remise et payer les frais de livraison correspondants. Le café ne peut pas être remboursé en boutique ; une machine peut y être retournée si elle n’a pas été utilisée.',
  'cp.kr.canReturn': 'Vous l’avez reçu il y a {days} jours et il n’est pas ouvert : vous pouvez donc encore le retourner.',
  'cp.kr.canReturnOne': 'Vous l’avez reçu il y a 1 jour et il n’est pas ouvert : vous pouvez donc encore le retourner.',
  'cp.kr.tooLate': 'Vous l’avez reçu il y a {days} jours, soit plus de {limit} jours : le retour pour changement d’avis ne s’applique donc plus.',
  'cp.kr.opened': 'Comme le produit a été ouvert, le retour pour changement d’avis ne s’applique pas ; une machine qui n’a pas été utilisée peut toutefois être retournée en boutique.',
  'cp.kr.contact': 'Pour toute autre question, contactez le Club Nespresso au {contact}.',
} satisfies Record<keyof typeof En, string>;
