import type { passwordReset as En } from '../en/password-reset.js';

export const passwordReset = {
  'pr.label.forgot': 'Mot de passe oublié',
  'pr.label.expired': 'Le lien a expiré',
  'pr.label.notReceived': 'E-mail jamais reçu',
  'pr.label.forgotEmail': "J'ai oublié l'e-mail",
  'pr.label.otherChannel': 'Acheté ailleurs',
  'pr.label.worked': 'Oui, ça a marché',
  'pr.label.noEmail': 'E-mail non reçu',
  'pr.label.nespresso': 'E-mail à Nespresso',
  'pr.label.marketplace': 'MOMO, PCHOME, YAHOO…',
  'pr.label.neverGave': 'Aucun e-mail donné',
  'pr.label.noThanks': 'Non, merci',

  'pr.askSituation': 'Je peux vous aider à accéder de nouveau à votre compte Nespresso. Que s’est-il passé ?',
  'pr.linkForgot':
    'Pour le réinitialiser, allez sur www.nespresso.com et cliquez sur le lien « mot de passe oublié ? » pour demander un nouveau mot de passe par e-mail. Le lien de réinitialisation n’est valable que {hours} heures.',
  'pr.linkExpired':
    'Les liens de réinitialisation ne sont valables que {hours} heures : il vous en faut donc un nouveau. Allez sur www.nespresso.com et cliquez sur le lien « mot de passe oublié ? » pour demander un nouveau mot de passe par e-mail. Utilisez le nouveau lien dans les {hours} heures.',
  'pr.linkOtherChannel':
    'Si vous avez donné votre adresse e-mail en commandant chez Nespresso par un autre canal, vous avez dû recevoir un e-mail pour réinitialiser le mot de passe de votre compte en ligne ; son lien est valable {hours} heures. Si le lien ne fonctionne plus ou si vous n’avez pas vu l’e-mail, activez votre compte vous-même : allez sur www.nespresso.com et cliquez sur le lien « mot de passe oublié ? » pour demander un nouveau mot de passe par e-mail. S’il n’arrive pas, vérifiez votre corbeille et vos dossiers courrier indésirable et spam : l’e-mail y est parfois dévié.',
  'pr.didItWork': 'Cela a-t-il fonctionné ?',
  'pr.askFound':
    'Les e-mails de réinitialisation arrivent parfois dans le mauvais dossier : vérifiez votre corbeille et vos dossiers courrier indésirable et spam, car l’e-mail y est parfois dévié.',
  'pr.foundThere': 'L’avez-vous trouvé ?',
  'pr.askChannel': 'Où avez-vous acheté vos produits Nespresso, et avez-vous donné une adresse e-mail lors de la commande ?',
  'pr.askMisuse':
    'Les conditions générales de vente portugaises vous demandent de garder votre mot de passe strictement confidentiel : vous êtes responsable des commandes passées avec celui-ci, même à votre insu. Pensez-vous que quelqu’un d’autre connaît ou a utilisé votre mot de passe ?',
  'pr.contact.ptMisuse': 'Prévenez Nespresso immédiatement : appelez le {contact} ou utilisez le formulaire de contact sur nespresso.com.',
  'pr.contact.pt':
    'Les conditions portugaises ne décrivent pas comment réinitialiser un mot de passe. Pour obtenir de l’aide avec votre compte, contactez Nespresso au {contact}, ou utilisez le formulaire de contact sur nespresso.com.',
  'pr.contact.other':
    'Mes documents pour ce pays ({market}) ne décrivent pas comment réinitialiser un mot de passe, je préfère donc ne pas deviner. Contactez Nespresso au {contact}.',
  'pr.contact.forgotEmail': 'Pour retrouver l’adresse e-mail enregistrée sur votre compte, contactez Nespresso au {contact} ou par e-mail.',
  'pr.contact.otherChannel':
    'Si vous n’avez jamais enregistré d’adresse e-mail auprès de Nespresso, ou si votre commande venait de MOMO, PCHOME, YAHOO ou d’une autre place de marché, contactez Nespresso au {contact} ou par e-mail : ils peuvent créer votre compte en ligne.',
  'pr.contact.notReceived': 'Si l’e-mail ne se trouve dans aucun de ces dossiers, contactez Nespresso au {contact} ou par e-mail.',
  'pr.contact.stuck': 'Comme le lien ne fonctionne toujours pas pour vous, contactez Nespresso au {contact} ou par e-mail.',
  'pr.offerPerson': 'Voulez-vous que je vous mette en relation avec un conseiller maintenant ?',
  'pr.done.worked': 'Parfait, vous avez de nouveau accès à votre compte. Si vous en avez encore besoin, souvenez-vous que le lien de réinitialisation est valable {hours} heures.',
  'pr.done.found':
    'Très bien. Utilisez vite le lien de cet e-mail : il n’est valable que {hours} heures. S’il a expiré, demandez-en un nouveau avec « mot de passe oublié ? » sur www.nespresso.com.',
  'pr.done.contact': 'Entendu. Vous pouvez joindre Nespresso au {contact}.',
  'pr.reask.pick': 'Désolé, je n’ai pas compris. Choisissez l’une des options.',
  'pr.reask.worked': 'Dites-moi si cela a fonctionné, ou ce qui n’a pas marché.',
  'pr.reask.yesNo': 'Répondez par oui ou par non.',
  'pr.reask.person': 'Choisissez « {person} » ou « {noThanks} ».',
} satisfies Record<keyof typeof En, string>;
