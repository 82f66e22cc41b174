import { onlyOf } from './phrases.js';
import type { LanguageUnderstanding } from './types.js';

const GREET = String.raw`olá|ola|oi|bom dia|boa tarde|boa noite|tudo bem|como está|como estão|hello`;
const THANKS = String.raw`obrigadinh[oa]|obrigadão|obrigad[oa](?: pela ajuda| por tudo)?|muito obrigad[oa](?: pela ajuda| por tudo)?|obg|brigad[oa]|agradeço`;
const BYE = String.raw`adeus|até logo|ate logo|tchau|xau|até à próxima|ate a proxima|bom dia para si|resto de bom dia`;
/** Words around small talk that do not make it a question ("ok", "great", "好的", "네"). */
const FILL = String.raw`ok|está bem|esta bem|certo|ótimo|otimo|perfeito|boa|resultou|já funciona|ja funciona|😊|🙏|👍`;

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
  agentAnywhere: /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))falar (?:com )?(?:uma |um |alguma |algum )?(?:pessoa|humano|assistente|operador|agente|colaborador|alguém|alguem)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:pessoa real|ser humano|atendimento humano|um humano)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|(?<![\p{L}])(?:passe-me|passa-me|passar-me|transfira-me|transferir-me|ligue-me|ponha-me em contacto)(?: a| com| para)? (?:um |uma |o |a )?(?:assistente|pessoa|humano|operador|funcionário|funcionária|colaborador|agente)(?![\p{L}])|(?<![\p{L}])falar com (?:um |uma )?(?:funcionário|funcionária|pessoa de verdade)(?![\p{L}])/u,
  quitAnywhere: /(?<![\p{L}\p{N}])(?:esquece|esqueça|deixa estar|deixe estar|deixa para lá|deixa pra lá|cancela isto|cancela tudo|desisto|afinal (?:não|nao) (?:quero|preciso)|vou (?:antes )?ligar)(?![\p{L}\p{N}])/u,
  stopWaiting: /(?<![\p{L}\p{N}])(?:afinal (?:não|nao) preciso|já não preciso|ja nao preciso|(?:não|nao) quero esperar|cancelar a espera|sair da fila|(?:não|nao) preciso de (?:uma pessoa|um assistente|ninguém))(?![\p{L}\p{N}])/u,
  askWaiting: /(?<![\p{L}\p{N}])(?:está aí|esta ai|estão aí|alguém aí|alguem ai|quanto tempo (?:falta|mais|tenho de esperar|vou esperar)|qual (?:é )?a minha posição|ainda estou na fila|falta muito)(?![\p{L}\p{N}])/u,
  smalltalk: [
    ['areYouBot', /(?<![\p{L}\p{N}])(?:és|é|você é|vocês são|estou a falar com|falo com) (?:um |uma )?(?:robô|robo|bot|humano|pessoa real|pessoa|ia|chatbot|máquina)(?![\p{L}\p{N}])/u],
    ['bye', onlyOf(BYE, `${GREET}|${THANKS}|${FILL}`)],
    ['thanks', onlyOf(THANKS, `${GREET}|${FILL}`)],
    ['greeting', onlyOf(GREET, FILL)],
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
