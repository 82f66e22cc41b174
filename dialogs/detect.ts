/**
 * Which dialog a customer's message starts, and the slots it already fills ("my prodigio gives no water",
 * "I pay 99 for a lattissima one that costs 279, 5 months into 24"). Pure: relative dates are kept as
 * text and resolved by the machine against the dialog's `today`.
 */
import { squash } from '../src/language/understand/index.js';
import { modelIn } from './models.js';
import { numbersIn, parseAmount, withDigits } from './parse-numbers.js';
import { withoutAccents } from './accents.js';
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
  withoutAccents(/\bwhat (i'?ll|i will|i would|i'?d) (have to )?pay\b|\bwhat (penalty|fee|charge|cancellation fee) (i'?ll|i will|i would|i'?d|i) (have to |need to )?pay\b|\bwhat it'?(ll| will| would|'d) cost\b|\bcalculate (the |my )?(penalty|fee|charge)|o que (vou|terei|tenho|irei) (ter )?de pagar|quanto (vou|terei|irei) (ter )?de pagar|calcular (a |o )?(penalização|multa|valor|custo)|calculer (la |ma |les |mes )?(pénalité|frais)|계산(해|좀|을 ?해|가능|부탁)|算[^。]{0,6}(違約金|解約金|費用)|\bowe\b|\b(cost|fee|charge)s? (to|for) (cancel|quit|get out|end)|\bwhat will (cancelling|it) cost|^cancel(lation)? fee|얼마|계산해|要賠|要付|付的金額|算[^。]{0,4}金額|\bmulta\b|quanto (fica|tenho de pagar|pago|me (vai )?custa)|calcular quanto|^frais de résil|ce que je (vais|devrai)[^.]{0,15}payer|estimer[^.]{0,30}payer|\bhow much\b|\bwhat( is| are|'s| would be) (the |my )?(cancellation |exit |early exit |termination )?(penalty|penalties|fee|fees|charge|cost)\b|\bwhat would (it|i) (cost|pay)\b|多少|金額|얼마|combien|\bquel (est |serait )?(le )?(montant|coût)\b|quanto|\bqual (é|seria) (a |o )?(penalização|valor|custo|montante)/);

/**
 * Whether there is a fee at all ("is there a fee to end it early?", "要付違約金嗎", "위약금이 있나요", "y a-t-il des frais",
 * "há alguma penalização"), with no amount asked: a question about the rule, read as any other.
 */
const WHETHER_FEE =
  withoutAccents(/\b(is|are) there (a |an |any )?(fee|fees|penalty|penalties|charge|charges|cost)\b|\bdo (i|you) (have to )?(pay|charge) (a |an |any )?(fee|penalty|charge)|\bwill (i|there) (have to pay |be )(a |an |any )?(fee|penalty|charge)|(要付|要繳|會有|有沒有|需要付)[^。多少]{0,6}(違約金|解約金|費用)(嗎)?$|(還要|要|需要|會)(付|繳)(費|錢)嗎|(違約金|解約金|費用)嗎|(위약금|수수료|비용)[이가은는]? ?(있나요|있어요|있을까요|발생하나요|나오나요|내야 하나요|있는지)|\by a-t-il (des |une |un )?(frais|pénalité)|\best-ce qu'il y a (des |une |un )?(frais|pénalité)|\b(há|existe|tem) (alguma |algum )?(penalização|custo|taxa|multa)/);
/** An amount asked for: "how much", "多少", "얼마", "combien", "quanto". */
const AMOUNT_WORD = /\bhow much\b|多少|얼마|combien|quanto|\bowe\b/;

/** How the penalty is worked out in general: the rule is the answer. */
const HOW_CALCULATED = withoutAccents(/\bhow (is|are|do you|does it)\b.{0,50}\b(calculated|worked out|computed)\b|calculé|se calcula|calcula-se|怎麼(算|計算)|如何計算|어떻게 계산|계산 방(법|식)|계산되(는지|나요|요)|어떤 식으로 계산/);

/** Quoting what the site or the FAQ says ("the website says", "官網說", "홈페이지에 나와", "le site dit", "o site diz"). */
const QUOTES_DOCUMENTS = withoutAccents(
  /\b(the|your) (web ?site|site|faq|help page|app) (says|said|tells|told|mentions)\b|\b(it|they) says? on (the|your) (web ?site|site|faq)\b|(官網|網站|網頁|說明|faq)(上)?(說|寫|提到)|(홈페이지|사이트|웹사이트|안내|faq)(에|에서|엔)? ?(보니|보면|나와|써 ?있|적혀|그러던데|하던데)|\b(le site|votre site|la faq|l'appli(cation)?) (dit|indique|précise|explique)\b|\b(o site|a faq|a app|a aplicação) (diz|indica|refere|explica)\b/,
);

/** Slots that are the customer's own figures, not only the machine they own. */
const INPUT_SLOTS = ['commitment', 'elapsed', 'started', 'finished', 'priceWith', 'priceWithout', 'purchaseDate', 'tries'];

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
  const sorted = found.sort((a, b) => b.confidence - a.confidence);
  // No water, and asked to send the machine for repair: the customer chose the repair over troubleshooting.
  const repair = found.find((d) => d.dialog === 'repairBooking');
  const best = sorted[0]?.dialog === 'noWater' && repair && SEND_FOR_REPAIR.test(t) ? repair : sorted[0];
  if (!best) return undefined;
  // Figures quoted from the documents ("官網說試5次還不行就要讓機器休息", "the site says to try 5 times") are the rule asked
  // about, not the customer's own.
  const givesInputs = INPUT_SLOTS.some((k) => best.slots[k] !== undefined) && !QUOTES_DOCUMENTS.test(t);
  const asksOwnFigure =
    best.dialog === 'cancellationPenalty' && PENALTY_AMOUNT.test(t) && !HOW_CALCULATED.test(t) && !(WHETHER_FEE.test(t) && !AMOUNT_WORD.test(t));
  return { ...best, reading: givesInputs || asksOwnFigure ? 'request' : readingOf(text, { symptom: best.dialog === 'noWater' }) };
}

// Each pattern below is read against the squashed text (lower case, Simplified read as Traditional) and
// lists English, Traditional Chinese, Korean, French and Portuguese in that order.

const PASSWORD = withoutAccents(/pass ?word|密碼|비밀번호|비번|패스워드|mot de passe|palavra-?passe|senha/);
/** A password that is not the Nespresso account's. */
const OTHER_PASSWORD = /\b(wi-?fi|router|modem|bluetooth|phone lock|laptop|windows|routeur|box internet)\b|路由器|無線網路|와이파이|공유기/;
/** Asking how long the link lasts, not asking to reset: the FAQ answers it. */
const ABOUT_VALIDITY = withoutAccents(/\bhow long\b|\bvalid(ity)? for\b|\bvalidity\b|有效(期|多久)|多久|유효\s*기간|얼마나|combien de temps|\bvalable\b|validité|quanto tempo|\bválid[oa]\b|validade/);
/** Password words of the five languages, for the request patterns below ("reset my palavra-passe", "mdp oublié"). */
const PW = String.raw`(?:pass ?word|\bpw\b|\bpwd\b|\bpass\b|mot de passe|\bmdp\b|palavra-?passe|senha)`;
/** Getting back into the account: locked out, cannot log in, which e-mail it was, in the five languages. */
const ACCOUNT_ACCESS =
  withoutAccents(/\blocked out\b|\b(get|getting) (back )?into my (nespresso )?account|\b(can'?t|cannot|unable to) (access|get into|open) my (nespresso )?account|\bsort out my log ?in\b|\bwhich e-?mail i (signed up|registered|used)|(忘記|忘了|不記得|想不起來)[^。]{0,12}(email|信箱|帳號)|(無法|不能|沒辦法)登入|登入(不了|失敗)|登不進|找回帳號|(이메일|아이디|계정)[^.]{0,15}(기억이 안|생각이 안|모르겠|잊|찾)|로그인[^.]{0,10}(못|안 돼|안돼|도와|실패)|(me reconnecter|récupérer mon compte|bloquée? hors de mon compte|accéder à mon compte|(l')?accès à mon compte|retrouver mon compte)|(adresse )?e-?mail[^.]{0,30}(inscrit|inscrite|inscrire)|adresse[^.]{0,30}inscri|(ne sais plus|ne me souviens plus)[^.]{0,40}(e-?mail|adresse)|\b(can'?t|cannot|don'?t) (remember|recall)\b[^.]{0,25}e-?mail|não me lembro[^.]{0,25}e-?mail|não consigo aceder (à|a) (minha )?conta|(não consigo|impossível) (aceder|entrar)|계정[^.]{0,6}(접속|로그인|들어가)[^.]{0,4}(안|못)|(não consigo entrar|recuperar a conta|(recuperar|perdi) o acesso|entrar na (minha )?conta)|e-?mail[^.]{0,20}(me )?regist(ei|ado|ada|ar)/);
const PASSWORD_REQUEST =
  withoutAccents(/\b(forg[eo]t(ten)?|lost|reset(ting)?|recover(ing)?|chang(e|ing))\b.{0,25}\bpass ?word|pass ?word\b.{0,30}\b(reset|forg[eo]t|expired|link|email)|reset (link|email)|(lien|e-?mail|mail) de réinitialisation|link (para|de) (repor|redefini)|can'?t (log ?in|sign ?in)|cannot (log ?in|sign ?in)|(忘記|忘了|重設|重置|重新設定|找回|更改|改|換)[^。]{0,6}密碼|密碼[^。]{0,6}(忘|重設|重置|過期|失效|連結|郵件|信)|密碼[^。]{0,10}(換掉|換一個|更換|改掉)|(無法|不能|沒辦法)登入|재설정 ?(메일|이메일|링크)|(비밀번호|비번|패스워드)[^.]{0,10}(잊|까먹|잃어버|분실|재설정|초기화|변경|바꾸|바꿀|바꿔|찾|만료|링크|메일|(다시|새로) ?설정|틀렸|틀리다|틀린다|오류|안 맞)|로그인이? ?(안 돼|안돼|안 되|못 해|못하)|mot de passe[^.]{0,20}(oubli|réinitialis|reinitialis|perdu|changer|modifier|expir|lien|e-?mail|mail)|(oubli|réinitialis|perdu|changer)[^.]{0,25}mot de passe|(impossible de|n'arrive (pas|plus) à) me connecter|(palavra-?passe|senha)[^.]{0,20}(esque|repor|recuper|redefin|alter|perdi|expir|link|email)|(esqueci|repor|recuperar|redefinir|alterar|mudar|trocar|perdi)[^.]{0,40}(palavra-?passe|senha|pass ?word)|(não|nenhum|ninguém)[^.]{0,20}lembr\w*[^.]{0,6}(senha|palavra-?passe|pass ?word)|não consigo (entrar|iniciar sessão|fazer (o )?login)|connexion impossible|(accéder|accès) à mon espace client|\b(new|nouveau|novo|nova) (mot de passe|password|palavra-?passe|senha)\b|새 비밀번호|新密碼|\b(new|reset) link\b.{0,20}pass ?word|nouveau lien[^.]{0,25}mot de passe|novo link[^.]{0,25}(palavra-?passe|senha)/);

