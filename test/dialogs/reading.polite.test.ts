/**
 * Requests made politely or indirectly start their task (issue 16): a modal request to the bot ("could you…",
 * "would it be possible to book…", "幫我…", "…해 주실 수 있을까요", "pourriez-vous…", "podiam…"), a live fault of
 * one's own machine with asking to send it in, a long account of one's own problem ending in a plea. Questions in
 * general form stay answered: whether there is a fee, where or by which means a task is done, what one needs.
 * Phrasings written for this test, in the five languages.
 */
import { describe, expect, it } from 'vitest';
import { detectDialog } from '../../dialogs/detect.js';
import type { DialogId } from '../../dialogs/types.js';

const STARTS_TASK: [DialogId, string][] = [
  ['repairBooking', 'Please organise a collection so my machine can be fixed.'],
  ['repairBooking', 'My Essenza is leaking all over the counter. Please arrange a pickup so it can be repaired.'],
  ['repairBooking', "My Pixie won't switch on at all and the lights keep flashing orange. Can I send it to you to be fixed?"],
  ['repairBooking', "The machine won't power on since the weekend, can someone come and collect it?"],
  ['repairBooking', "My Lattissima's milk frother stopped working last week and the machine shows a red light. Is it possible to send it in for repair?"],
  ['repairBooking', 'my machine leaks, I want to send it in'],
  ['repairBooking', "my machine won't turn on, how do I send it in?"],
  ['repairBooking', 'the error light keeps flashing on my Creatista, can I send it for repair?'],
  ['repairBooking', 'Would it be possible to book a repair for my Vertuo?'],
  ['noWater', "I've had my Pixie for two years and it's always been fine, but this morning I filled the tank, pressed the button, and nothing came out, only a buzzing sound. Can you help me?"],
  ['noWater', 'The machine hums but gives no water. Walk me through fixing it.'],
  ['cancellationPenalty', 'Could you calculate what the early termination would cost me?'],
  ['passwordReset', 'Would you be able to help me reset my password?'],
  ['repairBooking', '咖啡機按了都沒反應，燈一直閃，想寄回去修理'],
  ['repairBooking', '機器壞了，麻煩你們來收'],
  ['noWater', '早上要煮咖啡結果機器只有聲音沒有水，試了好幾次都一樣，請幫幫我'],
  ['noWater', '我的機器不出水，教我怎麼弄'],
  ['repairBooking', '머신에서 물이 새는데 수리 보내고 싶어요'],
  ['repairBooking', '전원이 아예 안 켜져요. 수리 접수 할 수 있을까요?'],
  ['repairBooking', '에센자 미니가 고장난 것 같아요. 수거해 가실 수 있나요?'],
  ['repairBooking', '머신 전원이 안 들어와요. 수리 맡기려면 어떻게 해야 하나요?'],
  ['repairBooking', '기계가 고장났는데 수리 좀 부탁드릴게요'],
  ['passwordReset', '비밀번호를 다시 설정하고 싶어요. 도와주세요'],
  ['repairBooking', "Ma machine ne s'allume plus du tout. Pouvez-vous venir la chercher pour la réparer ?"],
  ['repairBooking', 'Pourriez-vous prendre en charge la réparation de ma CitiZ ?'],
  ['noWater', "Pouvez-vous m'aider ? Plus une goutte d'eau ne sort de ma machine."],
  ['noWater', 'Hoje de manhã fui tirar um café e a máquina só fez barulho, não saiu água. Já tentei várias vezes. Podia ajudar-me?'],
  ['passwordReset', 'Pode enviar-me um novo link para a palavra-passe?'],
  ['repairBooking', 'A minha Vertuo está a perder água por baixo. Queria enviá-la para reparação, como faço?'],
];

