/**
 * A live problem of one's own with "how do I / what do I do / can you" starts its task; the same subject asked in
 * general is answered. Asking the bot to work out one's own fee starts the cancellation task. Five languages.
 */
import { describe, expect, it } from 'vitest';
import { detectDialog } from '../../dialogs/detect.js';
import type { DialogId } from '../../dialogs/types.js';

const STARTS_TASK: [DialogId, string][] = [
  ['noWater', "since yesterday my Pixie won't pour any water, what should I do?"],
  ['passwordReset', 'the reset link you sent me has expired, how do I get into my account now?'],
  ['passwordReset', "I don't remember which email I used to sign up, can you help me log in again?"],
  ['repairBooking', 'the lever on my Citiz is jammed, can you repair it? how do I book that?'],
  ['noWater', '我的Pixie從今天早上開始就不出水了，我該怎麼辦？'],
  ['passwordReset', '重設密碼的連結已經過期了，我要怎麼登入帳號？'],
  ['passwordReset', '我想不起來當初用哪個email註冊的，可以幫我找回帳號嗎？'],
  ['repairBooking', '我的咖啡機突然壞了，可以送修嗎？要怎麼預約？'],
  ['noWater', '오늘 아침부터 픽시에서 물이 안 나와요. 어떻게 해야 하나요?'],
  ['passwordReset', '비밀번호 재설정 링크가 만료됐어요. 계정에 어떻게 들어가요?'],
  ['passwordReset', '가입할 때 쓴 이메일이 기억이 안 나요. 로그인 좀 도와주실 수 있나요?'],
  ['repairBooking', '시티즈 레버가 갑자기 안 움직여요. 수리 맡길 수 있나요? 예약은 어떻게 해요?'],
  ['noWater', "depuis ce matin ma Pixie ne donne plus d'eau, qu'est-ce que je dois faire ?"],
  ['passwordReset', "le lien de réinitialisation a expiré, comment je récupère l'accès à mon compte ?"],
  ['passwordReset', "je ne me souviens plus de l'e-mail utilisé pour m'inscrire, vous pouvez m'aider à retrouver mon compte ?"],
  ['repairBooking', 'le levier de ma Citiz est bloqué, est-ce que vous pouvez la réparer ? comment je prends rendez-vous ?'],
  ['noWater', 'desde ontem a minha Pixie deixou de deitar água, o que é que eu faço?'],
  ['passwordReset', 'o link para repor a palavra-passe expirou, como volto a entrar na minha conta?'],
  ['passwordReset', 'não me lembro com que email me registei, podem ajudar-me a recuperar o acesso?'],
  ['repairBooking', 'a alavanca da minha Citiz encravou, posso mandá-la reparar convosco? como faço a marcação?'],
  ['cancellationPenalty', 'can you work out how much I would owe if I end my subscription now?'],
  ['cancellationPenalty', 'help me calculate my cancellation fee please'],
  ['cancellationPenalty', '可以幫我算一下解約要付多少嗎？'],
  ['cancellationPenalty', '구독 해지하면 위약금이 얼마인지 계산해 주세요'],
  ['cancellationPenalty', 'pouvez-vous calculer ce que je devrai payer si je résilie mon abonnement ?'],
  ['cancellationPenalty', 'quanto terei de pagar se cancelar a minha assinatura? podem calcular?'],
  ['noWater', 'my Essenza stopped giving water today, how do I fix it?'],
  ['passwordReset', 'my reset link expired, how do I get back in?'],
  ['repairBooking', 'my Vertuo broke this morning, can I get it repaired with you?'],
  ['noWater', '咖啡機今天突然沒有水流出來，要怎麼處理？'],
  ['passwordReset', '密碼重設信的連結過期了，怎麼重新登入？'],
  ['repairBooking', '我的機器拉桿卡住了，可以修嗎？怎麼預約？'],
  ['passwordReset', '로그인이 갑자기 안 돼요. 어떻게 해야 돼요?'],
  ['repairBooking', '머신이 고장났어요. 수리 받을 수 있나요?'],
  ['passwordReset', "je n'arrive plus à me connecter à mon compte, pouvez-vous m'aider ?"],
  ['repairBooking', 'ma Vertuo est tombée en panne ce matin, comment faire pour la faire réparer ?'],
  ['passwordReset', 'não consigo entrar na conta desde ontem, o que faço?'],
  ['repairBooking', 'a minha Vertuo avariou hoje, como faço para a mandar reparar?'],
  ['cancellationPenalty', 'could you figure out my penalty for cancelling the subscription?'],
  ['cancellationPenalty', '幫我算違約金'],
  ['cancellationPenalty', '위약금 계산 좀 해주세요'],
  ['cancellationPenalty', "pouvez-vous m'aider à calculer ma pénalité de résiliation ?"],
  ['cancellationPenalty', 'ajudem-me a calcular quanto pago se sair da assinatura'],
  ['noWater', "my Lattissima isn't giving any water anymore, any idea how to sort it?"],
  ['passwordReset', "I'm locked out of my account, how do I get back in?"],
  ['passwordReset', "I can't remember the email on my account, how do I find it?"],
  ['passwordReset', '我登不進帳號，可以幫忙嗎？'],
  ['repairBooking', '機器漏水了，我想送修，要怎麼做？'],
  ['repairBooking', '머신에서 물이 새요. AS 어떻게 신청해요?'],
  ['passwordReset', "je n'ai jamais reçu l'e-mail de réinitialisation, comment faire ?"],
  ['passwordReset', 'je ne sais plus avec quelle adresse je me suis inscrite, comment retrouver ?'],
  ['repairBooking', 'a máquina está a verter água, como peço uma reparação?'],
  ['passwordReset', 'não me lembro do email da conta, como descubro?'],
  ['cancellationPenalty', 'work out what I owe for leaving my subscription'],
  ['cancellationPenalty', '幫我算一下取消訂閱的費用'],
  ['cancellationPenalty', '해지 위약금 계산 부탁드려요'],
  ['cancellationPenalty', 'pouvez-vous estimer ce que je devrai payer en résiliant ?'],
  ['cancellationPenalty', 'podem fazer as contas ao que tenho de pagar para cancelar a assinatura?'],
  ['noWater', 'a minha Essenza deixou de tirar água hoje, o que faço?'],
  ['noWater', 'a máquina já não dá água nenhuma, como resolvo?'],
  ['noWater', '버츄오에서 갑자기 물이 안 나와요 어떻게 고쳐요?'],
  ['repairBooking', 'ma Pixie est cassée, je peux la faire réparer chez vous ? je réserve comment ?'],
  ['cancellationPenalty', 'je veux sortir du programme Nespresso Plus, vous pouvez calculer combien je dois payer ?'],
  ['cancellationPenalty', 'Plus方案我想中途退出，幫我算要付多少'],
  ['cancellationPenalty', '플러스 프로그램 중간에 탈퇴하면 얼마 내야 하는지 계산해 주세요'],
  ['cancellationPenalty', 'si je mets fin à mon abonnement maintenant, ça me coûte combien ? faites le calcul svp'],
];

