import type { cancellationPenalty as En } from '../en/cancellation-penalty.js';

export const cancellationPenalty = {
  'cp.join2': '{first} {second}',
  'cp.join3': '{first} {second} {third}',
  'cp.label.months': '{months} meses',
  'cp.label.over': 'Fidelização acabou',
  'cp.label.noThanks': 'Não, obrigado',

  'cp.askCommitment': 'A sua subscrição de máquina tem uma fidelização de {short} ou de {long} meses?',
  'cp.reask.commitment': 'As subscrições de máquina têm uma fidelização de {short} ou {long} meses. Qual é a sua?',
  'cp.askElapsed': 'Há quantos meses começou a sua subscrição de {commitment} meses? (Por exemplo "5 meses", ou "desde março de 2024".)',
  'cp.reask.elapsed': 'Diga-me há quantos meses dura a subscrição, por ex. "5 meses", ou quando começou, por ex. "desde março de 2024".',
  'cp.askPriceWithout': 'Qual é o preço da sua máquina sem subscrição (o preço normal)?',
  'cp.askPriceWith': 'E que preço pagou pela máquina com a subscrição?',
  'cp.reask.amount': 'Indique um valor em euros, por ex. "279 €" ou "279 euros".',
  'cp.reask.priceWithoutMin': 'O preço sem subscrição deve ser superior a {min}.',
  'cp.askReceived':
    'Os meus documentos coreanos não descrevem uma subscrição de máquina; descrevem o programa Nespresso Plus (descontos no café depois de comprar uma máquina), cujas regras de devolução dependem de quando recebeu o produto. Quando o recebeu?',
  'cp.reask.date': 'Não consegui ler uma data. Indique a data em que o recebeu, por ex. "2024-03-05", "março de 2024" ou "há 2 anos".',
  'cp.reask.future': 'A data em que o recebeu não pode ser no futuro (hoje é {today}). Indique-a novamente.',
  'cp.askUnopened': 'O produto ainda está por abrir?',
  'cp.reask.unopened': 'Responda sim (ainda por abrir) ou não.',
  'cp.undocumented':
    'Os meus documentos para {market} não descrevem uma subscrição de máquina nem como cancelá-la, por isso não vou adivinhar. Contacte a Nespresso através do {contact}.',
  'cp.easyordering':
    'Se se refere ao Easyordering (encomendas automáticas de cápsulas), as condições de venda dizem que o pode cancelar a qualquer momento e gratuitamente.',
  'cp.offerPerson': 'Quer que o ponha em contacto com uma pessoa agora?',
  'cp.reask.person': 'Escolha "{person}" ou "{noThanks}".',
  'cp.done.contact': 'Muito bem. Pode contactar a Nespresso através do {contact}.',

  'cp.penalty.rule':
    'Antes do fim da fidelização, a taxa de cancelamento é {percent}% do preço da máquina sem subscrição, menos o preço com a subscrição, e nunca inferior a zero:',
  'cp.penalty.working': '({without} × {rate}) − {with} = {result}.',
  'cp.penalty.workingRounded': '({without} × {rate}) − {with} = {result} (cerca de {rounded}).',
  'cp.penalty.workingBelowZero': '({without} × {rate}) − {with} = −{deficit}, que é inferior a zero, portanto {zero}.',
  'cp.penalty.costNothing': 'Portanto, cancelar agora não lhe custaria nada.',
  'cp.penalty.cost': 'Portanto, cancelar agora custaria {amount}.',
  'cp.penalty.costAbout': 'Portanto, cancelar agora custaria cerca de {amount}.',
  'cp.penalty.remaining': 'Já passaram {elapsed} dos {commitment} meses: depois dos {left} meses restantes, cancelar é gratuito.',
  'cp.penalty.remainingFirst': 'Já passou 1 dos {commitment} meses: depois dos {left} meses restantes, cancelar é gratuito.',
  'cp.penalty.remainingOne': 'Já passaram {elapsed} dos {commitment} meses: depois do 1 mês restante, cancelar é gratuito.',
  'cp.atTheEnd':
    'Receberá um email {months} meses antes do fim do seu contrato a lembrar que termina; a subscrição renova-se tacitamente, e pode contactar a Nespresso a qualquer momento para retirar a renovação tácita.',
  'cp.cancelPath': 'My Account → My Subscriptions → Cancel My Subscription',
  'cp.howToCancel':
    'Cancela em nespresso.com: {path} (não é possível na aplicação Nespresso). Os pagamentos param assim que o cancelamento é registado, e a máquina continua a ser sua, seja quando for que cancele.',
  'cp.howToCancelApp':
    'Cancela em nespresso.com: {path}. Os pagamentos param assim que o cancelamento é registado, e a máquina continua a ser sua, seja quando for que cancele.',
  'cp.finished': 'A sua fidelização de {commitment} meses está cumprida, por isso pode cancelar a sua subscrição a qualquer momento, sem quaisquer custos.',
  'cp.finishedUnknown': 'Depois de cumprida a sua fidelização de {short} ou {long} meses, pode cancelar a sua subscrição a qualquer momento, sem quaisquer custos.',
  'cp.kr.rule':
    'O programa Nespresso Plus permite a troca ou o reembolso por simples mudança de opinião apenas para produtos por abrir, no prazo de {days} dias após a receção. Se recebeu um desconto em encomendas de café nesse período, tem de devolver o valor do desconto e pagar os respetivos portes de envio. O café não pode ser reembolsado nas boutiques; uma máquina pode ser devolvida lá se não tiver sido usada.',
  'cp.kr.canReturn': 'Recebeu-o há {days} dias e está por abrir, por isso ainda o pode devolver.',
  'cp.kr.canReturnOne': 'Recebeu-o há 1 dia e está por abrir, por isso ainda o pode devolver.',
  'cp.kr.tooLate': 'Recebeu-o há {days} dias, mais de {limit} dias, por isso a devolução por mudança de opinião já não se aplica.',
  'cp.kr.opened': 'Como o produto foi aberto, a devolução por mudança de opinião não se aplica; uma máquina que não tenha sido usada pode ainda assim ser devolvida numa boutique.',
  'cp.kr.contact': 'Para qualquer outra questão, contacte o Nespresso Club através do {contact}.',
} satisfies Record<keyof typeof En, string>;