/** Asked in general, about the rule, the channel or what is needed: answered (a question, or no task found). */
const ANSWERED = [
  'Is there a fee to end the subscription early?',
  'Can I change my password in the app?',
  'Can I book a repair online or only by phone?',
  'Do I need the receipt to get a repair?',
  'Is it possible to cancel the subscription early?',
  '提前解約的話要付違約金嗎？',
  '可以在App上改密碼嗎？',
  '약정 기간 중에 해지하면 위약금이 있나요?',
  '앱에서 비밀번호 바꿀 수 있나요?',
  "Y a-t-il des frais si je résilie avant la fin de l'engagement ?",
  "Est-il possible de résilier l'abonnement en ligne ?",
  'Há alguma penalização se cancelar antes do fim?',
  'É possível cancelar a subscrição online?',
  // what is needed, a condition, a comparison of plans: asked in general
  'What do I need to have ready before I book a repair?',
  '預約維修之前我需要準備什麼？',
  'O que preciso de ter à mão antes de pedir uma reparação?',
  'Can I get my machine repaired in Korea if I bought it in Taiwan?',
  "Peut-on faire réparer une machine achetée à l'étranger ?",
  '물이 안 나오면 수리 보내야 하나요, 아니면 직접 해결할 수 있나요?',
  'Is the cancellation penalty the same for 12 and 24 month plans?',
  'La pénalité est-elle la même pour un engagement de 12 et de 24 mois ?',
];

