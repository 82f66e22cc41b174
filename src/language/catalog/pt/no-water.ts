import type { noWater as En } from '../en/no-water.js';

export const noWater = {
  'nw.label.another': 'Outro modelo',
  'nw.label.flows': 'Sim, a água sai',
  'nw.label.nothing': 'Não, ainda nada',
  'nw.label.noThanks': 'Não, obrigado',

  'nw.machine': 'máquina',
  'nw.askModel': 'Que máquina Nespresso tem? Os passos dependem do modelo.',
  'nw.reask.model': 'Não conheço esse modelo. Escolha-o da lista, escreva o nome tal como aparece na máquina, ou escolha "{another}".',
  'nw.slider': 'Abra e feche o deslizador algumas vezes. Quando a água começar a sair pelo bico, a bolha de ar foi libertada.',
  'nw.autoPrime':
    '1. Encha o depósito de água.\n2. Ejete qualquer cápsula da câmara.\n3. Feche a alavanca do café.\n4. Prima o botão da chávena grande: a função de escorvamento automático expulsa o ar do circuito.\nQuando a água começar a sair pelo bico, a bolha de ar foi libertada.',
  'nw.firstTry':
    'Quando não sai água pelo bico, a sua {model} pode ter uma bolha de ar, o que acontece sobretudo quando o depósito fica vazio ou após um período sem utilização. Para a libertar:\n{steps}',
  'nw.didWaterCome': 'Saiu água?',
  'nw.nextTry': 'Essa foi a tentativa {try} de {max}. Tente mais uma vez:\n{steps}',
  'nw.didWaterComeNow': 'Saiu água desta vez?',
  'nw.rest': 'Depois de {max} tentativas, deixe a máquina repousar durante {minutes} minutos e tente mais uma vez. Diga-me quando o tiver feito: saiu água depois do repouso?',
  'nw.reask.yesNo': 'Diga-me se saiu água: sim ou não.',
  'nw.help':
    'Lamento que a {model} continue sem dar água. Posso iniciar uma marcação de reparação para ela, ou pô-lo em contacto com uma pessoa. Também pode ligar para a Nespresso através do {contact}.',
  'nw.notDocumented':
    'Os meus documentos só descrevem esta solução para {autoPrime} (escorvamento automático) e {slider} (deslizador). A Nespresso pode ajudar através do {contact}. Também posso iniciar uma marcação de reparação ou pô-lo em contacto com uma pessoa.',
  'nw.notDocumentedModel':
    'Os meus documentos só descrevem esta solução para {autoPrime} (escorvamento automático) e {slider} (deslizador), não para a {model}. A Nespresso pode ajudar através do {contact}. Também posso iniciar uma marcação de reparação ou pô-lo em contacto com uma pessoa.',
  'nw.reask.help': 'Escolha "{repair}", "{person}" ou "{noThanks}".',
  'nw.fixed': 'Boas notícias: a bolha de ar foi libertada e a sua {model} voltou a funcionar. Bom café!',
} satisfies Record<keyof typeof En, string>;