const PASSWORD_REQUEST_ANY = withoutAccents(new RegExp(String.raw`(réinitialis\w*|oubli\w*|esque\w*|perdi|forgot|reset)[^.]{0,25}${PW}|\b(forg[eo]t(ten)?|lost|reset(ting)?|recover(ing)?|chang(e|ing)|refaire|définir|definir|redefinir)\b.{0,25}${PW}|${PW}.{0,30}\b(reset|forg[eo]t|expired|wrong|refused|refusé|erro|doesn'?t work)|${PW}[^.]{0,12}(oubli|esque)|(비밀번호|비번)[^.]{0,8}(기억이 안|생각이 안)|密碼[^。]{0,6}不正確|${PW}.{0,30}(ne (fonctionne|marche) (plus|pas)|não (funciona|dá)|(doesn'?t|won'?t|isn'?t) work(ing)?)|\b(lien|link)\b[^.]{0,40}(ne (fonctionne|marche) (plus|pas)|não (funciona|abre)|(doesn'?t|won'?t) (work|open)|a expiré|expirou|has expired)|(連結|링크)[^。.]{0,10}(打不開|失效|過期|안 열|만료)|${PW}.{0,30}\b(incorrect|incorrecte|incorreta|incorreto|invalid|invalide|inválid[ao])\b|密碼[^。，,]{0,4}(錯誤|錯了|不對|弄丟|丟了|不見)|重新設定密碼`));

