import type { oneShot as En } from '../en/one-shot.js';

export const oneShot = {
  'os.kr.overseasSame': '在海外購買的機器價格相同，但不適用韓國保固。',
  'os.kr.overseasOther': '以上是向韓國 Nespresso 購買的機器的價格；在海外購買的機器為 {amount}，且不適用韓國保固。',
  'os.kr.overseasNone': '以上是向韓國 Nespresso 購買的機器的價格；在海外購買的機器，價目表沒有列出金額，也不適用韓國保固。請撥打 {contact} 向 Nespresso 俱樂部確認能否在韓國維修。',
  'os.w.assumedProof': '我是從購買證明上的購買日期開始計算的；沒有購買證明時，保固從製造日期後 {months} 個月開始計算。',
  'os.w.ifRegistered': '以上是未註冊的情況；如果您在購買後 {days} 天內向 Nespresso 註冊了這台機器，保固到 {date} 為止。',
} satisfies Record<keyof typeof En, string>;
