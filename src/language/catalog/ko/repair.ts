import type { repair as En } from '../en/repair.js';

export const repair = {
  'repair.label.keepGoing': '계속 진행',
  'repair.label.stop': '그만하기',
  'repair.label.continue': '계속하기',
  'repair.label.sameMachine': '네, 같은 기기예요',
  'repair.label.otherMachine': '다른 기기예요',

  'repair.pick': '더 간단하게 해 볼게요. 아래에서 하나를 눌러 주세요.',
  'repair.simple.model': '기기에 적힌 모델명만 입력해 주세요. 예: "Pixie", "CitiZ".',
  'repair.simple.date': '연도와 월만 알려 주셔도 돼요. 예: "2024년 3월".',
  'repair.simple.phone': '전화번호 숫자만 입력해 주세요.',
  'repair.simple.email': '이메일 주소만 입력해 주세요. 예: name@example.com',
  'repair.simple.name': '성함만 입력해 주세요.',
  'repair.simple.address': '수거 주소만 입력해 주세요: {parts}.',
  'repair.simple.amount': '금액만 유로로 입력해 주세요. 예: "279".',
  'repair.simple.months': '개월 수만 입력해 주세요. 예: "8".',
  'repair.simple.other': '짧게 답해 주세요.',
  'repair.offerPerson': '죄송해요, 아직도 답변을 이해하지 못했어요. 상담원과 이야기하시겠어요, 계속 진행하시겠어요, 아니면 여기서 그만하시겠어요?',

  'repair.help.model': '모델명은 기기에 직접 적혀 있어요. 예: "Pixie", "CitiZ", "Vertuo Next".',
  'repair.help.date': '날짜는 영수증이나 인보이스에 있어요. 없으시면 대략적인 날짜도 괜찮아요. 예: "작년 3월", "2년 전".',
  'repair.help.proof': '구매 증빙은 영수증이나 인보이스예요. 없으시면 "아니요"라고 답해 주세요. 증빙 없이도 접수를 계속할 수 있어요.',
  'repair.help.phone': '서비스팀이 수리와 관련해 이 번호로 연락드려요.',
  'repair.help.booking': '예약에 필요한 정보예요. 예약이 확정되기 전 요약 단계에서 언제든 바꾸실 수 있어요.',
  'repair.help.generic': '괜찮아요.',
  'repair.wayForward': '답하기 어려우시면 상담원이 도와드릴 수 있고, 여기서 그만하셔도 돼요.',

  'repair.corrected': '감사합니다, 변경했어요.',

  'repair.goOn': '{task}을(를) 계속 진행할까요?',
  'repair.backGoOn': '다시 도우미가 도와드릴게요. {task}을(를) 계속 진행할까요?',
  'repair.task.passwordReset': '비밀번호 재설정',
  'repair.task.noWater': '물이 나오지 않을 때 점검',
  'repair.task.repairBooking': '수리 접수',
  'repair.task.cancellationPenalty': '해지 위약금 계산',

  'repair.sameMachine': '지난번 접수하신 {model}와(과) 같은 기기인가요?',
  'repair.kept': '{model} 수리 접수를 진행할게요.',
  'repair.keptBought': '{date}에 구매하신 {model} 수리 접수를 진행할게요.',
  'repair.keptBoughtAbout': '{date}쯤 구매하신 {model} 수리 접수를 진행할게요.',
  'repair.sameResultMachine': '방금 문의하신 {model} 수리를 접수할까요?',
} satisfies Record<keyof typeof En, string>;
