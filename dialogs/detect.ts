/**
 * Which dialog a customer's message starts, and the slots it already fills ("my prodigio gives no water",
 * "I pay 99 for a lattissima one that costs 279, 5 months into 24"). Pure: relative dates are kept as
 * text and resolved by the machine against the dialog's `today`.
 */
import { squash } from '../src/language/understand/index.js';
import { modelIn } from './models.js';
import { numbersIn, parseAmount } from './parse-numbers.js';
import { readingOf, type Reading } from './reading.js';
import type { DialogId, Slots } from './types.js';

export interface Detection {
  dialog: DialogId;
  slots: Slots;
  confidence: number;
  /**
   * A question about the task's subject (answered, the task offered) or a request to do it (the task starts).
   * A message that gives the task's own figures (commitment, months, prices, purchase date, tries) asks for
   * the task whatever its form: "how much to get out, 24 months, 8 in, 99 instead of 279".
   */
  reading: Reading;
}

/**
 * Asking what the penalty comes to ("how much is the penalty to cancel my subscription?", "解約要付多少"): the
 * task's own result, which depends on the customer's figures, so the task starts and asks for them. How it is
 * calculated, whether it can be done from the app, what happens to the machine are questions.
 */
const PENALTY_AMOUNT =
  /\bowe\b|\b(cost|fee|charge)s? (to|for) (cancel|quit|get out|end)|\bwhat will (cancelling|it) cost|^cancel(lation)? fee|얼마|계산해|要賠|要付|付的金額|算[^。]{0,4}金額|\bmulta\b|quanto (fica|tenho de pagar|pago|me (vai )?custa)|calcular quanto|^frais de résil|ce que je (vais|devrai)[^.]{0,15}payer|estimer[^.]{0,30}payer|\bhow much\b|\bwhat( is| are|'s| would be) (the |my )?(cancellation |exit |early exit |termination )?(penalty|penalties|fee|fees|charge|cost)\b|\bwhat would (it|i) (cost|pay)\b|多少|金額|얼마|combien|\bquel (est |serait )?(le )?(montant|coût)\b|quanto|\bqual (é|seria) (a |o )?(penalização|valor|custo|montante)/;

/** How the penalty is worked out in general: the rule is the answer. */
const HOW_CALCULATED = /\bhow (is|are|do you|does it)\b.{0,50}\b(calculated|worked out|computed)\b|calculé|se calcula|calcula-se|怎麼(算|計算)|如何計算|어떻게 계산|계산 방법/;

/** Slots that are the customer's own figures, not only the machine they own. */
const INPUT_SLOTS = ['commitment', 'elapsed', 'finished', 'priceWith', 'priceWithout', 'purchaseDate', 'tries'];

const PAYLOADS: Record<string, DialogId> = {
  'start password reset': 'passwordReset',
  'start no water': 'noWater',
  'start repair booking': 'repairBooking',
  'start cancellation penalty': 'cancellationPenalty',
};

/** A booking reference in free text: "R-7KQ2ZD", "r 7kq2zd". */
export function parseBookingReference(text: string): string | undefined {
  const m = /(?:^|[^\p{L}\p{N}])R(?:-|\s)?([A-Z0-9]{6})(?![\p{L}\p{N}])/iu.exec(text);
  if (!m?.[1]) return undefined;
  const hasSeparator = /R[-\s]/i.test(m[0]);
  return hasSeparator || /\d/.test(m[1]) ? `R-${m[1].toUpperCase()}` : undefined;
}

export function detectDialog(text: string): Detection | undefined {
  const t = squash(text).replace(/\s+/g, ' ');
  // Own keys only: 'constructor' or '__proto__' must not find Object.prototype's members.
  const payload = Object.hasOwn(PAYLOADS, t) ? PAYLOADS[t] : undefined;
  if (payload) return { dialog: payload, slots: {}, confidence: 1, reading: 'request' };
  const found = [passwordReset(t), noWater(t, text), repairBooking(t, text), cancellation(t)].filter((d): d is Omit<Detection, 'reading'> => d !== undefined);
  const best = found.sort((a, b) => b.confidence - a.confidence)[0];
  if (!best) return undefined;
  const givesInputs = INPUT_SLOTS.some((k) => best.slots[k] !== undefined);
  const asksOwnFigure = best.dialog === 'cancellationPenalty' && PENALTY_AMOUNT.test(t) && !HOW_CALCULATED.test(t);
  return { ...best, reading: givesInputs || asksOwnFigure ? 'request' : readingOf(text) };
}

// Each pattern below is read against the squashed text (lower case, Simplified read as Traditional) and
// lists English, Traditional Chinese, Korean, French and Portuguese in that order.

const PASSWORD = /pass ?word|密碼|비밀번호|비번|패스워드|mot de passe|palavra-?passe|senha/;
/** A password that is not the Nespresso account's. */
const OTHER_PASSWORD = /\b(wi-?fi|router|modem|bluetooth|phone lock|laptop|windows|routeur|box internet)\b|路由器|無線網路|와이파이|공유기/;
/** Asking how long the link lasts, not asking to reset: the FAQ answers it. */
const ABOUT_VALIDITY = /\bhow long\b|\bvalid(ity)? for\b|\bvalidity\b|有效(期|多久)|多久|유효\s*기간|얼마나|combien de temps|\bvalable\b|validité|quanto tempo|\bválid[oa]\b|validade/;
/** Password words of the five languages, for the request patterns below ("reset my palavra-passe", "mdp oublié"). */
const PW = String.raw`(?:pass ?word|\bpw\b|\bpwd\b|\bpass\b|mot de passe|\bmdp\b|palavra-?passe|senha)`;
/** Getting back into the account: locked out, cannot log in, which e-mail it was, in the five languages. */
const ACCOUNT_ACCESS =
  /\blocked out\b|\b(get|getting) (back )?into my (nespresso )?account|\b(can'?t|cannot|unable to) (access|get into|open) my (nespresso )?account|\bsort out my log ?in\b|\bwhich e-?mail i (signed up|registered|used)|(忘記|不記得|想不起來)[^。]{0,12}(email|信箱|帳號)|(無法|不能|沒辦法)登入|登入不了|登不進|(이메일|아이디|계정)[^.]{0,15}(기억이 안|생각이 안|모르겠|잊|찾)|로그인[^.]{0,10}(못|안 돼|안돼|도와)|(me reconnecter|récupérer mon compte|bloquée? hors de mon compte|accéder à mon compte|(l')?accès à mon compte|retrouver mon compte)|(adresse )?e-?mail[^.]{0,30}(inscrit|inscrite|inscrire)|adresse[^.]{0,30}inscri|(ne sais plus|ne me souviens plus)[^.]{0,40}(e-?mail|adresse)|\b(can'?t|cannot|don'?t) (remember|recall)\b[^.]{0,25}e-?mail|não me lembro[^.]{0,25}e-?mail|(não consigo entrar|recuperar a conta|(recuperar|perdi) o acesso|entrar na (minha )?conta)|e-?mail[^.]{0,20}(me )?regist(ei|ado|ada|ar)/;