function passwordReset(t: string): Omit<Detection, 'reading'> | undefined {
  if (OTHER_PASSWORD.test(t)) return undefined;
  if (!PASSWORD_REQUEST.test(t) && !PASSWORD_REQUEST_ANY.test(t) && !ACCOUNT_ACCESS.test(t)) return undefined;
  if (ABOUT_VALIDITY.test(t) && !/\b(expired?|forg[eo]t)\b|過期|忘|만료|잊|expiré|oubli|expirou|esque/.test(t)) return undefined;
  const slots: Slots = {};
  if (/momo|pchome|yahoo|other (channel|shop|store)|another (channel|shop|store)|蝦皮|其他(通路|平台|網站)|다른 (곳|쇼핑몰|사이트)|autre (boutique|site|magasin)|ailleurs|outra loja|outro site|noutra loja/.test(t)) slots.situation = 'otherChannel';
  else if (/\bexpired?|no longer valid|invalid link|link (doesn'?t|does not|won'?t) work|過期|失效|만료|expir|n'est plus valable|não é válido/.test(t)) slots.situation = 'expired';
  else if (/(didn'?t|did not|never|haven'?t|have not|not) (get|got|receive|received|arrive|arrived|come|came)|no (reset )?e-?mail|沒(有)?收到|收不到|(메일|이메일)[^.]{0,8}(안 왔|안 와|못 받|오지 않)|pas reçu|jamais reçu|rien reçu|não (recebi|chegou)|nunca (chegou|recebi)/.test(t)) slots.situation = 'notReceived';
  else if (/forg[eo]t.{0,20}(e-?mail|login|user ?name)|which e-?mail|registered e-?mail|忘[^。]{0,6}(電子郵件|email|信箱|帳號)|(이메일|아이디|계정)[^.]{0,6}(잊|까먹|모르)|oubli[^.]{0,20}(adresse e-?mail|e-?mail|identifiant)|esque[^.]{0,20}(e-?mail|endereço)/.test(t)) slots.situation = 'forgotEmail';
  // Changing it (a weak password, someone may know it): Taiwan's FAQ says the "forgot your password?" link is also how
  // a password is amended, so the same steps, without asking what happened.
  else if (/\b(chang(e|ing)|amend(ing)?|update)\b.{0,25}\bpass ?word|(更改|修改|變更|換)[^。]{0,6}密碼|密碼[^。]{0,10}(換掉|換一個|更換|改掉|更改|修改|變更)|(비밀번호|비번|패스워드)[^.]{0,10}(변경|바꾸|바꿀|바꿔)|(changer|modifier)[^.]{0,25}mot de passe|mot de passe[^.]{0,20}(changer|modifier)|(mudar|alterar|trocar)[^.]{0,40}(palavra-?passe|senha|pass ?word)/.test(t)) slots.situation = 'forgot';
  else if (/\b(forg[eo]t(ten)?|lost)\b.{0,25}\bpass ?word|忘(記|了)?[^。]{0,4}密碼|(비밀번호|비번|패스워드)[^.]{0,6}(잊|까먹)|mot de passe oublié|oubli[^.]{0,20}mot de passe|esqueci[^.]{0,20}(palavra-?passe|senha)/.test(t)) slots.situation = 'forgot';
  return { dialog: 'passwordReset', slots, confidence: 0.9 };
}

const NO_WATER =
  withoutAccents(/\bno water\b|\bzero water\b|물(을|이)? ?(못|안) ?(뽑|내려)|\b(not|n'?t|won'?t|isn'?t|doesn'?t|stopped|no longer) (giving|give|deliver(ing)?|pour(ing)?|dispens(e|ing)|produc(e|ing)) (out )?(any |a drop of |a single drop of )?(water|anything)|아무것도 (안|나오지)|한 ?방울도 ?안|(커피|물)[이가]? ?(안|못) ?내려(와|오)|물 ?안 ?나|什麼都沒(有)?(流|出)|不出水|(plus )?une goutte d'eau|ne (donne|sort) plus d'eau|deixou de (deitar|tirar|dar|sair) (água|café)|(já )?não (tira|dá) (água|café|nada)|não sai (água|nada)|nao sai agua|gives? no water|water (doesn'?t|does not|won'?t|will not|isn'?t|is not|not) (come|coming|flow|flowing|run|running|go|going)|nothing (comes?|coming) out|not (pumping|priming)|air bubble|no (water|flow) (comes?|coming) out|(沒|不|無法|沒有)(有)?出水|出不了水|水出不來|水(都|就|完全)?(不|沒有?)(出來|流出來)|沒有?(水|咖啡)(流)?出來|沒(有)?水(出來|流出)|물이? ?(아예 |전혀 |하나도 |잘 )?(안|못) ?나|물이? ?나오지 않|물이 안나|추출이 (안 ?돼|안 ?되|되지 않)|pas d'eau|plus d'eau|aucune eau|l'eau ne (sort|coule) (pas|plus)|rien ne (sort|coule)|ne (sort|coule) (pas|plus)|ne (fait )?(plus|pas) couler d'eau|não (sai|deita|corre) água|a água não (sai|corre)|sem água|não sai nada|\bnothing (came|has come|comes) out\b|\bnot (a|one) (single )?drop\b|一滴(水)?(都|也)[^。，,]{0,2}(沒|不|出不)|(aucune|pas une|pas la moindre|plus une) goutte|(nem|não sai|não saiu|não cai|não caiu) (uma|uma única|nem uma) gota|\bno water (came|has come|comes) out\b|只有(聲音|聲響|馬達聲)[^。]{0,6}(沒有?|不)(水|出水)|rien n'(est sorti|a coulé|sort)|não (saiu|saía|sai) (água|nada)|a água não (saiu|sai)|(já )?não deita (nada|água|pinga)|\bget (the )?water (coming|to come|flowing|running)\b|l'eau ne passe (plus|pas)|a água (já )?não passa|\bno coffee (comes?|coming|came) out\b|\bcoffee (doesn'?t|won'?t|isn'?t|is not) (come|coming) out\b|não (sai|saiu) café|咖啡(出不來|流不出來|都不出來)|커피가? ?(안|못) ?나|ne (donne|sort) plus rien|\bwater (won'?t|doesn'?t|isn'?t|is not) (go|going|pass|passing|get|getting) through\b|水(過不去|不會流)/);
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
  withoutAccents(/\b(book|arrange|organi[sz]e|schedule|request|need|want|get|set up|start)\b.{0,25}\b(repair(ed|s)?|fix(ed)?|service)\b|\b(to be|be|get (it|her|him)) (fixed|repaired)\b|\bneed (it|this|my \w+) (fixed|repaired)\b|(預約|安排|報修)[^。]{0,8}(維修|修理|收件)|報修|到府收件|(來|到府)收[^。]{0,4}修|請你們[^。]{0,8}(修|維修)|(?<![a-z])(as|에이에스) ?(신청|접수|요청|보내|맡기|맡길|예약)|(?<![a-z])(as|에이에스) [^.]{0,8}(신청|접수|요청)|수리 ?(요청|부탁)|고쳐 ?주세요|수거해|rendez-vous (de|pour une?) réparation|réserver[^.]{0,20}répar|dossier sav|enlèvement[^.]{0,20}répar|(agendar|marcar|pedir|solicitar|requisitar)[^.]{0,45}(reparação|reparar|recolha)|(vir|venham|venha) buscar[^.]{0,30}(arranjar|reparar|reparação)|\brepair (booking|request)\b|\b(send|take)\b.{0,25}\b(for|to) (repair|service)\b|\b(machine|it)('s| is) (broken|faulty|defective|not working)\b|\b(broken|faulty|defective) (machine|nespresso)\b|\b(get|have) (it|my \w+( \w+)?) repaired\b|預約維修|申請維修|安排維修|送修|修[^。]{0,12}預約|預約[^。]{0,6}修|(要|想)(送)?(修|維修)|수리 ?(예약|신청|접수|맡기|맡길|받고|받을|받으려면|하고 싶|해 주|해주)|(voudrais|veux|veut|souhaite|besoin de|faire|envoyer)[^.]{0,25}répar|(demande|rendez-vous) de réparation|(quero|queria|gostaria de|preciso de|marcar|pedir|agendar)[^.]{0,25}(reparar|reparação|arranjar|consertar|conserto)|(máquina|ela) (está )?avariada|\b(mand|envi|lev)\S*[^.]{0,12}\b(reparar|arranjar|consertar)\b|(寄|送)回?去?[^。]{0,4}(修|維修|修理)|修理|수리[^.]{0,4}(부탁|보내|맡기|맡길)|(pouvez|pourriez)-vous[^.]{0,40}répar|vous (pouvez|pourriez)[^.]{0,30}répar|\b(podem|pode|podia|podiam)\b[^.]{0,10}\b(reparar|arranjar|consertar)|\b(can|could|would) you (please )?(fix|repair)\b|(幫我|幫忙)修(?!改|正)|(서비스 ?센터|택배|방문)[^.]{0,8}(접수|맡기|맡길|보내|신청)|\b(quero|queria|gostaria de|preciso de|enviar|mandar|levar)\S*[^.]{0,30}assistência técnica|\b(envoyer|déposer|apporter|confier)\S*[^.]{0,30}(\bsav\b|service après-vente)|prendre en charge[^.]{0,20}répar|\b(enviar|mandar|levar)\S*[^.]{0,30}(reparação|conserto)/);
const REPAIR_WEAK = withoutAccents(/\b(repair|broken|faulty|defective|after-?sales)\b|\breparad[oa]\b|維修|壞了|故障|수리|고장|réparation|réparer|en panne|cassée|défectueuse|service après-vente|avariad|avariou|estragad|reparação|\breparar\b|assistência técnica/);

/**
 * A live fault of the customer's own machine ("won't turn on", "it leaks", "the error light flashes", "開不了機",
 * "전원이 안 켜져요", "ne s'allume plus", "não liga"): with a repair word or asking to send it in, a repair request.
 */
const FAULT =
  withoutAccents(/\b(stopped|not|isn'?t) heating\b|\bdoesn'?t heat\b|ne chauffe (plus|pas)|(já )?não aquece|deixou de aquecer|不會(加熱|熱)|不熱了|데워지지 않|안 데워|\b(won'?t|doesn'?t|does not|will not|can'?t|cannot) (turn|switch|power|come) on\b|\bwon'?t (heat|brew|start|work)\b|\b(leak(s|ing)?|is leaking)\b|\b(error|red|orange|warning) lights?\b|\blights? (keeps? )?(flash|blink)|\b(flashing|blinking)\b|\bstopped working\b|\b(isn'?t|is not|not) working\b|\b(is broken|broke)\b|漏水|開不了機|不能開機|無法開機|沒反應|(燈|指示燈)[^。]{0,4}閃|壞了|壞掉|故障了|不能用了|물이 새|새요|새는데|전원이 안|안 켜져|켜지지 않|깜빡|고장(났|나서|났는데|이에요)|작동(을)? 안 해|작동하지 않|ne s'allume (plus|pas)|\bfuit\b|\bfuite\b|clignot|voyant|en panne|ne (marche|fonctionne) plus|não (liga|acende)|está a (verter|perder|pingar)|\bpisca|a piscar|\bavariou\b|deixou de funcionar|não funciona|partiu(-se)?|está partid[ao]|\bbroke down\b/);
/** A word for the repair itself (not the fault): "repair", "fix", "維修", "수리", "AS", "réparer", "SAV", "arranjar". */
const REPAIR_WORD = withoutAccents(/repair|\bfix|\bexchange|refurbish|échang|reconditionn|\btroca|recondicionad|交換|교환|서비스 ?센터|유상 ?수리|무상 ?수리|assistência|service après-vente|維修|修理|送修|(幫忙|幫我|幫|拿去|送去|寄去|回去|你們)修(?!改|正)|수리|(?<![a-z])as(?![a-z])|에이에스|répar|\bsav\b|repar|arranj|consert/);
/** A word for a machine's warranty, whose end makes a repair paid ("out of warranty", "過保", "보증 끝난", "hors garantie"). */
const WARRANTY_WORD = withoutAccents(/warrant|guarantee|保固|保修|過保|保養|보증|워런티|무상|유상|garantie|garantia/);
/** Mending words REPAIR_WORD leaves out: "修" alone (not 修改), 售後, 고치다, 리퍼, "répa", dépannage, atelier, pós-venda. */
const MEND_WORD = withoutAccents(/\brep[ai]{2}r|\breapi?r|修(?!改|正|訂)|售後|換機|換過的?零件|고치|고쳐|고친|고칠|리퍼|공임|\brépa\b|dépann|\bdevis\b|\batelier\b|pièces? (?:remplacée|changée)|replaced parts?|pós-venda|après-vente/);

/**
 * The message is about repairing a machine: a repair word, a fault or a broken machine, or its warranty. A repair's
 * price list is not the answer to a machine's price ("what does a Pixie cost?", "Vertuo Pop多少錢").
 */
export function mentionsRepair(text: string, opts: { warranty?: boolean } = {}): boolean {
  const t = squash(text).replace(/\s+/g, ' ');
  return REPAIR_WORD.test(t) || REPAIR_WEAK.test(t) || FAULT.test(t) || MEND_WORD.test(t) || (opts.warranty !== false && WARRANTY_WORD.test(t));
}

/** Words of a price or a cost, or of paying or not ("how much", "free", "quote", "수리비", "gratuit", "orçamento"). */
const PRICE_WORD = withoutAccents(
  /price|cost|how much|fee|charge|pay|paid|free|quote|expensive|cheap|krw|won\b|€|多少|幾萬|價|費|錢|收費|免費|얼마|비용|가격|요금|만원|원|돈|유상|무상|무료|수리비|비싸|combien|prix|coût|cout|tarif|frais|payer|payant|gratuit|cher|chère|devis|quanto|preço|preco|custo|pagar|pag[ao]\b|caro|tabela|cobra|grátis|gratis|gratuit[oa]|orçamento/u,
);

/** The message asks what something costs, or whether it is paid or free. */
export function asksPrice(text: string): boolean {
  return PRICE_WORD.test(squash(text).replace(/\s+/g, ' '));
}

/** Asking to send the machine in or have it collected ("send it in", "pick it up", "寄回", "수거", "venir la chercher", "vir buscar"). */
const SEND_IN =
  withoutAccents(/\bsend (it|her|him|the machine|my \w+( \w+)?) (in|back|off|to you)\b|\bsend (it|them) to you\b|\b(pick ?-?up|collection|collect (it|her|him|the machine|my))\b|\bcome (and |to )?(collect|pick up|get) (it|her|him|the machine|my)\b|寄回|送回|寄去|(來|到府)(收|取)|收件|取件|수거|보내(고 싶|려고|도 되|면 되)|보낼 수|(r?envoyer|venir (la |le )?(chercher|récupérer))|\b(enviar|mandar|devolver)\S*|(vir|venham|venha) (buscar|recolher)|recolha/);

/** A clause that can say when: a number, a month, a relative time ("last year", "去年", "작년", "l'an dernier", "há"). */
const DATEISH =
  withoutAccents(/\d|ago|last|yesterday|january|february|march|april|june|july|august|september|october|november|december|年|月|去年|今年|前|昨天|작년|올해|전에|어제|지난|월|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|dernier|dernière|hier|il y a|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|passad[oa]|ontem|\bhá\b/u);

/**
 * A country other than Korea, where a machine was bought (for Korea's repair terms, "overseas"): the countries
 * customers most often name, in the five languages ("bought it in the US", "일본에서 샀어요", "在美國買的",
 * "achetée aux États-Unis", "comprada nos EUA").
 */
export const FOREIGN_COUNTRY = withoutAccents(
  /(?<!\p{L})(the us|the states|usa|u\.s\.a?\.?|united states|america|japan|china|hong kong|taiwan|singapore|germany|france|the uk|england|britain|europe|italy|spain|switzerland|australia|canada|portugal|amazon us|amazon\.com|états-unis|etats-unis|amérique|japon|chine|allemagne|angleterre|royaume-uni|italie|espagne|suisse|australie|eua|estados unidos|japão|alemanha|frança|inglaterra|reino unido|europa|itália|espanha|suíça|austrália|canadá)(?!\p{L})|미국|일본|중국|홍콩|대만|싱가포르|독일|프랑스|영국|유럽|이탈리아|스페인|스위스|호주|캐나다|포르투갈|美國|日本|中國|香港|台灣|臺灣|新加坡|德國|法國|英國|歐洲|義大利|意大利|西班牙|瑞士|澳洲|加拿大|葡萄牙/u,
);

const PURCHASED = withoutAccents(/(?:^|\s)산 ?지(?=\s|\d)|(?:구매|구입)한 ?지|買的|購買|購入|买的|訂的|구매|구입|샀|주문한|achet[ée]|command[ée]|compr(?:ei|ou|ad[oa])|encomend(?:ei|ou|ad[oa])/u);
/** Brought the machine along from somewhere ("brought it from Japan", "帶過來", "들고 온", "ramenée de France", "trouxe"). */
const BROUGHT = withoutAccents(/\b(brought|came with|comes? from|came from)\b|帶來|帶過來|帶回|带来|带过来|带回|來自|들고 ?(온|왔)|가져(온|왔)|사 ?(온|왔)|에서 온|\bramen\w*|\b(vient|viennent|venue?s?) d|\b(trouxe|trazid[oa]|trouxemos)\b|\b(vem|veio|vieram) d/u);

/**
 * A machine bought in or brought from a named country other than Korea ("bought it in the US", "일본에서 샀어요",
 * "在美國買的", "ramenée de France", "trouxe-a do Japão"): for Korea's repair terms, an overseas machine.
 */
export function fromAbroad(raw: string): boolean {
  const t = squash(raw).replace(/\s+/g, ' ');
  if (/\b(bought|purchased)\b.{0,30}\b(abroad|overseas)\b/.test(t)) return true;
  return FOREIGN_COUNTRY.test(t) && (/\b(bought|purchased|got)\b/.test(t) || PURCHASED.test(t) || BROUGHT.test(t) || /에서 ?(산|사 ?온|구매한|구입한)/u.test(t));
}
/** Overseas said in words, with no country named ("bought abroad", "海外購入", "직구", "à l'étranger", "importada"). */
const OVERSEAS_SAID = withoutAccents(
  /\b(overseas|abroad|imported|parallel import|grey import|foreign)\b|海外|國外|外國|平行輸入|水貨|해외|외국|직구|병행 ?수입|(?<![a-z])(étrangère?s?|importée?s?)(?![a-z])|estrangeir[oa]|\bimportad[oa]s?\b|fora de portugal|fora da coreia|\boutside (of )?korea\b|hors (de )?corée|韓國以外|한국 (밖|외)|(achetée?|commandée?) en voyage|pendant (un|mon|notre) (voyage|séjour)|\b(during|on) (a|my|our) (trip|holiday|vacation)\b|\bwhile travel|旅行時|旅遊時|出國(時|的時候)?買|여행 ?(중|가서|갔을 때|때)|em viagem|durante (uma|a) viagem|(미국|일본|중국|홍콩|대만|독일|프랑스|영국|유럽|호주|캐나다) ?(판|버전)(?![가-힣])|(美國|日本|歐洲|香港|德國|法國|英國)(版|水貨)|[日美港歐德法英]版|\b(japanese|american|us|european|eu|uk|german|french) (version|model)\b|\bversion (japonaise|américaine|européenne|étrangère)|\bversão (japonesa|americana|europeia|estrangeira)/u,
);

/** A machine the message says is from abroad: a named other country (fromAbroad) or overseas said in words. */
export function saysOverseas(raw: string): boolean {
  return fromAbroad(raw) || OVERSEAS_SAID.test(squash(raw).replace(/\s+/g, ' '));
}

/**
 * Bought in Korea, said outright ("bought it in Korea", "在韓國買的", "한국에서 산", "achetée en Corée", "comprada na
 * Coreia"), read against the squashed text: for Korea's repair terms, not an overseas machine.
 */
export const IN_KOREA =
  /\b(from nespresso korea|in korea|in seoul|in busan)\b|(韓國|首爾)[^。]{0,6}(買|購)|(한국|서울|부산|국내|네스프레소 코리아)[^.]{0,8}(샀|산 |산$|구매|구입)|(en|de) corée|na coreia|da coreia/u;

/** A machine the message says was bought in Korea, and not also from abroad. */
export function boughtInKorea(raw: string): boolean {
  const t = squash(raw).replace(/\s+/g, ' ');
  return IN_KOREA.test(t) && (PURCHASED.test(t) || /\b(bought|purchased|from nespresso korea)\b|에서 산(?![가-힣])/u.test(t)) && !BROUGHT.test(t) && !saysOverseas(raw);
}

const NO_PROOF = withoutAccents(/(沒有|沒|無|没有)(收據|發票|购买证明|購買證明)|(收據|發票)[^。]{0,4}(弄丟|丟了|不見|遺失)|(영수증|증빙)[^.]{0,6}없|\b(pas de|sans|perdu)\s+(la |le |mon |ma )?(facture|ticket|preuve)|\b(sem|não tenho|perdi)\s+(a |o )?(fatura|talão|recibo|comprovativo)/u);
const HAS_PROOF = withoutAccents(/有(收據|發票)|(영수증|증빙)[^.]{0,6}있|(j'ai|avec)\s+(la |le |ma |mon )(facture|ticket|preuve)|\b(tenho|com)\s+(a |o )(fatura|talão|recibo|comprovativo)/u);

/**
 * Asking to have the repair done ("book a repair", "please arrange a pickup", "my machine leaks, I want to send it in",
 * "수리 접수해 주세요", "je voudrais la faire réparer"), not asking what it costs or whether it is covered: the repair
 * task starts, and gives the warranty and the price on its way.
 */
export function asksForRepair(text: string): boolean {
  const t = squash(text).replace(/\s+/g, ' ');
  return (REPAIR_STRONG.test(t) || (FAULT.test(t) && (REPAIR_WORD.test(t) || SEND_IN.test(t)))) && readingOf(text) === 'request';
}

function repairBooking(t: string, raw: string): Omit<Detection, 'reading'> | undefined {
  if (parseBookingReference(raw) && /\b(status|where|track|booking|reference)\b|狀態|상태|statut|estado/.test(t)) return undefined;
  const weak = REPAIR_WEAK.test(t);
  // A fault of one's own machine with a repair word, or with asking to send it in, asks for the repair; so does a
  // fault told with a plea for help ("my machine is broken, please help", "머신이 고장났어요 도와주세요").
  const fault = FAULT.test(t);
  const strong = REPAIR_STRONG.test(t) || (fault && (REPAIR_WORD.test(t) || SEND_IN.test(t))) || (fault && weak && readingOf(raw) === 'request');
  if (!strong && !weak) return undefined;
  const slots = purchaseSlotsIn(raw);
  return { dialog: 'repairBooking', slots, confidence: strong || (slots.model && weak) ? 0.85 : 0.55 };
}

/**
 * Asking to send the machine for repair or have it collected ("book a repair", "send it in", "送修", "수리 접수",
 * "l'envoyer en réparation", "mandá-la reparar"), which a customer with no water may choose over troubleshooting.
 */
const SEND_FOR_REPAIR = withoutAccents(
  /\b(book|arrange|schedule|organi[sz]e|set up|request)\b.{0,25}\brepair|\b(send|take|ship|bring)\b.{0,30}\b(in|for (a )?repair|to be (repaired|fixed)|for service)\b|\bget (it|her|him|my \w+( \w+)?) (repaired|fixed)\b|\bpick ?-?up\b|\bcollect(ion)?\b|送修|預約維修|安排維修|報修|到府收件|寄回|수리 ?(예약|신청|접수|맡기|맡길|보내)|(as|에이에스) ?(신청|접수)|수거|(envoyer|faire|demande de|rendez-vous de|rendez-vous pour une)[^.]{0,15}répar|enlèvement|\b(mand|envi|lev)\S*[^.]{0,25}(reparar|reparação|arranjar)|(marcar|agendar|pedir)[^.]{0,20}(reparação|recolha)|recolha/,
);

/** The machine, when and where it was bought, and whether there is a receipt, as a message gives them (any language). */
/** Whether and how soon the machine was registered, as a message says it ("registered it the same week", "一週內就有登錄"). */
const NOT_REGISTERED = /\b(not|never|didn'?t|did not|haven'?t|have not) (yet )?regist|(沒|沒有|未)[^。，,]{0,10}(註冊|登錄|登記)|등록(을)? ?(안|하지 않|못)|등록[^.]{0,4}(안 했|안했|하지 않았|못 했)|(pas|jamais) (encore )?(enregistré|inscrit)|não (a |o )?(registei|registrei|registado|registada)/u;
export const REGISTERED = /regist|註冊|登錄|登記|등록|enregistr|inscrit|regist/u;
/** Registered soon after buying: the same day or week, at once, within N days; or N days/weeks/months later. */
const REGISTERED_SOON = /\b(same|that) (day|week)\b|\b(right away|straight away|immediately|at once)\b|當天|同一天|同一週|同週|當週|那週|馬上|立刻|立即|같은 ?(날|주)|당일|바로|즉시|le jour même|la même semaine|aussitôt|tout de suite|immédiatement|no mesmo dia|na mesma semana|logo|imediatamente/u;
const WITHIN_WEEKS = /(?:within|in|under|less than)\s*(\d)\s*weeks?|(\d)\s*(?:個\s*)?(?:週|周|禮拜|星期)\s*(?:內|之內)|(\d)\s*주\s*(?:안|이내|만)|(?:dans les|en moins de|sous)\s*(\d)\s*semaines|(?:nas|em menos de|dentro de)\s*(\d)\s*semanas/u;
const WITHIN_DAYS = /(?:within|in|under|less than)\s*(\d{1,3})\s*days?|(\d{1,3})\s*(?:天內|天之內)|(\d{1,3})\s*일\s*(?:안|이내|만)|(?:dans les|en moins de|sous)\s*(\d{1,3})\s*jours|(?:nos|em menos de|dentro de)\s*(\d{1,3})\s*dias/u;
const LATER = /(\d{1,3})\s*(days?|weeks?|months?|天|週|個月|일|주|개월|달|jours?|semaines?|mois|dias?|semanas?|meses|mês)\s*(?:later|after|後|之後|후|뒤|après|plus tard|depois|mais tarde)/u;

export function registrationOf(t: string): { registered?: boolean; registeredWithinDays?: number } {
  if (NOT_REGISTERED.test(t)) return { registered: false };
  if (!REGISTERED.test(t)) return {};
  if (REGISTERED_SOON.test(t)) return { registered: true, registeredWithinDays: /(week|週|주|semaine|semana)/u.test(t) ? 7 : 0 };
  const within = WITHIN_DAYS.exec(t)?.slice(1).find((x) => x !== undefined);
  if (within) return { registered: true, registeredWithinDays: Number(within) };
  const weeks = WITHIN_WEEKS.exec(t)?.slice(1).find((x) => x !== undefined);
  if (weeks) return { registered: true, registeredWithinDays: Number(weeks) * 7 };
  const later = LATER.exec(t);
  if (later?.[1]) {
    const n = Number(later[1]);
    const unit = later[2]!;
    const days = /week|週|주|semaine|semana/u.test(unit) ? n * 7 : /month|個月|개월|달|mois|mes|mês/u.test(unit) ? n * 30 : n;
    return { registered: true, registeredWithinDays: days };
  }
  return { registered: true };
}

export function purchaseSlotsIn(raw: string): Slots {
  const t = squash(raw).replace(/\s+/g, ' ');
  const slots: Slots = {};
  const model = modelIn(raw);
  if (model) slots.model = model;
  const bought = /\b(?:bought|purchased|got)\b(?: it| this| the machine| my \w+(?: \w+)?)?\s+((?:on|in (?=\d|the (?:spring|summer|autumn|fall|winter)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|last|about|around|\d|a |an |two |three |four |five |january|february|march|april|may|june|july|august|september|october|november|december)(?:[^,.;!?]|(?<=\d)[.,](?=\d))*)/.exec(t);
  if (bought?.[1]) slots.purchaseDate = bought[1].split(/\s+(?:and|but|with|so|because)\s+/)[0]!.replace(/^(on|about|around)\s+/, '').trim();
  if (/\b(no|without( a| the)?|lost( my| the)?|don'?t have( a| the)?|do not have( a| the)?)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = false;
  else if (/\b(have|got|kept|with)\s+(the|my|a)\s+(receipt|invoice|proof)/.test(t)) slots.hasProof = true;
  if (fromAbroad(raw)) slots.overseas = true;
  // In the other languages: the clause that says when it was bought ("去年三月買的", "작년 3월에 샀어요", "achetée en mars
  // dernier", "comprei-a há 2 anos"), read as a date by the dialog; and whether there is a receipt.
  if (!slots.purchaseDate) {
    const clause = raw.split(/[,，、。;；!?！？]/u).find((c) => PURCHASED.test(c) && DATEISH.test(c.toLowerCase()));
    if (clause) slots.purchaseDate = clause.trim();
  }
  if (slots.hasProof === undefined) {
    if (NO_PROOF.test(t)) slots.hasProof = false;
    else if (HAS_PROOF.test(t)) slots.hasProof = true;
  }
  // "…買完一週內就有登錄", "registered it the same week": not asked again (Korea's repair booking reads it).
  const registration = registrationOf(withDigits(t));
  if (registration.registered !== undefined) Object.assign(slots, registration);
  return slots;
}

const CANCELLATION =
  withoutAccents(/\bearly termination\b|\bterminat(e|ing|ion)\b.{0,20}\b(machine )?(subscription|contract|plan)\b|\bcancel(l?ing|l?ation|led)?\b.{0,40}\bsubscription|\bsubscription\b.{0,40}\bcancel|\b(cancellation|termination|early exit|exit) (fee|penalty|charge|cost)s?\b|\bpenalt(y|ies)\b.{0,40}\b(subscription|cancel|commitment)|\b(end(ing)?|terminat(e|ing)|stop(ping)?|quit(ting)?|leav(e|ing))\b.{0,20}\b(machine )?subscription\b|\bplus program(me)?\b.{0,40}\b(cancel|return|refund)|\b(cancel|return|refund)\b.{0,40}\bplus program(me)?\b|(取消|解約|終止|退訂)[^。]{0,10}(訂閱|合約|方案)|(訂閱|合約|綁約)[^。]{0,10}(取消|解約|終止)|違約金|解約金|(구독|약정|정기 배송)[^.]{0,10}(해지|취소|해약)|(해지|취소|해약)[^.]{0,6}(구독|약정)|위약금|해지 ?(수수료|비용)|플러스 프로그램[^.]{0,20}(반품|취소|환불)|(résili|annul)\w*[^.]{0,40}abonnement|abonnement[^.]{0,40}(résili|annul)|frais de (résiliation|rupture)|pénalité|(cancel|rescind|terminar)\w*[^.]{0,40}(subscrição|assinatura|contrato)|(subscrição|assinatura)[^.]{0,40}cancel|penalizaç(ão|ões)/);

/**
 * Informal ways of saying the same ("my machine sub", "how much to get out?", "quanto pago para sair", "해지하면 얼마",
 * "解約要付多少"): getting out of a subscription, or its short names.
 */
const CANCELLATION_INFORMAL =
  withoutAccents(/\bunsubscrib\w*|\b(annul|résili|cancel|desist)\w*[^.]{0,12}\b(programme|programa|program)\b|\b(cancel|end|stop|quit|leave)\w*.{0,25}\b(machine )?plan\b|désabonn\w*|\b(stopper|mettre un terme à) (mon |l')?(abonnement|engagement|contrat)|(mettre|mets|met|mettons|mettez) fin[^.]{0,20}(contrat|engagement|abonnement)|\b(anular|rescindir) (a |o )?(minha |meu )?(subscrição|assinatura|contrato)|退訂|\bsubscription\b[\s\S]{0,80}\b(stop|cancel|end|quit) it\b|abonnement[\s\S]{0,80}\b(arrêter|stopper|mettre fin|résilier|annuler)\b|(subscrição|assinatura)[\s\S]{0,80}\b(parar|cancelar|sair|desistir|terminar)\b|訂閱[\s\S]{0,30}(停掉|取消|解約|退掉|不要了)|구독[\s\S]{0,40}(그만두|그만 두|그만둬|끊|해지|취소)|\b(my|the) (penalty|cancellation fee|exit fee)\b|\b(contract|commitment|subscription|sub)\b.{0,40}\bget out\b|(cancel\w*|desist\w*|quit|leave|sair|sortir|quitter|取消|解除|退掉|退出|해지|취소|탈퇴)[^.。]{0,30}(nespresso plus|plus program|programa nespresso plus|플러스)|(nespresso plus|plus ?(program(me|a)?|方案|프로그램)|플러스 ?프로그램)[^.。]{0,20}(取消|解除|退掉|退出|解約|해지|취소|탈퇴|그만|sair|desistir|cancel|quitter|sortir|résili|annul)|(subscrição|assinatura|subscricao)[\s\S]{0,60}cancel|(cancel|quit|leave|terminate|desistir d[oa]|取消|解除|退掉)[^.。]{0,25}(nespresso )?plus (program(me)?|programa|方案)|(取消|解除|退掉|解約)[^。]{0,15}(方案|訂閱)|구독[^.]{0,6}끊|(?<!크레아티스타 ?)플러스(로|를|에서)[^.。]{0,20}(해지|취소|탈퇴|그만|반품)|\brésil\b|\brésili(er|ant|e|é)\b|\babo\b[^.]{0,20}(résil|arrêt|frais)|mettre fin[^.]{0,20}abonnement|acabar com a (subscrição|assinatura)|\b(machine )?sub\b.{0,60}\b(get out|out of it|cancel|quit|leave|exit|stop)|\b(get out|quit|leave|exit|stop)\b.{0,25}\b(sub|contract|commitment)\b|how much (to|would it (cost|be) to|is it to|do i pay to) (get out|cancel|quit|leave|exit|stop)|(解約|退訂|取消訂閱|提前解約|終止)[^。]{0,6}(多少|費用|要付)|(구독|약정)[^.]{0,20}(해지|취소|그만)|(해지|그만두|그만 두)[^.]{0,6}(하면|면)|combien[^.]{0,25}(résilier|arrêter|sortir|partir)|(arrêter|sortir de|quitter) (mon |l')?(abonnement|engagement)|quanto[^.]{0,25}(sair|cancelar|terminar|rescindir)|(sair|desistir) d[ao] (assinatura|subscrição|contrato|fidelização)|\bengagement\b[\s\S]{0,80}\b(j'|je |on )?(arrête|arrêter|stoppe|stopper|résilie|résilier|annule|annuler)\b|\bcommitment\b[\s\S]{0,80}\b(stop|cancel|quit|end) (it|now|the (sub|subscription|plan))\b|fidelização[\s\S]{0,80}\b(cancelar|sair|desistir|parar)\b/);

function cancellation(t: string): Omit<Detection, 'reading'> | undefined {
  const hit = CANCELLATION.test(t) || CANCELLATION_INFORMAL.test(t);
  if (/\beasy ?ordering\b/.test(t)) return undefined;
  // Without a trigger word only the figures can make it one (implied, below), and a price is digits.
  if (!hit && !/\d/.test(t)) return undefined;
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
// Built once (non-global: exec keeps no state in them).
const MONTHS_COUNT = new RegExp(String.raw`(\d{1,3})\s*${MONTH_WORD}(?![a-z])`);
const YEARS_COUNT = new RegExp(String.raw`(\d{1,2})\s*${YEAR_WORD}(?![a-z])`);
const COMMITMENT_MONTHS = new RegExp(String.raw`(?:^|[^\d])(12|24)\s*[- ]?${MONTH_WORD}(?!\s*(?:ago|in\b|now|so far|into|전|前|째|지났|됐|동안|了|écoulés?|passés?|déjà|d'utilisation|passados|decorridos|de uso|já))`);

/** A number of months in any of the five languages: "5 months", "8 mois", "há 8 meses", "8개월", "8個月", "1 year". */
export function monthsIn(text: string): number | undefined {
  const t = squash(text);
  const m = MONTHS_COUNT.exec(t);
  if (m?.[1]) return Number(m[1]);
  const y = YEARS_COUNT.exec(t);
  if (y?.[1] && !/^(19|20)\d\d$/.test(y[1])) return Number(y[1]) * 12;
  return undefined;
}

/** The one amount a message gives ("279", "€279", "279 €", "it normally sells for 199 euros", "279유로"), not a duration. */
export function amountIn(text: string): number | undefined {
  const t = withoutThousands(squash(text).replace(/(\d)[\s.](?=\d{3}\b)/g, '$1'));
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

/**
 * Thousands written as customers write them, as plain digits: "1 099,00 €", "1.099 €" (French, Portuguese), "€1,099",
 * "1,299歐" (English, Chinese). A comma or point followed by exactly three digits and no more is a thousands
 * separator (no price has three decimals); a space is one only when a currency is next to the amount.
 */
export function withoutThousands(t: string): string {
  return t
    .replace(/(?<![\d.,])(\d{1,3})(?:[ \u00a0\u202f](\d{3}))+(?=(?:[.,]\d{1,2})?\s*(?:€|eur|euros?|歐|유로))/gu, (m) => m.replace(/[ \u00a0\u202f]/g, ''))
    .replace(/(?<=(?:€|eur|euros?)\s*)(\d{1,3})[ \u00a0\u202f](\d{3})(?![\d])/gu, '$1$2')
    .replace(/(?<![\d.,])(\d{1,3})[.,](\d{3})(?![\d.,]?\d)/g, '$1$2');
}

/**
 * The message as the penalty's readers read it: squashed, numbers in words as digits, thousands as plain digits,
 * and a machine's name that holds a number word ("Lattissima One") not read as a price of 1.
 */
function amountsAsDigits(text: string): string {
  const named = squash(text).replace(/\b(lattissima|vertuo|citiz|gran lattissima)\s+one\b/g, '$1');
  return withoutThousands(withDigits(named)).replace(/\s+/g, ' ');
}

/** Commitment, months elapsed and the two prices, wherever they appear in a message, in any language. */
export function cancellationSlotsIn(text: string): Slots {
  // Numbers said in words ("twelve month commitment", "cent quarante-neuf euros", "一百九十九歐", "일곱 달째") read as digits.
  const t = amountsAsDigits(text);
  const slots = statedSlots(t);
  // "a 24 month machine sub", "abonnement machine de 24 mois", "24개월 머신 구독": 12 or 24 months that are not a time ago or a time elapsed.
  const loose = COMMITMENT_MONTHS.exec(t);
  if (slots.commitment === undefined && loose?.[1] && !new RegExp(String.raw`(?:il y a|há|since|for|depuis)\s*${loose[1]}\s*${MONTH_WORD}`).test(t)) slots.commitment = Number(loose[1]);
  if (
    /\b(commitment|contract)\b(?:(?!\bnot\b|n't|\byet\b|\bbefore\b).){0,40}\b(is |has |was )?(over|ended|finished|completed|expired)\b|\bafter (the|my) commitment\b|(合約|綁約|承諾期|約期|(?<!大)約)[^。，,]{0,8}(?<!沒|未|不|還沒)(到期|結束|已滿|期滿|滿了)|(?<!沒|未|不)約滿|(?<!沒有?|未|不|還沒)綁滿|약정[^.]{0,6}(?<!안 |안|못 |못)(끝났|만료|종료)|약정[^.]{0,4}다 ?(채운|채우고|채웠)|engagement(?:(?!n'|ne |pas\b|avant)[^.?!]){0,16}\b(est |sont |a pris fin|ont pris fin)?(terminée?s?|finie?s?|achevée?s?|écoulée?s?)(?![a-z])|(?<!avant (la )?)fin de (mon|l')engagement|(fidelização|contrato|compromisso)(?:(?!não|ainda)[^.?!]){0,60}\b(já )?(acabou|terminou|chegou ao fim)|(?<!não |ainda não )\b(terminei|cumpri|completei|acabei) (os |o )?(compromisso|contrato|período|fidelização)|(?<!not |n't |haven't |not yet )\b(finished|completed|served|done) (my |the |all )?(commitment|contract)\b|\bj'ai (terminé|fini|fait|accompli) (mes |les |mon )?(engagement)/.test(t)
  )
    slots.finished = true;
  // Months left that no commitment turns into months gone by are not months gone by either.
  const left = slots.elapsed === undefined ? REMAINING.exec(t) : null;
  fromDurations(left ? `${t.slice(0, left.index)} ${t.slice(left.index + left[0].length)}` : t, slots);
  const leftMonths = Number(left?.slice(1).find((x) => x !== undefined));
  if (left && slots.elapsed === undefined && typeof slots.commitment === 'number' && leftMonths <= slots.commitment) slots.elapsed = slots.commitment - leftMonths;
  // "halfway through my 24-month contract", "à mi-parcours", "a meio do contrato", "一半", "절반": half the commitment.
  if (slots.elapsed === undefined && slots.commitment !== undefined && HALFWAY.test(t)) slots.elapsed = Number(slots.commitment) / 2;
  // "the same for 12 and 24 month plans?", "12개월과 24개월": the two commitments compared, neither one's own.
  const pair = /(?<!\d)(12|24)\s*(?:-?\s*months?|mois|meses|개월|個月)?\s*(?:and|or|vs\.?|versus|et|ou|e|ou de|和|或|跟|與|과|와|이나|또는|\/)\s*(?:de |d'un |an? )?(12|24)(?!\d)/u.exec(t);
  if (pair && pair[1] !== pair[2]) {
    delete slots.commitment;
    delete slots.elapsed;
  }
  // "started it in March last year", "작년 3월에 시작했어요", "souscrit en mars 2025": the clause that says when it began,
  // resolved to months elapsed by the task against its own today.
  if (slots.elapsed === undefined && slots.finished === undefined) {
    const clause = t.split(/[,，、。;；!?！？]|\.(?!\d)/u).find((c) => SUBSCRIPTION_STARTED.test(c) && /\d|last year|this year|去年|今年|작년|올해|l'an dernier|l'année dernière|cette année|ano passado|este ano/u.test(c));
    if (clause) slots.started = clause.trim();
  }
  Object.assign(slots, prices(t));
  return slots;
}

/**
 * Only the figures a message names by what they are ("a 24-month commitment", "it's been 10 months", "I paid 49 €"),
 * never a bare number or duration: what may change a figure already given, at any step of the penalty task.
 */
export function statedCancellationSlotsIn(text: string): Slots {
  return statedSlots(amountsAsDigits(text));
}

/**
 * The message (squashed) without the words that state `slot` ("it's been 10 months" out of "279, and it's been 10
 * months"): what the pending step may still read as its own answer, never the corrected figure again.
 */
export function withoutStatedCancellationSlot(text: string, slot: string): string {
  const t = squash(text).replace(/\s+/g, ' ');
  const spans: Spans = {};
  statedSlots(t, spans);
  // A commitment corrected without its name ("afinal é de 24 meses", correctedCommitment): its months go too.
  const months = slot === 'commitment' && !spans[slot] ? COMMITMENT_MONTHS.exec(t) : null;
  const span = spans[slot] ?? (months ? spanOf(months) : undefined);
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
    /\b(?:commitment|contract|subscription|sub|plan|signed up|committed) (?:of|for|was|is|was for|is for) (12|24) months?/.exec(t) ??
    /(12|24)\s*(?:개월|달)\s*(?:약정|계약|구독)|(?:약정|계약|구독)\s*(?:기간\s*)?(?:이|은|는)?\s*(12|24)\s*개월/.exec(t) ??
    /(12|24)\s*個月(?:的)?\s*(?:合約|訂閱|方案|綁約)|(?:合約|綁約|訂閱)[^。]{0,4}?(12|24)\s*個月/.exec(t) ??
    /(?:abonnement|engagement|contrat) (?:(?:est|était|etait|c'est|c'était|c'etait|ce sont|c'étaient) )?(?:de |sur |d'un an |)(12|24) mois|(12|24) mois (?:d'|l'|pour l'|de l')(?:engagement|abonnement)/.exec(t) ??
    /(?:subscrição|assinatura|contrato|fidelização) (?:(?:é|era|foi) )?(?:de )?(12|24) meses|(12|24) meses de (?:fidelização|contrato|subscrição|assinatura)/.exec(t);
  // "un engagement de 24" (no unit), "mês 15 de 24", "month 15 of 24": the commitment said by its number alone.
  const bare = commitment ? undefined : /(?:engagement|contrat|commitment|contract|fidelização|compromisso|contrato) (?:de |of |sur )?(12|24)(?!\d|[.,]\d|\s*(?:€|eur|e\b|%))|(?:mês|month|mois) \d{1,2} (?:de|of|sur) (12|24)(?!\d|[.,]\d)/.exec(t);
  const c = (commitment ?? bare)?.slice(1).find((x) => x !== undefined);
  if (c && slots.commitment === undefined) {
    slots.commitment = Number(c);
    spans.commitment = spanOf((commitment ?? bare)!);
  }
  // In years: "a 1-year commitment", "綁1年", "1년 약정", "engagement d'un an", "compromisso de 2 anos"; not a time
  // gone by ("구독 1년 됐어요", "訂閱1年了").
  const inYears = slots.commitment === undefined ? COMMITMENT_YEARS.exec(t) : null;
  const y = inYears?.slice(1).find((x) => x !== undefined);
  if (y) {
    slots.commitment = (y === '2' ? 2 : 1) * 12;
    spans.commitment = spanOf(inYears!);
  }
  // Months left, not gone by ("10 months left", "il me reste 10 mois", "ainda faltam 10", "4개월 남았어요", "還剩15個月"):
  // with the commitment known, the months gone by are the rest.
  const left = REMAINING.exec(t);
  const l = left?.slice(1).find((x) => x !== undefined);
  if (left && l && slots.elapsed === undefined && typeof slots.commitment === 'number' && Number(l) <= slots.commitment) {
    slots.elapsed = slots.commitment - Number(l);
    spans.elapsed = spanOf(left);
  }
  const elapsed =
    /(?<!\b(?:sub|subscription|contract|commitment|plan|signed up|committed)(?: (?:is|was))? )\b(?:for|since|been|had it for)\s+(\d{1,2})\s*months?\b/.exec(t) ??
    /\b(\d{1,2})\s*months?\s+(?:in|ago|now|so far)\b/.exec(t) ??
    /(\d{1,2})\s*(?:개월|달)\s*(?:사용|째|지났|됐|전|동안|썼)|(?:사용한 지|쓴 지|쓴지|사용 기간)\s*(\d{1,2})\s*(?:개월|달)/.exec(t) ??
    /(?:用了|已經|過了|使用了?)\s*(\d{1,2})\s*個月|(\d{1,2})\s*個月了/.exec(t) ??
    /(\d{1,2})\s*個月前/.exec(t) ??
    /(\d{1,2}) mois (?:écoulés?|passés?|déjà|d'utilisation|que)|depuis (\d{1,2}) mois|il y a (\d{1,2}) mois|(?:ça|ca|cela) fait (\d{1,2}) mois/.exec(t) ??
    /há (\d{1,2}) meses|(\d{1,2}) meses (?:passados|decorridos|de uso|já)|(?:já vão|já lá vão|já passaram|vou no|estou no) (\d{1,2})(?!\d|[.,]\d)(?!\s*(?:€|eur|e\b|%))|(?<![\d.,])(\d{1,2}) (?:écoulés?|passés?|passados|decorridos|feitos)(?![a-zà-ÿ])/.exec(t) ??
    /(?:passaram|passed|went by|écoulés?|passés?)\s+(?:só |only |just )?(\d{1,2})(?!\d|[.,]\d)(?!\s*(?:€|eur|e\b|%))/.exec(t) ??
    /(?:mês|month|mois) (\d{1,2}) (?:de|of|sur) (?:12|24)(?!\d|[.,]\d)/.exec(t) ??
    // "I've done 10 months", "completei 10 meses", "j'ai fait 10 mois": months gone by; the commitment is over only
    // when they reach it (the task compares them), never because the words say "done".
    /(?<!not |n't |haven't |not yet )\b(?:finished|completed|served|done|did)\s+(?:my |the |all |all my )?(\d{1,2})[- ]?months?\b|(?<!não |nao |ainda não |ainda nao )\b(?:terminei|cumpri|completei|acabei|fiz)\s+(?:os |o )?(\d{1,2})\s*meses\b|\bj'ai (?:terminé|fini|fait|accompli)\s+(?:mes |les )?(\d{1,2})\s*mois\b/.exec(t) ??
    // "i'm at month 4", "je suis au mois 4", "estou no mês 4", "第4個月": the month the customer is in.
    /\b(?:at|in|on) (?:my |the )?month (\d{1,2})(?!\d|[.,]\d)|\bau mois (\d{1,2})(?!\d|[.,]\d)|\b(?:no|estou no|vou no) mês (\d{1,2})(?!\d|[.,]\d)|第\s*(\d{1,2})\s*個月/.exec(t);
  const e = elapsed?.slice(1).find((x) => x !== undefined);
  if (e && slots.elapsed === undefined) {
    slots.elapsed = Number(e);
    spans.elapsed = spanOf(elapsed!);
    // "I've completed my 12 months", "já cumpri os 24 meses", with no other commitment said: that commitment, done.
    if (slots.commitment === undefined && (e === '12' || e === '24') && DONE_MONTHS.test(elapsed![0])) [slots.commitment, slots.finished] = [Number(e), true];
  }
  Object.assign(slots, prices(t, true, spans));
  return slots;
}

/** Saying that something said before was wrong: "actually", "sorry", "en fait", "afinal", "잠깐", "不對". */
const CORRECTING = withoutAccents(
  /\b(?:actually|wait|sorry|oops|i mean|my bad|correction|not \d{1,2})\b|^no\b|en fait|attend(?:ez|s)\b|pardon|désolée?|je me suis trompée?|^non\b|\bpas \d{1,2}\b|afinal|espera\b|desculp|enganei|^não\b|\bnão \d{1,2}\b|잠깐|아니|정정|잘못|等等|不對|不是|抱歉|說錯|搞錯|更正/u,
);

/**
 * A commitment corrected without naming it ("sorry, it was 24 months, not 12", "ah não, espera, afinal é de 24 meses",
 * "等等 是24個月"): 12 or 24 months, said with a word of correction, other than the commitment already given, and not
 * a time gone by (that one is read by what names it: "ça fait 24 mois"). Undefined otherwise.
 */
export function correctedCommitment(text: string, current: number | undefined): number | undefined {
  if (current === undefined) return undefined;
  const t = withDigits(squash(text)).replace(/\s+/g, ' ');
  if (!CORRECTING.test(t) || statedSlots(t).elapsed !== undefined) return undefined;
  const m = COMMITMENT_MONTHS.exec(t);
  const n = m ? Number(m[1]) : undefined;
  return n !== undefined && n !== current ? n : undefined;
}

/** The words of months done ("completed my 12 months", "cumpri os 24 meses", "j'ai terminé mes 24 mois"). */
const DONE_MONTHS = /finished|completed|served|done|did|terminei|cumpri|completei|acabei|fiz|terminé|fini|fait|accompli/u;

/** Months left of the commitment, in the five languages (read against the squashed text, numbers as digits). */
const REMAINING = withoutAccents(
  /\b(\d{1,2})\s*(?:more\s*)?months?\s*(?:left|remaining|to go)\b|\b(?:remaining|left)\s*(?:of\s*)?:?\s*(\d{1,2})\s*months?\b|(?:還剩|剩下|還有|剩)\s*(\d{1,2})\s*(?:個)?月|(\d{1,2})\s*(?:개월|달)\s*(?:정도\s*)?(?:남았|남아|남은|남음|남았는데)|\b(?:il (?:me |nous )?reste|reste|restent)\s*(?:encore\s*)?(\d{1,2})\s*mois\b|\b(\d{1,2})\s*mois\s*(?:restants?|à faire|à tirer)\b|\b(?:faltam|falta|restam|resta)\s*(?:mais\s*|ainda\s*)?(\d{1,2})(?!\d|[.,]\d|\s*(?:€|eur|e\b|%))|\b(\d{1,2})\s*(?:meses|mês)\s*(?:por cumprir|restantes|em falta|para (?:o fim|acabar|terminar))/u,
);

const NOT_GONE_BY = String.raw`(?!\s*(?:됐|되었|째|지났|전|前|了|多|반|半|ago|now|so far|into|depuis|passés?|écoulés?|passados|decorridos))`;
const COMMITMENT_YEARS = new RegExp(
  [
    String.raw`\b(1|2)[- ]?years?(?: long)?(?: machine)? (?:commitment|subscription|contract|plan|sub)\b`,
    String.raw`\b(?:commitment|contract|subscription|plan) (?:of|for) (1|2) years?\b${NOT_GONE_BY}`,
    String.raw`綁\s*(1|2)\s*年${NOT_GONE_BY}`,
    String.raw`(1|2)\s*年(?:的)?\s*(?:合約|訂閱|方案|綁約)`,
    String.raw`(?:合約|綁約)[^。，,]{0,4}?(1|2)\s*年${NOT_GONE_BY}`,
    String.raw`(1|2)\s*년\s*(?:약정|계약|구독)`,
    String.raw`(?:약정|계약)\s*(?:기간\s*)?(?:이|은|는)?\s*(1|2)\s*년${NOT_GONE_BY}`,
    String.raw`(?:abonnement|engagement|contrat) (?:de |sur |d')?(1|2|un) ans?\b${NOT_GONE_BY}`,
    String.raw`(1|2) ans? d'(?:engagement|abonnement)`,
    String.raw`(?:subscrição|assinatura|contrato|fidelização|compromisso) (?:de )?(1|2|um) anos?\b${NOT_GONE_BY}`,
    String.raw`(1|2) anos? de (?:fidelização|contrato|subscrição|assinatura|compromisso)`,
  ].join('|'),
  'u',
);

/** Saying when the subscription began: started, signed up, 開始, 시작했어요, 가입했어요, souscrit, comecei, aderi. */
const SUBSCRIPTION_STARTED =
  withoutAccents(/\b(started|began|begun|signed up|subscribed|took (it |one )?out|joined)\b|開始|簽約|辦了|加入|시작(했|한|됐|해서)|가입(했|한|해서)|구독(했|한|해서|을 시작)|계약(했|한)|commencé|débuté|souscrit|signé|abonnée? depuis|\bcomec(ei|ou|ámos)\b|iniciad[ao]|subscrevi|aderi|assinei|fiz a (subscrição|assinatura)|\bfiz\b[^.]{0,20}(subscrição|assinatura)|\bdesde\b|\bdepuis le\b|\bsince\b|\bfrom \d/u);

const HALFWAY = withoutAccents(/\bhalf ?-?way\b|\bhalf of (my|the) (commitment|contract|subscription|term)\b|mi-parcours|à mi-chemin|à la moitié|\ba meio\b|\bna metade\b|一半|절반/u);

const COMMITMENTS = [12, 24];
const YEAR_AFTER = /^\s*-?\s*(?:years?|yrs?|ans?|années?|anos?|년|年)(?![a-zà-ÿ])/u;
const MONTH_AFTER = /^\s*-?\s*(?:months?|mos?|mths?|mois|mes(?:es)?|mês|개월|달|個月)(?![a-zà-ÿ])/u;
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
    .replace(/(?<![a-zà-ÿ])(?:a|one|un|um)[ -](?:year|an|ano)(?![a-zà-ÿ])/gu, '12 months')
    .replace(/(?<![a-zà-ÿ])two[ -]years?(?![a-zà-ÿ])/gu, '24 months')
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
  let own = ds.findIndex((d) => !d.ago && d.months === slots.commitment);
  // "sub for 24 months, been 1 year": both read as time gone by, the commitment's is still not the elapsed one.
  if (own < 0 && ds.length >= 2) own = ds.findIndex((d) => d.months === slots.commitment);
  const rest = ds.filter((_, i) => i !== own);
  if (rest.length >= 1) slots.elapsed = rest[0]!.months;
}

const WITH_BEFORE = /(?:\b(?:pay|paid|paying|pay only)|\b(?:paie|paye|payé|payée|pago|paguei|pagar)|付了?|支付|繳|(?<!不|沒|沒有|未)(?:訂閱|綁約)(?:價|時)?[^\d。，,]{0,4}|구독가|구독 가격|구독으로)\s*(?:€|eur\s*)?(?:은|는|로|으로)?\s*$/;
const WITHOUT_BEFORE =
  /(?:\b(?:costs?|costing|worth|price is|priced at|retails? (?:at|for)|sells? for|normally|normal price(?: is| of)?|instead of)|\b(?:coûte|coute|vaut|prix normal(?: est)?(?: de)?|au lieu de|custa|vale|preço normal(?: é)?(?: de)?|em vez de)|原價|定價|售價|要價|(?:不|沒有?|未)(?:訂閱|綁約)[^\d。，,]{0,6}|單買[^\d。，,]{0,4}|(?:一般|正常)(?:售)?價(?:格|錢)?(?:是|為)?|정가|원래 가격|원가)\s*(?:€|eur\s*)?(?:은|는)?\s*$/;
const WITH_AFTER = /^\s*(?:€|euros?|e\b|유로|歐元)?\s*(?:en abonnement|na subscri[çc][ãa]o|em subscri[çc][ãa]o|(?:under|with|on) (?:the |a |my )?(?:machine )?(?:subscription|sub\b)|avec (?:l')?abonnement|au lieu de|com (?:a )?(?:subscrição|assinatura)|em vez de|instead of|내고|냈|지불|에 (?:샀|구매)|(?:with|on) it\b)/;
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
