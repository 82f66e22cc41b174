import type { oneShot as En } from '../en/one-shot.js';

export const oneShot = {
  'os.kr.overseasSame': '해외에서 구매한 기기도 금액은 같지만, 한국 보증은 적용되지 않아요.',
  'os.kr.overseasOther': '이 금액은 네스프레소 코리아에서 구매한 기기 기준이에요. 해외에서 구매한 기기는 {amount}이고, 한국 보증은 적용되지 않아요.',
  'os.kr.overseasNone': '이 금액은 네스프레소 코리아에서 구매한 기기 기준이에요. 해외에서 구매한 기기는 가격표에 금액이 나와 있지 않고 한국 보증도 적용되지 않아요. 한국에서 수리할 수 있는지는 네스프레소 클럽에 확인해 주세요: {contact}.',
  'os.w.assumedProof': '구매 증빙에 적힌 구매일부터 계산했어요. 구매 증빙이 없으면 보증 기간은 제조일로부터 {months}개월 후에 시작돼요.',
  'os.w.ifRegistered': '등록하지 않은 경우 기준이에요. 구매 후 {days}일 이내에 네스프레소에 머신을 등록하셨다면 보증 기간은 {date}까지예요.',
} satisfies Record<keyof typeof En, string>;