const PASSWORD_REQUEST =
  /\b(forg[eo]t(ten)?|lost|reset(ting)?|recover(ing)?|chang(e|ing))\b.{0,25}\bpass ?word|pass ?word\b.{0,30}\b(reset|forg[eo]t|expired|link|email)|reset (link|email)|(lien|e-?mail|mail) de réinitialisation|link (para|de) (repor|redefini)|can'?t (log ?in|sign ?in)|cannot (log ?in|sign ?in)|(忘記|忘了|重設|重置|找回|更改|改)[^。]{0,6}密碼|密碼[^。]{0,6}(忘|重設|重置|過期|失效|連結|郵件|信)|(無法|不能|沒辦法)登入|(비밀번호|비번|패스워드)[^.]{0,10}(잊|까먹|재설정|초기화|변경|바꾸|바꿀|바꿔|찾|만료|링크|메일)|로그인이? ?(안 돼|안돼|안 되|못 해|못하)|mot de passe[^.]{0,20}(oubli|réinitialis|reinitialis|perdu|changer|modifier|expir|lien|e-?mail|mail)|(oubli|réinitialis|perdu|changer)[^.]{0,25}mot de passe|(impossible de|n'arrive (pas|plus) à) me connecter|(palavra-?passe|senha)[^.]{0,20}(esque|repor|recuper|redefin|alter|perdi|expir|link|email)|(esqueci|repor|recuperar|redefinir|alterar|perdi)[^.]{0,25}(palavra-?passe|senha)|não consigo (entrar|iniciar sessão)/;

const PASSWORD_REQUEST_ANY = new RegExp(String.raw`(réinitialis\w*|oubli\w*|esque\w*|perdi|forgot|reset)[^.]{0,25}${PW}|\b(forg[eo]t(ten)?|lost|reset(ting)?|recover(ing)?|chang(e|ing)|refaire|définir|definir|redefinir)\b.{0,25}${PW}|${PW}.{0,30}\b(reset|forg[eo]t|expired|wrong|refused|refusé|erro|doesn'?t work)|${PW}[^.]{0,12}(oubli|esque)|(비밀번호|비번)[^.]{0,8}(기억이 안|생각이 안)|密碼(錯誤|不對)|重新設定密碼`);

