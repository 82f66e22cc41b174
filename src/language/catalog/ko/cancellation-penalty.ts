import type { cancellationPenalty as En } from '../en/cancellation-penalty.js';

export const cancellationPenalty = {
  'cp.join2': '{first} {second}',
  'cp.join3': '{first} {second} {third}',
  'cp.label.months': '{months}개월',
  'cp.label.over': '약정이 끝났어요',
  'cp.label.noThanks': '괜찮아요',

  'cp.askCommitment': '머신 구독 약정 기간이 {short}개월인가요, {long}개월인가요?',
  'cp.reask.commitment': '머신 구독 약정은 {short}개월 또는 {long}개월이에요. 어느 쪽이세요?',
  'cp.askElapsed': '{commitment}개월 구독을 시작하신 지 몇 개월 됐나요? (예: "5개월" 또는 "2024년 3월부터")',
  'cp.reask.elapsed': '구독을 몇 개월 이용하셨는지(예: "5개월") 또는 언제 시작하셨는지(예: "2024년 3월부터") 알려 주세요.',
  'cp.askPriceWithout': '구독 없이 살 때의 머신 가격(정상가)은 얼마인가요?',
  'cp.askPriceWith': '그리고 구독으로 머신을 얼마에 구매하셨나요?',
  'cp.reask.amount': '유로 금액으로 알려 주세요. 예: "279유로" 또는 "€279".',
  'cp.reask.priceWithoutMin': '구독 없는 가격은 {min}보다 커야 해요.',
  'cp.askReceived':
    '제 한국 자료에는 머신 구독이 나와 있지 않고, 네스프레소 플러스 프로그램(머신 구매 후 커피 할인)이 나와 있어요. 반품 규정은 제품을 받으신 날짜에 따라 달라요. 언제 받으셨나요?',
  'cp.reask.date': '날짜를 읽지 못했어요. 받으신 날짜를 알려 주세요. 예: "2024-03-05", "2024년 3월" 또는 "2년 전".',
  'cp.reask.future': '받으신 날짜는 미래일 수 없어요(오늘은 {today}이에요). 다시 알려 주세요.',
  'cp.askUnopened': '제품을 아직 개봉하지 않으셨나요?',
  'cp.reask.unopened': '네(아직 미개봉) 또는 아니요로 답해 주세요.',
  'cp.undocumented': '{market} 관련 제 자료에는 머신 구독이나 해지 방법이 나와 있지 않아서 추측으로 안내해 드리지 않을게요. 네스프레소 {contact}로 문의해 주세요.',
  'cp.easyordering': 'Easyordering(캡슐 자동 재주문)을 말씀하시는 거라면, 판매 약관에 따르면 언제든지 무료로 취소할 수 있어요.',
  'cp.offerPerson': '지금 상담원을 연결해 드릴까요?',
  'cp.reask.person': '"{person}" 또는 "{noThanks}"를 선택해 주세요.',
  'cp.done.contact': '알겠어요. 네스프레소 {contact}로 연락하실 수 있어요.',

  'cp.penalty.rule': '약정 기간이 끝나기 전에는 해지 위약금이 구독 없는 머신 가격의 {percent}%에서 구독 가격을 뺀 금액이며, 0보다 적지 않아요:',
  'cp.penalty.working': '({without} × {rate}) − {with} = {result}.',
  'cp.penalty.workingRounded': '({without} × {rate}) − {with} = {result} (약 {rounded}).',
  'cp.penalty.workingBelowZero': '({without} × {rate}) − {with} = −{deficit}, 0보다 적으므로 {zero}.',
  'cp.penalty.costNothing': '따라서 지금 해지하시면 비용이 들지 않아요.',
  'cp.penalty.cost': '따라서 지금 해지하시면 {amount}이(가) 들어요.',
  'cp.penalty.costAbout': '따라서 지금 해지하시면 약 {amount}이(가) 들어요.',
  'cp.penalty.remaining': '{commitment}개월 중 {elapsed}개월이 지났어요. 남은 {left}개월이 지나면 무료로 해지할 수 있어요.',
  'cp.penalty.remainingOne': '{commitment}개월 중 {elapsed}개월이 지났어요. 남은 1개월이 지나면 무료로 해지할 수 있어요.',
  'cp.atTheEnd':
    '계약 종료 {months}개월 전에 만료를 알리는 이메일을 받으시게 돼요. 구독은 묵시적으로 갱신되며, 언제든지 네스프레소에 연락해 묵시적 갱신을 해제하실 수 있어요.',
  'cp.howToCancel':
    '해지는 nespresso.com에서 하세요: {path} (네스프레소 앱에서는 할 수 없어요). 해지가 등록되는 즉시 결제가 중단되며, 언제 해지하시든 머신은 고객님 소유로 남아요.',
  'cp.howToCancelApp': '해지는 nespresso.com에서 하세요: {path}. 해지가 등록되는 즉시 결제가 중단되며, 언제 해지하시든 머신은 고객님 소유로 남아요.',
  'cp.finished': '{commitment}개월 약정이 끝났으니 언제든지 수수료 없이 구독을 해지하실 수 있어요.',
  'cp.finishedUnknown': '{short}개월 또는 {long}개월 약정이 끝나면 언제든지 수수료 없이 구독을 해지하실 수 있어요.',
  'cp.kr.rule':
    '네스프레소 플러스 프로그램에서는 단순 변심에 의한 교환이나 환불이 미개봉 제품에 한해, 받으신 날부터 {days}일 이내에만 가능해요. 그 기간에 커피 주문 할인을 받으셨다면 할인받은 금액을 반환하고 관련 배송비를 부담하셔야 해요. 커피는 부티크에서 환불할 수 없고, 머신은 사용하지 않았다면 부티크에서 반품할 수 있어요.',
  'cp.kr.canReturn': '{days}일 전에 받으셨고 미개봉 상태이니 아직 반품하실 수 있어요.',
  'cp.kr.canReturnOne': '1일 전에 받으셨고 미개봉 상태이니 아직 반품하실 수 있어요.',
  'cp.kr.tooLate': '{days}일 전에 받으셔서 {limit}일이 넘었으므로 단순 변심 반품은 더 이상 적용되지 않아요.',
  'cp.kr.opened': '제품을 개봉하셨으므로 단순 변심 반품은 적용되지 않아요.',
  'cp.kr.contact': '그 밖의 문의는 네스프레소 클럽 {contact}로 해 주세요.',
} satisfies Record<keyof typeof En, string>;
