import type { passwordReset as En } from '../en/password-reset.js';

export const passwordReset = {
  'pr.label.forgot': 'Esqueci-me da senha',
  'pr.label.expired': 'O link expirou',
  'pr.label.notReceived': 'O email não chegou',
  'pr.label.forgotEmail': 'Esqueci-me do email',
  'pr.label.otherChannel': 'Comprei noutra loja',
  'pr.label.worked': 'Sim, resultou',
  'pr.label.noEmail': 'Email não chegou',
  'pr.label.nespresso': 'Email à Nespresso',
  'pr.label.marketplace': 'MOMO, PCHOME, YAHOO…',
  'pr.label.neverGave': 'Nunca dei o email',
  'pr.label.noThanks': 'Não, obrigado',

  'pr.askSituation': 'Posso ajudá-lo a voltar a entrar na sua conta Nespresso. O que aconteceu?',
  'pr.linkForgot':
    'Para a repor, aceda a www.nespresso.com e clique na ligação "esqueceu-se da palavra-passe?" para pedir uma nova palavra-passe por email. A ligação de reposição só é válida durante {hours} horas.',
  'pr.linkExpired':
    'As ligações de reposição só são válidas durante {hours} horas, por isso precisa de uma nova: aceda a www.nespresso.com e clique na ligação "esqueceu-se da palavra-passe?" para pedir uma nova palavra-passe por email. Utilize a nova ligação no prazo de {hours} horas.',
  'pr.linkOtherChannel':
    'Se indicou o seu endereço de email ao encomendar à Nespresso através de outro canal, deverá ter recebido um email para repor a palavra-passe da sua conta online; a ligação é válida durante {hours} horas. Se a ligação já não funcionar ou se não viu o email, ative a sua conta: aceda a www.nespresso.com e clique na ligação "esqueceu-se da palavra-passe?" para pedir uma nova palavra-passe por email. Se não chegar, verifique o lixo e as pastas de correio indesejado e spam: por vezes o email é desviado para lá.',
  'pr.didItWork': 'Resultou?',
  'pr.askFound':
    'Por vezes os emails de reposição vão parar à pasta errada: verifique o lixo e as pastas de correio indesejado e spam, pois por vezes o email é desviado para lá.',
  'pr.foundThere': 'Encontrou-o lá?',
  'pr.askChannel': 'Onde comprou os seus produtos Nespresso, e indicou um endereço de email ao encomendar?',
  'pr.askMisuse':
    'As condições de venda portuguesas pedem-lhe que mantenha a sua palavra-passe estritamente confidencial: é responsável pelas encomendas feitas com ela, mesmo sem o seu conhecimento. Acha que outra pessoa conhece ou usou a sua palavra-passe?',
  'pr.contact.ptMisuse': 'Avise a Nespresso imediatamente: ligue para o {contact} ou utilize o formulário de contacto em nespresso.com.',
  'pr.contact.pt':
    'As condições portuguesas não descrevem como repor uma palavra-passe. Para obter ajuda com a sua conta, contacte a Nespresso através do {contact}, ou utilize o formulário de contacto em nespresso.com.',
  'pr.contact.other':
    'Os meus documentos para {market} não descrevem como repor uma palavra-passe, por isso não vou adivinhar. Contacte a Nespresso através do {contact}.',
  'pr.contact.forgotEmail': 'Para saber o endereço de email registado na sua conta, contacte a Nespresso através do {contact} ou por email.',
  'pr.contact.otherChannel':
    'Se nunca registou um endereço de email na Nespresso, ou se a sua encomenda foi feita na MOMO, PCHOME, YAHOO ou noutro marketplace, contacte a Nespresso através do {contact} ou por email: podem criar a sua conta online.',
  'pr.contact.notReceived': 'Se o email não estiver em nenhuma dessas pastas, contacte a Nespresso através do {contact} ou por email.',
  'pr.contact.stuck': 'Como a ligação continua a não funcionar, contacte a Nespresso através do {contact} ou por email.',
  'pr.offerPerson': 'Quer que o ponha em contacto com uma pessoa agora?',
  'pr.done.worked': 'Ótimo, já voltou a entrar. Se precisar outra vez, lembre-se de que a ligação de reposição é válida durante {hours} horas.',
  'pr.done.found':
    'Muito bem. Utilize a ligação desse email em breve: só é válida durante {hours} horas. Se tiver expirado, peça uma nova com "esqueceu-se da palavra-passe?" em www.nespresso.com.',
  'pr.done.contact': 'Muito bem. Pode contactar a Nespresso através do {contact}.',
  'pr.reask.pick': 'Desculpe, não percebi. Escolha uma das opções.',
  'pr.reask.worked': 'Diga-me se resultou, ou o que correu mal.',
  'pr.reask.yesNo': 'Responda sim ou não.',
  'pr.reask.person': 'Escolha "{person}" ou "{noThanks}".',
} satisfies Record<keyof typeof En, string>;
