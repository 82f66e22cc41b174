import type { noWater as En } from '../en/no-water.js';

export const noWater = {
  'nw.label.another': '다른 모델',
  'nw.label.flows': '네, 물이 나와요',
  'nw.label.nothing': '아니요, 여전히 안 나와요',
  'nw.label.noThanks': '괜찮아요',

  'nw.machine': '머신',
  'nw.askModel': '어떤 네스프레소 머신을 쓰고 계세요? 모델에 따라 방법이 달라요.',
  'nw.reask.model': '모르는 모델이에요. 목록에서 고르시거나, 머신에 적힌 이름을 입력하시거나, "{another}"를 선택해 주세요.',
  'nw.slider': '슬라이더를 여러 번 열었다 닫아 주세요. 추출구로 물이 나오기 시작하면 공기 방울이 빠진 거예요.',
  'nw.autoPrime':
    '1. 물통을 채워 주세요.\n2. 캡슐 투입구에 있는 캡슐을 빼 주세요.\n3. 커피 레버를 닫아 주세요.\n4. 큰 컵 버튼을 눌러 주세요. 자동 프라이밍 기능이 회로 안의 공기를 밀어내요.\n추출구로 물이 나오기 시작하면 공기 방울이 빠진 거예요.',
  'nw.firstTry':
    '추출구로 물이 나오지 않으면 {model}에 공기 방울이 생겼을 수 있어요. 주로 물통이 비었을 때나 한동안 사용하지 않았을 때 생겨요. 공기 방울을 빼려면:\n{steps}',
  'nw.didWaterCome': '물이 나왔나요?',
  'nw.nextTry': '{max}번 중 {try}번째 시도였어요. 한 번 더 해 보세요:\n{steps}',
  'nw.didWaterComeNow': '이번에는 물이 나왔나요?',
  'nw.rest': '{max}번 시도하셨으니 머신을 {minutes}분 동안 쉬게 한 뒤 한 번 더 해 보세요. 해 보시고 알려 주세요. 쉬게 한 뒤에 물이 나왔나요?',
  'nw.reask.yesNo': '물이 나왔는지 네 또는 아니요로 알려 주세요.',
  'nw.help': '{model}에서 여전히 물이 나오지 않는다니 죄송해요. 수리 예약을 시작하거나 상담원을 연결해 드릴 수 있어요. 네스프레소 {contact}로 전화하셔도 돼요.',
  'nw.notDocumented':
    '제 자료에는 이 해결 방법이 {autoPrime}(자동 프라이밍)와 {slider}(슬라이더)에 대해서만 나와 있어요. 네스프레소 {contact}에서 도와드릴 수 있어요. 수리 예약을 시작하거나 상담원을 연결해 드릴 수도 있어요.',
  'nw.notDocumentedModel':
    '제 자료에는 이 해결 방법이 {autoPrime}(자동 프라이밍)와 {slider}(슬라이더)에 대해서만 나와 있고, {model}에 대해서는 나와 있지 않아요. 네스프레소 {contact}에서 도와드릴 수 있어요. 수리 예약을 시작하거나 상담원을 연결해 드릴 수도 있어요.',
  'nw.reask.help': '"{repair}", "{person}", "{noThanks}" 중에서 선택해 주세요.',
  'nw.fixed': '좋은 소식이에요. 공기 방울이 빠져서 {model}이(가) 다시 작동해요. 맛있는 커피 즐기세요!',
} satisfies Record<keyof typeof En, string>;
