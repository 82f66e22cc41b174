import type { repair as En } from '../en/repair.js';

export const repair = {
  'repair.label.keepGoing': '繼續填寫',
  'repair.label.stop': '停止這個流程',
  'repair.label.continue': '繼續',
  'repair.label.sameMachine': '是，同一台',
  'repair.label.otherMachine': '另一台機器',

  'repair.pick': '我們簡單一點：請點選下列其中一項。',
  'repair.simple.model': '請只輸入機器上寫的型號名稱，例如「Pixie」或「CitiZ」。',
  'repair.simple.date': '只要年份和月份就可以了，例如「2024年3月」。',
  'repair.simple.phone': '請只輸入您的電話號碼數字。',
  'repair.simple.email': '請只輸入您的電子郵件地址，例如 name@example.com。',
  'repair.simple.name': '請只輸入您的姓名。',
  'repair.simple.address': '請只輸入收件地址：{parts}。',
  'repair.simple.amount': '請只輸入歐元金額，例如「279」。',
  'repair.simple.months': '請只輸入月數，例如「8」。',
  'repair.simple.other': '請用幾個字簡單回答。',
  'repair.offerPerson': '抱歉，我還是看不懂這個回答。您要找真人客服、繼續填寫，還是停止這個流程？',

  'repair.help.model': '型號名稱就寫在機器上，例如「Pixie」、「CitiZ」或「Vertuo Next」。',
  'repair.help.date': '日期在您的收據或發票上。如果沒有，大約的日期也可以，例如「去年三月」或「2年前」。',
  'repair.help.proof': '購買證明就是收據或發票。如果沒有，請回答「否」：沒有證明也可以繼續預約。',
  'repair.help.phone': '維修團隊會打這個號碼和您聯絡維修事宜。',
  'repair.help.booking': '這是預約需要的資料；在確認摘要時，預約完成前都還可以修改。',
  'repair.help.generic': '沒關係。',
  'repair.wayForward': '如果無法回答，我們的真人客服可以協助您，或者您也可以就此停止。',

  'repair.corrected': '謝謝，已經幫您修改了。',

  'repair.goOn': '要繼續{task}嗎？',
  'repair.backGoOn': '現在由小幫手為您服務。要繼續{task}嗎？',
  'repair.task.passwordReset': '重設密碼',
  'repair.task.noWater': '不出水的排除步驟',
  'repair.task.repairBooking': '維修預約',
  'repair.task.cancellationPenalty': '解約違約金試算',

  'repair.sameMachine': '是和上次預約同一台 {model} 嗎？',
  'repair.kept': '為您預約 {model} 的維修。',
  'repair.keptBought': '為您預約 {model} 的維修（購買日期：{date}）。',
  'repair.keptBoughtAbout': '為您預約 {model} 的維修（大約 {date} 購買）。',
  'repair.sameResultMachine': '要預約維修的是您剛才問的那台 {model} 嗎？',
} satisfies Record<keyof typeof En, string>;