/** The same subjects asked in general: answered, not a task started (a question, or no task found). */
const ANSWERED = [
  'just curious, why would a machine give no water after a long time without use?',
  'how long is the password reset link valid?',
  '一般來說咖啡機不出水是什麼原因？',
  '重設密碼的連結有效多久？',
  '오래 안 쓴 머신에서 물이 안 나오는 이유가 뭔가요?',
  '비밀번호 재설정 링크는 얼마나 유효한가요?',
  "par curiosité, pourquoi une machine ne donne plus d'eau après une longue inutilisation ?",
  'combien de temps le lien de réinitialisation du mot de passe est-il valable ?',
  'por curiosidade, porque é que uma máquina deixa de deitar água depois de muito tempo parada?',
  'quanto tempo é válido o link para repor a palavra-passe?',
  'how is the cancellation penalty calculated?',
  'how long does a repair usually take?',
  'what causes a machine to stop giving water?',
  '機器不出水通常是什麼原因？',
  '머신에서 물이 안 나오는 건 보통 왜 그런가요?',
  "en général, pourquoi une machine ne fait plus couler d'eau ?",
  'em geral, porque é que a máquina deixa de deitar água?',
  'como é calculada a penalização?',
  '위약금은 어떻게 계산되나요?',
  '解約金怎麼計算？',
  'what should I do if the reset link expires?',
  '如果機器不出水該怎麼辦？',
  '재설정 링크가 만료되면 어떻게 해야 하나요?',
  "que faire si le lien de réinitialisation n'est plus valable ?",
  'o que devo fazer se a máquina não deitar água?',
  // a time or "still" that is not a problem of one's own
  'could you explain what happens if I cancel my subscription today?',
  '구독 해지해도 머신 계속 쓸 수 있나요?',
  '오늘 예약하면 언제 수리 받을 수 있나요?',
  "si je résilie mon abonnement aujourd'hui, est-ce que je peux garder la machine ?",
  'se cancelar a assinatura hoje, posso ficar com a máquina?',
  // a supposition, not a problem of one's own
  'est-ce que la machine ne fonctionne plus si je résilie ? pouvez-vous me dire',
  'if the reset link has expired, can I still use it?',
  '如果重設連結過期了，可以再寄一次嗎？',
];

describe('a live problem or one\'s own fee starts the task', () => {
  it.each(STARTS_TASK)('%s: %s', (dialog, text) => {
    expect(detectDialog(text)).toMatchObject({ dialog, reading: 'request' });
  });
});

describe('the same subject asked in general is answered', () => {
  it.each(ANSWERED)('%s', (text) => {
    const d = detectDialog(text);
    expect(d === undefined || d.reading === 'question' || d.confidence < 0.6, JSON.stringify(d)).toBe(true);
  });
});
