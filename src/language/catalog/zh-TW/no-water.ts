import type { noWater as En } from '../en/no-water.js';

export const noWater = {
  'nw.label.another': '其他型號',
  'nw.label.flows': '有，出水了',
  'nw.label.nothing': '沒有，還是不出水',
  'nw.label.noThanks': '不用了，謝謝',

  'nw.machine': '咖啡機',
  'nw.askModel': '您使用的是哪一款 Nespresso 咖啡機？步驟依型號而不同。',
  'nw.reask.model': '我不認得這個型號。請從清單中選擇、輸入機器上標示的名稱，或選擇「{another}」。',
  'nw.slider': '請將滑蓋開關幾次。當水開始從出水口流出時，氣泡就已排出。',
  'nw.autoPrime':
    '1. 將水箱加滿水。\n2. 取出膠囊槽內的膠囊。\n3. 關上咖啡把手。\n4. 按下大杯按鈕：自動排氣功能會把管路中的空氣推出。\n當水開始從出水口流出時，氣泡就已排出。',
  'nw.firstTry': '當出水口沒有出水時，您的 {model} 可能有氣泡，這最常發生在水箱用完水或一段時間沒有使用之後。排出氣泡的方法：\n{steps}',
  'nw.didWaterCome': '有出水了嗎？',
  'nw.nextTry': '這是第 {try} 次嘗試（共 {max} 次）。請再試一次：\n{steps}',
  'nw.didWaterComeNow': '這次有出水了嗎？',
  'nw.rest': '嘗試 {max} 次之後，請讓機器休息 {minutes} 分鐘，然後再試一次。完成後請告訴我：休息之後有出水嗎？',
  'nw.reask.yesNo': '請告訴我是否有出水：有或沒有。',
  'nw.help': '很抱歉您的 {model} 仍然不出水。我可以為它開始預約維修，或為您轉接真人客服。您也可以撥打 Nespresso 電話 {contact}。',
  'nw.notDocumented':
    '我的文件只說明了 {autoPrime}（自動排氣）以及 {slider}（滑蓋）的處理方法。Nespresso 可透過 {contact} 協助您。我也可以開始預約維修，或為您轉接真人客服。',
  'nw.notDocumentedModel':
    '我的文件只說明了 {autoPrime}（自動排氣）以及 {slider}（滑蓋）的處理方法，沒有 {model} 的。Nespresso 可透過 {contact} 協助您。我也可以開始預約維修，或為您轉接真人客服。',
  'nw.reask.help': '請選擇「{repair}」、「{person}」或「{noThanks}」。',
  'nw.fixed': '好消息：氣泡已排出，您的 {model} 又能正常運作了。請享用您的咖啡！',
} satisfies Record<keyof typeof En, string>;