describe('a polite or indirect request starts its task', () => {
  it.each(STARTS_TASK)('%s: %s', (dialog, text) => {
    const d = detectDialog(text);
    expect(d, JSON.stringify(d)).toMatchObject({ dialog, reading: 'request' });
    expect(d!.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('a question in general form is answered', () => {
  it.each(ANSWERED)('%s', (text) => {
    const d = detectDialog(text);
    expect(d === undefined || d.reading === 'question' || d.confidence < 0.6, JSON.stringify(d)).toBe(true);
  });

  it.each([
    '위약금이 어떤 식으로 계산되는지 궁금해요. 해지할 생각은 아직 없어요',
    'Como é que se calcula a multa por sair da subscrição? Não quero sair, só quero perceber como funciona',
  ])('how the fee is worked out, not one\'s own: %s', (text) => {
    expect(detectDialog(text)?.reading).toBe('question');
  });

  it('a commitment not over yet is not finished', () => {
    expect(detectDialog('合約還沒到期想先解約，能幫我算違約金嗎？')?.slots.finished).toBeUndefined();
    expect(detectDialog('약정이 아직 안 끝났는데 구독 해지하면 위약금 있어요?')?.slots.finished).toBeUndefined();
    expect(detectDialog("my commitment isn't over yet, what would cancelling cost?")?.slots.finished).toBeUndefined();
    expect(detectDialog('合約已經到期了，想取消訂閱')?.slots.finished).toBe(true);
  });

  it('"before the end of the commitment" is not a finished commitment', () => {
    expect(detectDialog("Y a-t-il des frais si je résilie avant la fin de l'engagement ?")?.slots.finished).toBeUndefined();
    expect(detectDialog("mon engagement est terminé, je veux résilier")?.slots.finished).toBe(true);
  });
});

/** Polite forms of zh-TW, ko and pt around the account, the water and a repair. */
const MORE: [DialogId, string][] = [
  ['passwordReset', '可以幫我重新設定帳號密碼嗎？'],
  ['passwordReset', '請幫忙處理一下，我一直登入失敗'],
  ['passwordReset', '我忘了當初註冊用的信箱，請幫忙找回帳號'],
  ['noWater', '我的 CitiZ 今天按下去只有馬達聲，水都不出來，請幫忙'],
  ['repairBooking', '我的咖啡機一直漏水，想請你們幫忙修'],
  ['repairBooking', '我的 Inissia 開不了機，可以寄回去修嗎？'],
  ['passwordReset', '로그인이 계속 실패해요. 도와주세요'],
  ['passwordReset', '재설정 메일이 안 와요. 다시 보내 주세요'],
  ['noWater', '물통에 물은 있는데 추출이 안 돼요. 도와주세요'],
  ['repairBooking', '우유 거품기가 작동을 안 해요. 수리 받을 수 있을까요?'],
  ['passwordReset', 'Não recebi o email para redefinir a senha, podem reenviar?'],
  ['repairBooking', 'A luz está sempre a piscar e a máquina não funciona. Podem recolhê-la para reparar?'],
  // not a drop, said at length, then a plea
  ['noWater', 'I filled the tank and pressed the button, the pump buzzes but not a drop comes out. Tried several times. Can you help?'],
  ['noWater', '早上泡咖啡時機器只發出聲音，一滴水都沒有，水箱是滿的，已經重開好幾次，該怎麼辦？'],
  ['noWater', "J'ai rempli le réservoir, la pompe fait du bruit mais aucune goutte ne sort. J'ai essayé plusieurs fois. Pouvez-vous m'aider ?"],
  ['noWater', 'Enchi o depósito, a bomba faz barulho mas não sai uma gota. Já tentei várias vezes. Pode ajudar-me?'],
  ['noWater', '咖啡機不出水，請問我該怎麼做？'],
  ['passwordReset', '로그인하려는데 비밀번호가 틀렸다고 나와요. 재설정 어떻게 해야 하나요?'],
  ['passwordReset', '我在官網一直登入不了，密碼好像不對，可以幫我處理嗎？'],
  ['repairBooking', 'Preciso de ajuda para mandar a minha máquina para reparação, não aquece'],
  ['repairBooking', '我的咖啡機從昨天開始一直漏水，底下都是水，可以請你們安排專人到府收件嗎？'],
  // "would it be possible", "any chance", "주시겠어요", "conseguem" about one's own problem
  ['repairBooking', 'Serait-il possible de faire réparer ma Pixie ? Elle ne chauffe plus du tout.'],
  ['repairBooking', 'Era possível mandarem arranjar a minha Pixie? Deixou de aquecer.'],
  ['repairBooking', '픽시가 전혀 데워지지 않아요. 수리 가능할까요?'],
  ['repairBooking', '버츄오 주황불이 계속 깜빡여요. 수리 좀 해 주시겠어요?'],
  ['repairBooking', '시티즈 펌프가 작동을 안 해요. 수리 신청 가능한가요?'],
  ['repairBooking', "Any chance you could get my Pixie repaired? It's stopped heating."],
  ['noWater', 'A minha Inissia já não deita nada. O que faço?'],
  ['noWater', 'How do I get water coming out of my machine again? Nothing since this morning.'],
  ['passwordReset', 'Não consigo aceder à minha conta Nespresso. O que devo fazer?'],
  ['passwordReset', '비밀번호를 잃어버렸는데 다시 로그인하고 싶어요'],
  ['passwordReset', '네스프레소 계정에 접속이 안 돼요. 어떻게 해야 하나요?'],
  ['passwordReset', '密碼弄丟了，想重新登入'],
  ['passwordReset', '想改密碼，可以寄連結給我嗎？'],
  // asking for one's own figure
  ['cancellationPenalty', 'Quero cancelar a subscrição da máquina. Podem dizer-me o que vou ter de pagar?'],
  ['cancellationPenalty', 'Gostava de acabar a subscrição antes do fim. Conseguem calcular a penalização?'],
  ['cancellationPenalty', "I'd like to end my machine subscription. Could you tell me what I'll have to pay?"],
  // one's own problem told at length, then "how do I go about it", "comment on fait", "como faço", "뭘 해야 하나요"
  ['repairBooking', "Hi, I've had my Vertuo for two years, all good until a few days ago it started making a weird noise and the coffee barely comes out, now nothing. I've descaled it. I think it needs a repair, how do I go about it?"],
  ['repairBooking', "Bonjour, j'ai une Vertuo depuis deux ans, tout allait bien mais depuis quelques jours elle fait un bruit bizarre et le café sort à peine, puis plus rien. Je pense qu'il faut la réparer, comment on fait ?"],
  ['repairBooking', 'Olá, tenho uma Vertuo há dois anos, mas há uns dias começou a fazer um barulho estranho e agora já nada. Acho que precisa de reparação, como faço?'],
  ['repairBooking', '머신이 고장났어요. 수리 받으려면 뭘 해야 하나요?'],
  ['repairBooking', 'My machine broke down. What do I have to do to get it repaired?'],
  ['repairBooking', 'A minha máquina avariou. O que tenho de fazer para a mandar reparar?'],
  ['repairBooking', 'A minha Pixie partiu-se, quero que seja reparada'],
  ['noWater', '물이안나와요ㅠㅠ 어떻게해요'],
  ['noWater', "L'eau ne passe plus dans ma machine. Que faire ?"],
  ['noWater', 'A água já não passa na minha máquina. O que fazer?'],
  // a password refused, in the customer's words
  ['passwordReset', "I'm trying to place an order but the site keeps saying my password is incorrect. Tried several times. What do I do?"],
  ['passwordReset', 'Bonjour, je veux passer une commande mais le site me dit que mon mot de passe est incorrect. Comment je fais ?'],
  ['passwordReset', 'Olá, quero fazer uma encomenda mas o site diz que a minha palavra-passe está incorreta. Como faço?'],
  ['passwordReset', '我要下訂單，可是網站一直說我的密碼不正確，試了好幾次，怎麼辦？'],
  // the subscription in one sentence, stopping it in the next
  ['cancellationPenalty', "I took out a machine subscription last year but I'm moving abroad and have to stop it. Can you tell me how much that'll cost?"],
  ['cancellationPenalty', "Bonjour, j'ai pris un abonnement machine l'an dernier mais je déménage. Je dois arrêter. Vous pouvez me dire combien ça va me coûter ?"],
  ['cancellationPenalty', 'Olá, fiz uma subscrição de máquina no ano passado mas vou mudar-me. Tenho de parar. Podem dizer-me quanto me vai custar?'],
  ['cancellationPenalty', '我去年辦了機器訂閱，但要搬到國外了，必須停掉，可以告訴我要花多少錢嗎？'],
  ['cancellationPenalty', '작년에 머신 구독을 했는데 해외로 이사 가게 돼서 그만둬야 해요. 비용이 얼마나 드는지 알려주실 수 있나요?'],
];

describe('polite forms in zh-TW, ko and pt start the task', () => {
  it.each(MORE)('%s: %s', (dialog, text) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading: 'request' });
  });
});

/** French and Portuguese typed without accents read as with them. */
const UNACCENTED: [DialogId, string][] = [
  ['cancellationPenalty', 'je voudrais resilier mon abonnement, combien je vais payer ?'],
  ['cancellationPenalty', 'queria cancelar a subscricao, quanto vou pagar?'],
  ['noWater', 'a maquina nao deita agua nenhuma, o deposito esta cheio, ja tentei tudo, podem ajudar?'],
  ['repairBooking', 'bonjour ma machine fuit de partout depuis hier, je voudrais la faire reparer svp'],
  ['passwordReset', "j'ai oublie mon mot de passe et je n'arrive pas a me connecter, aidez moi"],
  ['repairBooking', 'a minha maquina avariou, queria pedir uma reparacao'],
];

describe('typed without accents', () => {
  it.each(UNACCENTED)('%s: %s', (dialog, text) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading: 'request' });
  });

  it('a general question without accents stays a question', () => {
    expect(detectDialog('combien de temps dure une reparation ?')?.reading ?? 'question').toBe('question');
    expect(detectDialog('o que acontece se cancelar a subscricao antes do fim?')?.reading ?? 'question').toBe('question');
  });
});

