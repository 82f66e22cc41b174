import type { repair as En } from '../en/repair.js';

export const repair = {
  'repair.label.keepGoing': 'Continuar aqui',
  'repair.label.stop': 'Parar',
  'repair.label.continue': 'Continuar',
  'repair.label.sameMachine': 'Sim, a mesma',
  'repair.label.otherMachine': 'Outra máquina',

  'repair.pick': 'Vamos simplificar: toque numa destas opções.',
  'repair.simple.model': 'Só o nome do modelo, por favor, tal como está escrito na máquina: por exemplo "Pixie" ou "CitiZ".',
  'repair.simple.date': 'Basta o mês e o ano, por exemplo "março de 2024".',
  'repair.simple.phone': 'Só os algarismos do seu número de telefone, por favor.',
  'repair.simple.email': 'Só o seu endereço de e-mail, por favor, como nome@exemplo.pt.',
  'repair.simple.name': 'Só o seu nome próprio e apelido, por favor.',
  'repair.simple.address': 'Só a morada de recolha, por favor: {parts}.',
  'repair.simple.amount': 'Só o valor em euros, por favor, por exemplo "279".',
  'repair.simple.months': 'Só o número de meses, por favor, por exemplo "8".',
  'repair.simple.other': 'Responda em poucas palavras, por favor.',
  'repair.offerPerson': 'Desculpe, continuo sem conseguir ler essa resposta. Quer falar com alguém, continuar aqui ou parar este processo?',

  'repair.help.model': 'O nome do modelo está escrito na própria máquina, por exemplo "Pixie", "CitiZ" ou "Vertuo Next".',
  'repair.help.date': 'A data está no talão ou na fatura. Se não os tiver, uma data aproximada serve, por exemplo "em março passado" ou "há 2 anos".',
  'repair.help.proof': 'A prova de compra é o talão ou a fatura. Se não a tiver, responda "Não": o pedido continua sem ela.',
  'repair.help.phone': 'A equipa de assistência vai ligar-lhe para este número sobre a sua reparação.',
  'repair.help.booking': 'Este dado é necessário para o pedido; ainda o pode alterar no resumo, antes de qualquer marcação.',
  'repair.help.generic': 'Não faz mal.',
  'repair.wayForward': 'Se não souber responder, uma pessoa da nossa equipa pode ajudar, ou pode parar por aqui.',

  'repair.corrected': 'Obrigado, já alterei.',

  'repair.goOn': 'Continuamos com {task}?',
  'repair.backGoOn': 'Está de volta com o assistente virtual. Continuamos com {task}?',
  'repair.task.passwordReset': 'a reposição da sua palavra-passe',
  'repair.task.noWater': 'os passos para a máquina sem água',
  'repair.task.repairBooking': 'o seu pedido de reparação',
  'repair.task.cancellationPenalty': 'o cálculo da penalização de cancelamento',

  'repair.sameMachine': 'É a mesma {model} do seu último pedido?',
  'repair.kept': 'Vou fazer o pedido de reparação da sua {model}.',
  'repair.keptBought': 'Vou fazer o pedido de reparação da sua {model} comprada a {date}.',
  'repair.keptBoughtAbout': 'Vou fazer o pedido de reparação da sua {model} comprada por volta de {date}.',
  'repair.sameResultMachine': 'O pedido é para a {model} de que acabou de falar?',
} satisfies Record<keyof typeof En, string>;
