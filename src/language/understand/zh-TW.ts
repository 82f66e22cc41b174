import { onlyOf } from './phrases.js';
import type { LanguageUnderstanding } from './types.js';

// Text reaches here read as Traditional (Simplified is converted first), so patterns use Traditional characters.
const GREET = String.raw`安安|哈嘍你好|你好|您好|哈囉|哈嘍|嗨|hi|hello|早安|午安|晚安|早|你好嗎|在嗎`;
const THANKS = String.raw`謝謝|感謝|多謝|謝啦|謝謝你|謝謝您|感恩|3q|thx|謝謝你的幫忙|謝謝幫忙|感謝幫忙`;
const BYE = String.raw`再見|掰掰|拜拜|bye|先這樣|就這樣`;
/** Words around small talk that do not make it a question ("ok", "great", "好的", "네"). */
const FILL = String.raw`好|好的|好喔|好哦|了解|ok|太好了|沒問題|解決了|可以了|好了|啦|喔|哦|~|😊|🙏|👍`;

export const zhTW: LanguageUnderstanding = {
  lang: 'zh-TW',
  // A question that starts with one of these ("可以在全聯買膠囊嗎", "有什麼顏色") asks; it does not say yes.
  yes: /^(?:是|是的|對|對的|對啊|有|有的|好|好的|可以|沒錯|正確|成功了|可以了|有用|有幫助|解決了|行了|ok了|嗯)(?![^。，,！!]*(?:嗎|呢|？|\?|什麼|怎麼|多少|多久|哪|幾))/u,
  no: /^(?:不是|不對|否|沒有|沒(?!問題)|不要|不用|不行|不)|(?:沒有用|沒用|還是不行|還是沒|不能用|沒出水|沒反應|沒效|無效|失敗|找不到|沒收到|沒看到|都沒有|不見|沒幫助|沒有幫助|沒解決)/u,
  dontKnow: /^(?:不知道|不確定|不清楚|不記得|忘了|忘記了|搞不清楚|沒概念|那是什麼|什麼意思|弄丟了|搞丟了|不見了|遺失了)/u,
  commands: [
    ['cancel', /^(?:取消|停止|算了|不用了|不要了|結束|離開排隊|不等了)$/u],
    ['startOver', /^(?:重新開始|重來|從頭開始|重新來過)$/u],
    ['help', /^(?:幫助|說明|選單|功能|你能做什麼|有哪些服務)$/u],
    ['agent', /^(?:真人|人工|客服|真人客服|人工客服|找客服|轉客服|專人)$/u],
    ['changeCountry', /^(?:更改國家|切換國家|換國家|改國家)$/u],
    ['changeLanguage', /^(?:更改語言|切換語言|換語言|語言)$/u],
    ['forgetMe', /^(?:刪除我的資料|刪除我的個人資料|忘記我|清除我的資料)$/u],
  ],
  agentAnywhere: /(?:真人|人工客服|(?:找|轉|接|要|跟|和|請|讓|需要|有)[^。，,]{0,3}(?:專人|客服人員)(?!到府|收件|取件|來收|上門)|專人(?:協助|服務|處理|幫忙|回覆|聯絡)|轉接客服|找客服|找人工|跟人講|和人說|真的人)/u,
  quitAnywhere: /算了|不修了|不要修了|不弄了|取消(?:預約|這個流程)|改天再說/u,
  stopWaiting: /不用等了|不等了|不想等了|取消排隊|取消等待|不需要真人|不用轉接|不用真人|不需要客服了|不用客服了/u,
  askWaiting: /還要等多久|還要排多久|要等多久|前面還有幾個人|前面幾個人|排第幾|有人在嗎|有人嗎|在嗎|排到了嗎|還在排/u,
  smalltalk: [
    ['areYouBot', /你是(?:真人|機器人|人|bot|ai|客服機器人)|真人還是機器人|是不是機器人|是機器人嗎|機器人嗎|有真人嗎/u],
    ['bye', onlyOf(BYE, `${GREET}|${THANKS}|${FILL}`)],
    ['thanks', onlyOf(THANKS, `${GREET}|${FILL}`)],
    ['greeting', onlyOf(GREET, FILL)],
  ],
  countries: [
    ['TW', /(?:台灣|臺灣|台北|臺北)/u],
    ['FR', /(?:法國|巴黎)/u],
    ['PT', /(?:葡萄牙|里斯本)/u],
    ['KR', /(?:韓國|南韓|首爾)/u],
  ],
  inCountry: /(?:我們?(?:現在|目前)?人?(?:住在|住|在)|(?:現在|目前)?住在?|人在)(台灣|臺灣|法國|葡萄牙|韓國|南韓)/u,
  asksForThis: /^(?:(?:請)?(?:用|說|講|改用|換成)?(?:中文|繁體中文|國語|華語)(?:回答|回覆)?(?:好嗎|謝謝)?|lang:zh-TW)$/u,
};