describe('no water, and asked to send it for repair: the repair, chosen by the customer', () => {
  it.each([
    "Ma machine ne donne plus d'eau, je voudrais l'envoyer en réparation",
    'My Pixie gives no water at all, I want to send it in for repair',
    '픽시에서 물이 안 나와요. 수리 접수해 주세요',
    'A minha máquina não deita água, quero mandá-la reparar',
    '機器不出水了，我要送修',
  ])('%s', (text) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'repairBooking', reading: 'request' });
  });

  it('no water with a plea for help stays the troubleshooting', () => {
    expect(detectDialog('My Pixie gives no water, what do I do?')?.dialog).toBe('noWater');
    expect(detectDialog("Ma Prodigio ne sort plus d'eau, vous pouvez m'aider à la dépanner ?")?.dialog).toBe('noWater');
  });
});

describe("the repair services' own words ask for the repair", () => {
  it.each([
    "Ma machine est en panne, je voudrais l'échanger contre une reconditionnée",
    '머신이 고장나서 서비스센터에 맡기고 싶어요',
    'A minha máquina não liga, quero enviá-la para a assistência técnica',
    'Je voudrais déposer ma machine au SAV, elle fuit',
  ])('%s', (text) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'repairBooking', reading: 'request' });
  });
});

describe('a fault with a plea, a password or link that does not work', () => {
  it.each([
    ['repairBooking', 'Ma machine est en panne, aidez-moi'],
    ['repairBooking', 'A minha máquina avariou, podem ajudar?'],
    ['repairBooking', '머신이 고장났어요 도와주세요'],
    ['repairBooking', 'My machine is broken, please help'],
    ['passwordReset', 'Mon mot de passe ne fonctionne plus, que faire ?'],
    ['passwordReset', "Le lien reçu par e-mail ne marche pas, vous pouvez m'en renvoyer un ?"],
    ['passwordReset', 'O link que recebi já expirou, podem enviar outro?'],
  ] as [DialogId, string][])('%s: %s', (dialog, text) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading: 'request' });
  });

  it('the same fault asked about stays a question', () => {
    expect(detectDialog('My machine is broken, what are my options?')?.reading).toBe('question');
  });
});

