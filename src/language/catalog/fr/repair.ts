import type { repair as En } from '../en/repair.js';

export const repair = {
  'repair.label.keepGoing': 'Continuer ici',
  'repair.label.stop': 'Arrêter',
  'repair.label.continue': 'Continuer',
  'repair.label.sameMachine': 'Oui, la même',
  'repair.label.otherMachine': 'Une autre machine',

  'repair.pick': 'Faisons plus simple : touchez l’un de ces choix.',
  'repair.simple.model': 'Juste le nom du modèle, tel qu’il est écrit sur la machine : par exemple « Pixie » ou « CitiZ ».',
  'repair.simple.date': 'Le mois et l’année suffisent, par exemple « mars 2024 ».',
  'repair.simple.phone': 'Juste les chiffres de votre numéro de téléphone, s’il vous plaît.',
  'repair.simple.email': 'Juste votre adresse e-mail, s’il vous plaît, du type nom@exemple.fr.',
  'repair.simple.name': 'Juste votre prénom et votre nom, s’il vous plaît.',
  'repair.simple.address': 'Juste l’adresse d’enlèvement, s’il vous plaît : {parts}.',
  'repair.simple.amount': 'Juste le montant en euros, s’il vous plaît, par exemple « 279 ».',
  'repair.simple.months': 'Juste le nombre de mois, s’il vous plaît, par exemple « 8 ».',
  'repair.simple.other': 'Répondez en quelques mots, s’il vous plaît.',
  'repair.offerPerson': 'Désolé, je n’arrive toujours pas à lire cette réponse. Voulez-vous parler à quelqu’un, continuer ici ou arrêter cette démarche ?',

  'repair.help.model': 'Le nom du modèle est écrit sur la machine elle-même, par exemple « Pixie », « CitiZ » ou « Vertuo Next ».',
  'repair.help.date': 'La date figure sur votre ticket de caisse ou votre facture. Si vous ne l’avez pas, une date approximative suffit, par exemple « en mars dernier » ou « il y a 2 ans ».',
  'repair.help.proof': "La preuve d'achat, c'est le ticket de caisse ou la facture. Si vous ne l'avez pas, répondez « Non » : la demande continue sans elle.",
  'repair.help.phone': 'Le service après-vente vous appellera à ce numéro au sujet de votre réparation.',
  'repair.help.booking': 'Cette information est nécessaire à la réservation ; vous pourrez encore la modifier au récapitulatif, avant que quoi que ce soit ne soit réservé.',
  'repair.help.generic': 'Pas de souci.',
  'repair.wayForward': 'Si vous ne pouvez pas répondre, une personne de notre équipe peut vous aider, ou vous pouvez vous arrêter là.',

  'repair.corrected': 'Merci, c’est modifié.',

  'repair.goOn': 'Voulez-vous reprendre {task} ?',
  'repair.backGoOn': 'Vous êtes de retour avec l’assistant. Voulez-vous reprendre {task} ?',
  'repair.task.passwordReset': 'la réinitialisation de votre mot de passe',
  'repair.task.noWater': 'les étapes « pas d’eau »',
  'repair.task.repairBooking': 'votre demande de réparation',
  'repair.task.cancellationPenalty': 'le calcul de vos frais de résiliation',

  'repair.sameMachine': 'S’agit-il de la même {model} que lors de votre dernière demande ?',
  'repair.kept': 'Je lance la demande de réparation de votre {model}.',
  'repair.keptBought': 'Je lance la demande de réparation de votre {model} achetée le {date}.',
  'repair.keptBoughtAbout': 'Je lance la demande de réparation de votre {model} achetée vers le {date}.',
  'repair.sameResultMachine': 'La demande concerne-t-elle la {model} dont vous venez de parler ?',
} satisfies Record<keyof typeof En, string>;