function passwordReset(t: string): Omit<Detection, 'reading'> | undefined {
  if (OTHER_PASSWORD.test(t)) return undefined;
  if (!PASSWORD_REQUEST.test(t) && !PASSWORD_REQUEST_ANY.test(t) && !ACCOUNT_ACCESS.test(t)) return undefined;
  if (ABOUT_VALIDITY.test(t) && !/\b(expired?|forg[eo]t)\b|過期|忘|만료|잊|expiré|oubli|expirou|esque/.test(t)) return undefined;
  const slots: Slots = {};
  if (/momo|pchome|yahoo|other (channel|shop|store)|another (channel|shop|store)|蝦皮|其他(通路|平台|網站)|다른 (곳|쇼핑몰|사이트)|autre (boutique|site|magasin)|ailleurs|outra loja|outro site|noutra loja/.test(t)) slots.situation = 'otherChannel';
  else if (/\bexpired?|no longer valid|invalid link|link (doesn'?t|does not|won'?t) work|過期|失效|만료|expir|n'est plus valable|não é válido/.test(t)) slots.situation = 'expired';
  else if (/(didn'?t|did not|never|haven'?t|have not|not) (get|got|receive|received|arrive|arrived|come|came)|no (reset )?e-?mail|沒(有)?收到|收不到|(메일|이메일)[^.]{0,8}(안 왔|안 와|못 받|오지 않)|pas reçu|jamais reçu|rien reçu|não (recebi|chegou)|nunca (chegou|recebi)/.test(t)) slots.situation = 'notReceived';
  else if (/forg[eo]t.{0,20}(e-?mail|login|user ?name)|which e-?mail|registered e-?mail|忘[^。]{0,6}(電子郵件|email|信箱|帳號)|(이메일|아이디|계정)[^.]{0,6}(잊|까먹|모르)|oubli[^.]{0,20}(adresse e-?mail|e-?mail|identifiant)|esque[^.]{0,20}(e-?mail|endereço)/.test(t)) slots.situation = 'forgotEmail';
  else if (/\b(forg[eo]t(ten)?|lost)\b.{0,25}\bpass ?word|忘(記|了)?[^。]{0,4}密碼|(비밀번호|비번|패스워드)[^.]{0,6}(잊|까먹)|mot de passe oublié|oubli[^.]{0,20}mot de passe|esqueci[^.]{0,20}(palavra-?passe|senha)/.test(t)) slots.situation = 'forgot';
  return { dialog: 'passwordReset', slots, confidence: 0.9 };
}

const NO_WATER =
  /\bno water\b|\b(not|n'?t|won'?t|isn'?t|doesn'?t|stopped|no longer) (giving|give|deliver(ing)?|pour(ing)?|dispens(e|ing)|produc(e|ing)) (out )?(any |a drop of |a single drop of )?(water|anything)|아무것도 (안|나오지)|한 방울도 안|물 ?안 ?나|什麼都沒(有)?(流|出)|不出水|(plus )?une goutte d'eau|ne (donne|sort) plus d'eau|deixou de deitar água|não sai (água|nada)|nao sai agua|gives? no water|water (doesn'?t|does not|won'?t|will not|isn'?t|is not|not) (come|coming|flow|flowing|run|running|go|going)|nothing (comes?|coming) out|not (pumping|priming)|air bubble|no (water|flow) (comes?|coming) out|(沒|不|無法|沒有)(有)?出水|出不了水|水出不來|沒(有)?水(出來|流出)|물이? ?(아예 |전혀 |하나도 |잘 )?(안|못) ?나|물이? ?나오지 않|물이 안나|pas d'eau|plus d'eau|aucune eau|l'eau ne (sort|coule) (pas|plus)|rien ne (sort|coule)|ne (sort|coule) (pas|plus)|ne (fait )?(plus|pas) couler d'eau|não (sai|deita|corre) água|a água não (sai|corre)|sem água|não sai nada/;
const TRIES = /(\d{1,2})\s*(?:times|tries|attempts|fois|vezes|tentativas|번|회|次|遍)/;

function noWater(t: string, raw: string): Omit<Detection, 'reading'> | undefined {
  if (!NO_WATER.test(t)) return undefined;
  const slots: Slots = {};
  const model = modelIn(raw);
  if (model) slots.model = model;
  const tries = /\b(?:tried|tries|attempts?|did it)\D{0,20}?(\d{1,2})\s*(?:times|tries|attempts)?\b/.exec(t) ?? TRIES.exec(t);
  if (tries?.[1]) slots.tries = Number(tries[1]);
  return { dialog: 'noWater', slots, confidence: 0.9 };
}

const REPAIR_STRONG =
  /\b(book|arrange|schedule|request|need|want|get|set up|start)\b.{0,25}\b(repair|fix(ed)?|service)\b|\bneed (it|this|my \w+) (fixed|repaired)\b|(預約|安排|報修)[^。]{0,8}(維修|修理|收件)|報修|到府收件|(?<![a-z])(as|에이에스) ?(신청|접수|요청)|(?<![a-z])(as|에이에스) [^.]{0,8}(신청|접수|요청)|수리 ?(요청|부탁)|고쳐 ?주세요|수거해|rendez-vous (de|pour une?) réparation|réserver[^.]{0,20}répar|dossier sav|enlèvement[^.]{0,20}répar|(agendar|marcar|pedir)[^.]{0,45}(reparação|reparar|recolha)|vir buscar[^.]{0,30}(arranjar|reparar|reparação)|\brepair (booking|request)\b|\b(send|take)\b.{0,25}\b(for|to) (repair|service)\b|\b(machine|it)('s| is) (broken|faulty|defective|not working)\b|\b(broken|faulty|defective) (machine|nespresso)\b|\b(get|have) (it|my \w+( \w+)?) repaired\b|預約維修|申請維修|安排維修|送修|修[^。]{0,12}預約|預約[^。]{0,6}修|(要|想)(送)?(修|維修)|수리 ?(예약|신청|접수|맡기|맡길|받고|받을|받으려면|하고 싶|해 주|해주)|(voudrais|veux|veut|souhaite|besoin de|faire|envoyer)[^.]{0,25}répar|(demande|rendez-vous) de réparation|(quero|queria|gostaria de|preciso de|marcar|pedir|agendar)[^.]{0,25}(reparar|reparação|arranjar|consertar|conserto)|(máquina|ela) (está )?avariada|\b(mand|envi|lev)\S*[^.]{0,12}\b(reparar|arranjar|consertar)\b/;
const REPAIR_WEAK = /\b(repair|broken|faulty|defective|after-?sales)\b|維修|壞了|故障|수리|고장|réparation|réparer|en panne|cassée|défectueuse|service après-vente|avariad|estragad|reparação|\breparar\b|assistência técnica/;

const PURCHASED = /買的|購買|購入|买的|구매|구입|샀|achet[ée]|compr(?:ei|ou|ad[oa])/u;
const NO_PROOF = /(沒有|沒|無|没有)(收據|發票|购买证明|購買證明)|(收據|發票)[^。]{0,4}(弄丟|丟了|不見|遺失)|(영수증|증빙)[^.]{0,6}없|\b(pas de|sans|perdu)\s+(la |le |mon |ma )?(facture|ticket|preuve)|\b(sem|não tenho|perdi)\s+(a |o )?(fatura|talão|recibo|comprovativo)/u;
const HAS_PROOF = /有(收據|發票)|(영수증|증빙)[^.]{0,6}있|(j'ai|avec)\s+(la |le |ma |mon )(facture|ticket|preuve)|\b(tenho|com)\s+(a |o )(fatura|talão|recibo|comprovativo)/u;

function repairBooking(t: string, raw: string): Omit<Detection, 'reading'> | undefined {
  if (parseBookingReference(raw) && /\b(status|where|track|booking|reference)\b|狀態|상태|statut|estado/.test(t)) return undefined;
  const strong = REPAIR_STRONG.test(t);
  const weak = REPAIR_WEAK.test(t);
  if (!strong && !weak) return undefined;
  const slots = purchaseSlotsIn(raw);
  return { dialog: 'repairBooking', slots, confidence: strong || (slots.model && weak) ? 0.85 : 0.55 };
}

/** The machine, when and where it was bought, and whether there is a receipt, as a message gives them (any language). */
export function purchaseSlotsIn(raw: string): Slots {
  const t = squash(raw).replace(/\s+/g, ' ');
  const slots: Slots = {};
  const model = modelIn(raw);
  if (model) slots.model = model;
  const bought = /\b(?:bought|purchased|got)\b(?: it| this| the machine| my \w+(?: \w+)?)?\s+((?:on|in|last|about|around|\d|a |an |two |three |four |five |january|february|march|april|may|june|july|august|september|october|november|december)[^,.;!?]*)/.exec(t);
  if (bought?.[1]) slots.purchaseDate = bought[1].split(/\s+(?:and|but|with|so|because)\s+/)[0]!.replace(/^(on|about|around)\s+/, '').trim();
  if (/\b(no|without( a| the)?|lost( my| the)?|don'?t have( a| the)?|do not have( a| the)?)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = false;
  else if (/\b(have|got|kept|with)\s+(the|my|a)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = true;
  if (/\b(bought|purchased)\b.{0,30}\b(abroad|overseas)\b/.test(t)) slots.overseas = true;
  // In the other languages: the clause that says when it was bought ("去年三月買的", "작년 3월에 샀어요", "achetée en mars
  // dernier", "comprei-a há 2 anos"), read as a date by the dialog; and whether there is a receipt.
  if (!slots.purchaseDate) {
    const clause = raw.split(/[,，、。;；!?！？]/u).find((c) => PURCHASED.test(c));
    if (clause) slots.purchaseDate = clause.trim();
  }
  if (slots.hasProof === undefined) {
    if (NO_PROOF.test(t)) slots.hasProof = false;
    else if (HAS_PROOF.test(t)) slots.hasProof = true;
  }
  return slots;
}

const CANCELLATION =
  /\bcancel(l?ing|l?ation|led)?\b.{0,40}\bsubscription|\bsubscription\b.{0,40}\bcancel|\b(cancellation|termination|early exit|exit) (fee|penalty|charge|cost)s?\b|\bpenalt(y|ies)\b.{0,40}\b(subscription|cancel|commitment)|\b(end(ing)?|terminat(e|ing)|stop(ping)?|quit(ting)?|leav(e|ing))\b.{0,20}\b(machine )?subscription\b|\bplus program(me)?\b.{0,40}\b(cancel|return|refund)|\b(cancel|return|refund)\b.{0,40}\bplus program(me)?\b|(取消|解約|終止|退訂)[^。]{0,10}(訂閱|合約|方案)|(訂閱|合約|綁約)[^。]{0,10}(取消|解約|終止)|違約金|解約金|(구독|약정|정기 배송)[^.]{0,10}(해지|취소|해약)|(해지|취소|해약)[^.]{0,6}(구독|약정)|위약금|해지 ?(수수료|비용)|플러스 프로그램[^.]{0,20}(반품|취소|환불)|(résili|annul)\w*[^.]{0,40}abonnement|abonnement[^.]{0,40}(résili|annul)|frais de (résiliation|rupture)|pénalité|(cancel|rescind|terminar)\w*[^.]{0,40}(subscrição|assinatura|contrato)|(subscrição|assinatura)[^.]{0,40}cancel|penalizaç(ão|ões)/;

/**
 * Informal ways of saying the same ("my machine sub", "how much to get out?", "quanto pago para sair", "해지하면 얼마",
 * "解約要付多少"): getting out of a subscription, or its short names.
 */
const CANCELLATION_INFORMAL =
  /\b(my|the) (penalty|cancellation fee|exit fee)\b|\b(contract|commitment|subscription|sub)\b.{0,40}\bget out\b|(cancel\w*|desist\w*|quit|leave|取消|解除|退掉|해지|취소)[^.。]{0,30}(nespresso plus|plus program|programa nespresso plus|플러스)|(subscrição|assinatura|subscricao)[\s\S]{0,60}cancel|(cancel|quit|leave|terminate|desistir d[oa]|取消|解除|退掉)[^.。]{0,25}(nespresso )?plus (program(me)?|programa|方案)|(取消|解除|退掉|解約)[^。]{0,15}(方案|訂閱)|구독[^.]{0,6}끊|\brésil\b|\brésili(er|ant|e|é)\b|\babo\b[^.]{0,20}(résil|arrêt|frais)|mettre fin[^.]{0,20}abonnement|acabar com a (subscrição|assinatura)|\b(machine )?sub\b.{0,60}\b(get out|out of it|cancel|quit|leave|exit|stop)|\b(get out|quit|leave|exit|stop)\b.{0,25}\b(sub|contract|commitment)\b|how much (to|would it (cost|be) to|is it to|do i pay to) (get out|cancel|quit|leave|exit|stop)|(解約|退訂|取消訂閱|提前解約|終止)[^。]{0,6}(多少|費用|要付)|(구독|약정)[^.]{0,20}(해지|취소|그만)|(해지|그만두|그만 두)[^.]{0,6}(하면|면)|combien[^.]{0,25}(résilier|arrêter|sortir|partir)|(arrêter|sortir de|quitter) (mon |l')?(abonnement|engagement)|quanto[^.]{0,25}(sair|cancelar|terminar|rescindir)|(sair|desistir) d[ao] (assinatura|subscrição|contrato|fidelização)/;

function cancellation(t: string): Omit<Detection, 'reading'> | undefined {
  const hit = CANCELLATION.test(t) || CANCELLATION_INFORMAL.test(t);
  if (/\beasy ?ordering\b/.test(t)) return undefined;
  const slots = cancellationSlotsIn(t);
  // "I pay 99 for a lattissima one that costs 279, 5 months into 24": no trigger word, but only a subscription reads so.
  const implied = !hit && slots.commitment !== undefined && (slots.priceWith !== undefined || slots.priceWithout !== undefined);
  if (!hit && !implied) return undefined;
  return { dialog: 'cancellationPenalty', slots, confidence: hit ? 0.9 : 0.7 };
}

// Latin words end at a word boundary ("an" is a year in French, not the start of "and"); CJK units need none.
const MONTH_WORD = String.raw`(?:(?:months?|mos?|mths?|mois|meses|mês)(?![a-zà-ÿ])|개월|달|個月)`;
const YEAR_WORD = String.raw`(?:(?:years?|yrs?|ans?|anos?)(?![a-zà-ÿ])|년|年)`;
const DURATION_AFTER = new RegExp(String.raw`^\s*[- ]?(?:${MONTH_WORD}|${YEAR_WORD}|(?:days?|jours?|dias?)(?![a-zà-ÿ])|일|天|日)`);

/** A number of months in any of the five languages: "5 months", "8 mois", "há 8 meses", "8개월", "8個月", "1 year". */
export function monthsIn(text: string): number | undefined {
  const t = squash(text);
  const m = new RegExp(String.raw`(\d{1,3})\s*${MONTH_WORD}(?![a-z])`).exec(t);
  if (m?.[1]) return Number(m[1]);
  const y = new RegExp(String.raw`(\d{1,2})\s*${YEAR_WORD}(?![a-z])`).exec(t);
  if (y?.[1] && !/^(19|20)\d\d$/.test(y[1])) return Number(y[1]) * 12;
  return undefined;
}

/** The one amount a message gives ("279", "€279", "279 €", "it normally sells for 199 euros", "279유로"), not a duration. */
export function amountIn(text: string): number | undefined {
  const t = squash(text).replace(/(\d)[\s.](?=\d{3}\b)/g, '$1');
  const found: number[] = [];
  for (const m of t.matchAll(/(\d{1,6}(?:[.,]\d{1,2})?)/g)) {
    const after = t.slice((m.index ?? 0) + m[0].length);
    if (DURATION_AFTER.test(after)) continue;
    found.push(Number(m[1]!.replace(',', '.')));
  }
  if (found.length === 0) {
    // In words, only with the currency named: "cent quatre-vingt-dix-neuf euros", "cento e noventa e nove euros".
    const words = parseAmount(text);
    if (words?.words && words.currency === 'EUR') return words.amount;
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Commitment, months elapsed and the two prices, wherever they appear in a message, in any language. */
export function cancellationSlotsIn(text: string): Slots {
  const t = squash(text).replace(/\s+/g, ' ');
  const slots = statedSlots(t);
  // "a 24 month machine sub", "abonnement machine de 24 mois", "24개월 머신 구독": 12 or 24 months that are not a time ago or a time elapsed.
  const loose = new RegExp(String.raw`(?:^|[^\d])(12|24)\s*[- ]?${MONTH_WORD}(?!\s*(?:ago|in\b|now|so far|into|전|前|째|지났|됐|동안|了|écoulés?|passés?|déjà|d'utilisation|passados|decorridos|de uso|já))`).exec(t);
  if (slots.commitment === undefined && loose?.[1] && !new RegExp(String.raw`(?:il y a|há|since|for|depuis)\s*${loose[1]}\s*${MONTH_WORD}`).test(t)) slots.commitment = Number(loose[1]);
  if (
    /\b(commitment|contract)\b.{0,20}\b(is |has )?(over|ended|finished|completed)\b|\bafter (the|my) commitment\b|(合約|綁約)[^。]{0,4}(到期|結束|已滿|期滿)|약정[^.]{0,6}(끝났|만료|종료)|engagement (est )?(terminé|fini)|fin de (mon|l')engagement|(fidelização|contrato) (já )?(acabou|terminou)/.test(t)
  )
    slots.finished = true;
  fromDurations(t, slots);
  Object.assign(slots, prices(t));
  return slots;
}

/**
 * Only the figures a message names by what they are ("a 24-month commitment", "it's been 10 months", "I paid 49 €"),
 * never a bare number or duration: what may change a figure already given, at any step of the penalty task.
 */
export function statedCancellationSlotsIn(text: string): Slots {
  return statedSlots(squash(text).replace(/\s+/g, ' '));
}

/**
 * The message (squashed) without the words that state `slot` ("it's been 10 months" out of "279, and it's been 10
 * months"): what the pending step may still read as its own answer, never the corrected figure again.
 */
export function withoutStatedCancellationSlot(text: string, slot: string): string {
  const t = squash(text).replace(/\s+/g, ' ');
  const spans: Spans = {};
  statedSlots(t, spans);
  const span = spans[slot];
  return span ? `${t.slice(0, span[0])} ${t.slice(span[1])}`.replace(/\s+/g, ' ').trim() : t;
}

/** Where in the squashed text each stated figure was read. */
type Spans = Record<string, [number, number]>;
const spanOf = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

function statedSlots(t: string, spans: Spans = {}): Slots {
  const slots: Slots = {};
  const into = /(\d{1,2})\s*(?:months?|mos?)?\s*(?:into|in|out of|of)\s*(?:a |my |the )?(12|24)\b/.exec(t);
  if (into) {
    slots.elapsed = Number(into[1]);
    slots.commitment = Number(into[2]);
    spans.elapsed = spans.commitment = spanOf(into);
  }
  const commitment =
    /\b(12|24)[- ]?months?(?: long)? (?:commitment|subscription|contract|plan)/.exec(t) ??
    /\b(?:commitment|contract|subscription) (?:of|for|was|is|was for|is for) (12|24) months?/.exec(t) ??
    /(12|24)\s*(?:개월|달)\s*(?:약정|계약|구독)|(?:약정|계약|구독)\s*(?:기간\s*)?(?:이|은|는)?\s*(12|24)\s*개월/.exec(t) ??
    /(12|24)\s*個月(?:的)?\s*(?:合約|訂閱|方案|綁約)|(?:合約|綁約|訂閱)[^。]{0,4}?(12|24)\s*個月/.exec(t) ??
    /(?:abonnement|engagement|contrat) (?:(?:est|était|etait) )?(?:de |sur |d'un an |)(12|24) mois|(12|24) mois d'(?:engagement|abonnement)/.exec(t) ??
    /(?:subscrição|assinatura|contrato|fidelização) (?:(?:é|era|foi) )?(?:de )?(12|24) meses|(12|24) meses de (?:fidelização|contrato|subscrição|assinatura)/.exec(t);
  const c = commitment?.slice(1).find((x) => x !== undefined);
  if (c && slots.commitment === undefined) {
    slots.commitment = Number(c);
    spans.commitment = spanOf(commitment!);
  }
  const elapsed =
    /\b(?:for|since|been|had it for)\s+(\d{1,2})\s*months?\b/.exec(t) ??
    /\b(\d{1,2})\s*months?\s+(?:in|ago|now|so far)\b/.exec(t) ??
    /(\d{1,2})\s*(?:개월|달)\s*(?:사용|째|지났|됐|전|동안|썼)|(?:사용한 지|쓴 지|쓴지|사용 기간)\s*(\d{1,2})\s*(?:개월|달)/.exec(t) ??
    /(?:用了|已經|過了|使用了?)\s*(\d{1,2})\s*個月|(\d{1,2})\s*個月了/.exec(t) ??
    /(\d{1,2})\s*個月前/.exec(t) ??
    /(\d{1,2}) mois (?:écoulés?|passés?|déjà|d'utilisation|que)|depuis (\d{1,2}) mois|il y a (\d{1,2}) mois|(?:ça|ca|cela) fait (\d{1,2}) mois/.exec(t) ??
    /há (\d{1,2}) meses|(\d{1,2}) meses (?:passados|decorridos|de uso|já)|(?:já vão|já lá vão|já passaram|vou no|estou no) (\d{1,2})(?!\d|[.,]\d)(?!\s*(?:€|eur|e\b|%))|(?<![\d.,])(\d{1,2}) (?:écoulés?|passés?|passados|decorridos|feitos)(?![a-zà-ÿ])/.exec(t) ??
    /(?:passaram|passed|went by|écoulés?|passés?)\s+(?:só |only |just )?(\d{1,2})(?!\d|[.,]\d)(?!\s*(?:€|eur|e\b|%))/.exec(t);
  const e = elapsed?.slice(1).find((x) => x !== undefined);
  if (e && slots.elapsed === undefined) {
    slots.elapsed = Number(e);
    spans.elapsed = spanOf(elapsed!);
  }
  Object.assign(slots, prices(t, true, spans));
  return slots;
}

const COMMITMENTS = [12, 24];
const YEAR_AFTER = /^\s*(?:years?|yrs?|ans?|années?|anos?|년|年)(?![a-zà-ÿ])/u;
const MONTH_AFTER = /^\s*(?:months?|mos?|mths?|mois|mes(?:es)?|mês|개월|달|個月)(?![a-zà-ÿ])/u;
const HALF_AFTER = /^\s*(?:years?|ans?|anos?)?\s*(?:and a half|et demi|e meio)|^\s*년 ?반|^\s*年半/u;
/** A time ago or since: when it started, never the commitment's length. */
const AGO_AFTER = /^\s*(?:ago|전|前|de cela)/u;
const AGO_BEFORE = /(?:il y a|há|since|depuis|been|for)\s*$/u;

const KOREAN_NATIVE: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10 };

interface Duration {
  months: number;
  ago: boolean;
}

/**
 * Every duration a message gives, in months and in order, in any of the five languages: "8 months", "2 yr",
 * "un an et demi", "ano e meio", "six months", "neuf mois", ordinals ("au 14e mois", "no 10.º mês", "at month 15").
 */
export function durationsIn(text: string): Duration[] {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?:(?:a|one|un|um) )?(?:year and a half|an et demi|ano e meio)(?![a-zà-ÿ])|1년 ?반|一年半/gu, '18 months')
    .replace(/half a year|six months|six mois|meio ano|반년|半年/gu, '6 months')
    .replace(/(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열) ?(달|개월)/gu, (_m, n: string) => `${KOREAN_NATIVE[n]} months`)
    .replace(/(?<![a-zà-ÿ])(?:a|one|un|um) (?:year|an|ano)(?![a-zà-ÿ])/gu, '12 months')
    .replace(/(\d{1,3})\s*(?:e|ème|eme|º|ª|o|a|\.º|\.o|th|st|nd|rd)\s+(?=mois|mês|mes|month)/gu, '$1 ')
    .replace(/\b(?:month|mois|mês|mes)\s+(\d{1,3})\b/gu, '$1 months');
  const out: Duration[] = [];
  for (const h of numbersIn(t)) {
    const rest = t.slice(h.end);
    const before = t.slice(Math.max(0, h.index - 12), h.index);
    const year = YEAR_AFTER.exec(rest);
    const month = year ? undefined : MONTH_AFTER.exec(rest);
    if (!year && !month) continue;
    const months = year ? h.value * 12 + (HALF_AFTER.test(rest) ? 6 : 0) : h.value;
    const after = rest.slice((year ?? month)![0].length);
    if (months > 0 && months <= 240) out.push({ months, ago: AGO_AFTER.test(after) || AGO_BEFORE.test(before) });
  }
  return out;
}

/**
 * Commitment and months elapsed that the patterns above did not name: a 12 or 24 beside another duration is the
 * commitment ("2 yr commitment, been 8 months", "24 meses de compromisso / 15 meses feitos"), and the other
 * duration is how long it has run.
 */
function fromDurations(t: string, slots: Slots): void {
  const ds = durationsIn(t);
  if (slots.commitment === undefined && ds.length >= 2) {
    const c = ds.find((d) => !d.ago && COMMITMENTS.includes(d.months));
    if (c) slots.commitment = c.months;
  }
  if (slots.elapsed !== undefined || slots.commitment === undefined) return;
  const own = ds.findIndex((d) => !d.ago && d.months === slots.commitment);
  const rest = ds.filter((_, i) => i !== own);
  if (rest.length >= 1) slots.elapsed = rest[0]!.months;
}

const WITH_BEFORE = /(?:\b(?:pay|paid|paying|pay only)|\b(?:paie|paye|payé|payée|pago|paguei|pagar)|付了?|支付|繳|訂閱(?:價|時)?[^\d。，,]{0,4}|구독가|구독 가격|구독으로)\s*(?:€|eur\s*)?(?:은|는|로|으로)?\s*$/;
const WITHOUT_BEFORE =
  /(?:\b(?:costs?|costing|worth|price is|priced at|retails? (?:at|for)|sells? for|normally|normal price(?: is| of)?|instead of)|\b(?:coûte|coute|vaut|prix normal(?: est)?(?: de)?|au lieu de|custa|vale|preço normal(?: é)?(?: de)?|em vez de)|原價|定價|售價|要價|정가|원래 가격|원가)\s*(?:€|eur\s*)?(?:은|는)?\s*$/;
const WITH_AFTER = /^\s*(?:€|euros?|e\b|유로|歐元)?\s*(?:en abonnement|na subscri[çc][ãa]o|em subscri[çc][ãa]o|(?:under|with|on) (?:the |a |my )?(?:machine )?(?:subscription|sub\b)|avec (?:l')?abonnement|au lieu de|com (?:a )?(?:subscrição|assinatura)|em vez de|instead of|내고|냈|지불|에 (?:샀|구매))/;
const WITHOUT_AFTER = /^\s*(?:€|euros?|e\b|유로|歐元)?\s*(?:without|sans|sem|짜리 정가|정가|normally|usually|full price|retail|normalement|normalmente|prix normal|preço normal)/;
const CURRENCY_AFTER = /^\s*(?:€|euros?|eur\b|유로|歐元)/;

/** Money amounts and which price each one is, from the words around it (any of the five languages); `named`: only those the words name. */
function prices(t: string, named = false, spans: Spans = {}): Slots {
  const out: Slots = {};
  const loose: number[] = [];
  for (const m of t.matchAll(/(€\s*)?(\d{1,5}(?:[.,]\d{1,2})?)/g)) {
    const at = m.index ?? 0;
    const before = t.slice(Math.max(0, at - 25), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 30);
    const value = Number(m[2]!.replace(',', '.'));
    if (DURATION_AFTER.test(after) || /(?<!instead )\b(into|of|in|out of)\s*$/.test(before) || /^(19|20)\d\d$/.test(m[2]!)) continue;
    const span: [number, number] = [at, at + m[0].length];
    if (WITH_BEFORE.test(before) || WITH_AFTER.test(after)) {
      if (out.priceWith === undefined) [out.priceWith, spans.priceWith] = [value, span];
    } else if (WITHOUT_BEFORE.test(before) || WITHOUT_AFTER.test(after)) {
      if (out.priceWithout === undefined) [out.priceWithout, spans.priceWithout] = [value, span];
    } else if (m[1] || CURRENCY_AFTER.test(after)) loose.push(value);
  }
  if (named) return out;
  if (loose.length === 2 && out.priceWith === undefined && out.priceWithout === undefined) {
    out.priceWithout = Math.max(...loose);
    out.priceWith = Math.min(...loose);
  } else if (loose.length === 1) {
    if (out.priceWith !== undefined && out.priceWithout === undefined) out.priceWithout = loose[0]!;
    else if (out.priceWithout !== undefined && out.priceWith === undefined) out.priceWith = loose[0]!;
  }
  return out;
}
