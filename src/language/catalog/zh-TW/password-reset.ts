import type { passwordReset as En } from '../en/password-reset.js';

export const passwordReset = {
  'pr.label.forgot': '我忘記密碼了',
  'pr.label.expired': '連結已過期',
  'pr.label.notReceived': '沒收到郵件',
  'pr.label.forgotEmail': '我忘記電子郵件了',
  'pr.label.otherChannel': '在其他通路購買',
  'pr.label.worked': '有，成功了',
  'pr.label.noEmail': '郵件沒有寄來',
  'pr.label.nespresso': '有留Email給Nespresso',
  'pr.label.marketplace': 'MOMO、PCHOME、YAHOO…',
  'pr.label.neverGave': '從未提供Email',
  'pr.label.noThanks': '不用了，謝謝',

  'pr.askSituation': '我可以協助您重新登入 Nespresso 帳戶。發生了什麼狀況呢？',
  'pr.linkForgot':
    '要重設密碼，請前往 www.nespresso.com，點選「忘記密碼？」連結，透過電子郵件申請新密碼。重設連結僅在 {hours} 小時內有效。',
  'pr.linkExpired':
    '重設連結僅在 {hours} 小時內有效，所以您需要新的連結：請前往 www.nespresso.com，點選「忘記密碼？」連結，透過電子郵件申請新密碼。請在 {hours} 小時內使用新連結。',
  'pr.linkOtherChannel':
    '如果您透過其他通路向 Nespresso 訂購時有提供電子郵件地址，您應該已收到一封重設線上帳戶密碼的郵件；其中的連結在 {hours} 小時內有效。如果連結已失效或您錯過了那封郵件，請自行啟用帳戶：前往 www.nespresso.com，點選「忘記密碼？」連結，透過電子郵件申請新密碼。如果沒有收到，請檢查垃圾桶以及垃圾郵件和廣告郵件資料夾：郵件有時會被歸到那裡。',
  'pr.didItWork': '這樣有成功嗎？',
  'pr.askFound': '重設郵件有時會被分到錯誤的資料夾：請檢查垃圾桶以及垃圾郵件和廣告郵件資料夾，郵件有時會被歸到那裡。',
  'pr.foundThere': '您有在那裡找到嗎？',
  'pr.askChannel': '您是在哪裡購買 Nespresso 產品的？訂購時有提供電子郵件地址嗎？',
  'pr.askMisuse':
    '葡萄牙的銷售條款要求您對密碼嚴格保密：以該密碼下的訂單都由您負責，即使您並不知情。您認為有其他人知道或使用過您的密碼嗎？',
  'pr.contact.ptMisuse': '請立即通知 Nespresso：撥打 {contact}，或使用 nespresso.com 上的聯絡表單。',
  'pr.contact.pt': '葡萄牙的條款沒有說明如何重設密碼。如需帳戶方面的協助，請聯絡 Nespresso：{contact}，或使用 nespresso.com 上的聯絡表單。',
  'pr.contact.other': '我手上{market}的文件沒有說明如何重設密碼，所以我不做猜測。請聯絡 Nespresso：{contact}。',
  'pr.contact.forgotEmail': '如需查詢帳戶註冊的電子郵件地址，請聯絡 Nespresso：{contact}，或透過電子郵件聯絡。',
  'pr.contact.otherChannel':
    '如果您從未向 Nespresso 登記電子郵件地址，或您的訂單來自 MOMO、PCHOME、YAHOO 或其他購物平台，請聯絡 Nespresso：{contact}，或透過電子郵件聯絡：他們可以為您建立線上帳戶。',
  'pr.contact.notReceived': '如果這些資料夾裡都沒有那封郵件，請聯絡 Nespresso：{contact}，或透過電子郵件聯絡。',
  'pr.contact.stuck': '既然連結對您仍然無效，請聯絡 Nespresso：{contact}，或透過電子郵件聯絡。',
  'pr.offerPerson': '需要我現在為您轉接真人客服嗎？',
  'pr.done.worked': '太好了，您已重新登入。日後如果還需要，請記得重設連結的有效時間是 {hours} 小時。',
  'pr.done.found': '很好。請盡快使用那封郵件裡的連結：它僅在 {hours} 小時內有效。如果已過期，請在 www.nespresso.com 點選「忘記密碼？」重新申請。',
  'pr.done.contact': '好的。您可以透過 {contact} 聯絡 Nespresso。',
  'pr.reask.pick': '抱歉，我沒有看懂。請選擇其中一個選項。',
  'pr.reask.worked': '請告訴我是否成功，或是哪裡出了問題。',
  'pr.reask.yesNo': '請回答是或否。',
  'pr.reask.person': '請選擇「{person}」或「{noThanks}」。',
} satisfies Record<keyof typeof En, string>;
