import type { LanguageUnderstanding } from './types.js';

export const pt: LanguageUnderstanding = {
  lang: 'pt',
  yes: /^(?:sim|claro|certo|exato|exatamente|correto|isso|pode ser|está bem|esta bem|ok|tá|ta bem|resultou|funcionou|já funciona|ja funciona|tenho|com certeza)(?![\p{L}\p{N}])/u,
  no: /^(?:não|nao|nã|nop|nunca|ainda não|ainda nao|nada)(?![\p{L}\p{N}])|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:não|nao) (?:resultou|funcionou|funciona|deu|chegou|recebi|encontro|encontrei|está|esta|aparece|apareceu|sai|saiu|ajudou|tenho)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:continua sem|continua a não|continua a nao|ainda nada|sem resultado)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  dontKnow: /^(?:não sei|nao sei|sei lá|sei la|não faço ideia|nao faco ideia|não tenho a certeza|nao tenho a certeza|não me lembro|nao me lembro|perdi-?a|perdi o|o que é isso|o que e isso)/u,
  commands: [
    ['cancel', /^(?:cancelar|cancela|parar|para|sair|esquece|deixa estar|deixar de esperar|sair da fila)$/u],
    ['startOver', /^(?:recomeçar|recomecar|começar de novo|comecar de novo|do início|do inicio)$/u],
    ['help', /^(?:ajuda|menu|opções|opcoes|o que sabes fazer|o que consegue fazer)$/u],
    ['agent', /^(?:(?:quero |queria |posso )?(?:falar com )?(?:um |uma )?(?:pessoa|humano|assistente|operador|agente|colaborador)(?: por favor)?)$/u],
    ['changeCountry', /^(?:mudar de país|mudar de pais|mudar o país|mudar o pais|alterar país|alterar pais)$/u],
    ['changeLanguage', /^(?:mudar de língua|mudar de lingua|mudar a língua|mudar idioma|língua|lingua|idioma)$/u],
    ['forgetMe', /^(?:(?:apaguem|apagar|eliminar|eliminem) (?:os )?(?:meus dados|os meus dados|dados pessoais)|esqueçam-me)$/u],
  ],
  agentAnywhere: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))falar (?:com )?(?:uma |um |alguma |algum )?(?:pessoa|humano|assistente|operador|agente|colaborador|alguém|alguem)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:pessoa real|ser humano|atendimento humano|um humano)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  quitAnywhere: /(?<![\p{L}\p{N}])(?:esquece|esqueça|deixa estar|deixe estar|deixa para lá|deixa pra lá|cancela isto|cancela tudo|desisto|afinal (?:não|nao) (?:quero|preciso)|vou (?:antes )?ligar)(?![\p{L}\p{N}])/u,
  smalltalk: [
    ['greeting', /^(?:olá|ola|bom dia|boa tarde|boa noite|oi)[!. ]*$/u],
    ['thanks', /^(?:obrigad[oa](?: pela ajuda)?|muito obrigad[oa]|obg)[!. ]*$/u],
    ['bye', /^(?:adeus|até logo|ate logo|tchau|xau)[!. ]*$/u],
  ],
  countries: [
    ['TW', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:taiwan|taiwanês|taiwanes|formosa)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['FR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:frança|franca|paris)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['PT', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:portugal|lisboa|porto)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
    ['KR', /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:coreia|seul)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u],
  ],
  inCountry: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:estou|moro|vivo|sou cliente|cliente)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))[^.?!]{0,20}?(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:em|na|no|de|da|do)\s+(taiwan|frança|franca|portugal|coreia)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u,
  asksForThis: /^(?:(?:em|fala|fale|responda|responde|escreva|escreve)(?: comigo)?(?: em)? português|português|portugues|lang:pt)$/u,
};