describe('formal and honorific requests: 문의드립니다 about the task, -아/어 주세요, venho solicitar', () => {
  it.each([
    ['repairBooking', '수리 접수 문의드립니다. 버츄오가 고장났어요'],
    ['passwordReset', '비밀번호 재설정 문의드려요'],
    ['repairBooking', '픽시 좀 고쳐 주세요'],
    ['repairBooking', 'Venho por este meio solicitar a reparação da minha Pixie.'],
  ] as [DialogId, string][])('%s: %s', (dialog, text) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading: 'request' });
  });

  it('"tell me" is still asking to be told', () => {
    expect(detectDialog('수리 기간 알려 주세요')?.reading).toBe('question');
  });
});

describe('a forgotten password with "tell me how" is the task; the supposition first is asked in general', () => {
  it.each([
    'I forgot my password. Can you tell me how to reset it?',
    "J'ai oublié mon mot de passe, pourriez-vous me dire comment le réinitialiser ?",
    'Esqueci-me da palavra-passe, pode dizer-me como a recupero?',
    '我忘記密碼了，可以告訴我怎麼重設嗎？',
  ])('%s', (text) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'passwordReset', reading: 'request' });
  });

  it.each([
    'What should I do if I forgot my password?',
    'Se eu me esquecer da senha, o que faço?',
    "Si la machine ne donne plus d'eau, que faire ?",
    'If the machine gives no water, what do I do?',
    '請問忘記密碼的話要怎麼重設？',
  ])('%s', (text) => {
    expect(detectDialog(text)?.reading).toBe('question');
  });
});

describe('the symptom named is one\'s own unless asked in general; "any idea?" about it asks for help', () => {
  it.each([
    'My machine gives no water, any idea?',
    "Ma machine ne donne plus d'eau, une idée ?",
    'A minha máquina não deita água, alguma ideia?',
    '咖啡機不出水，有什麼辦法嗎？',
    '머신에서 물이 안 나와요. 좋은 방법 있을까요?',
  ])('%s', (text) => {
    expect(detectDialog(text)).toMatchObject({ dialog: 'noWater', reading: 'request' });
  });

  it.each(['Is it normal that no water comes out after descaling?', 'Why does a machine give no water?'])('%s', (text) => {
    expect(detectDialog(text)?.reading).toBe('question');
  });
});
