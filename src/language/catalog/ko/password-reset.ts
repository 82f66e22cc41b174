import type { passwordReset as En } from '../en/password-reset.js';

export const passwordReset = {
  'pr.label.forgot': '비밀번호를 잊었어요',
  'pr.label.expired': '링크가 만료됐어요',
  'pr.label.notReceived': '메일이 안 왔어요',
  'pr.label.forgotEmail': '이메일을 잊었어요',
  'pr.label.otherChannel': '다른 곳에서 샀어요',
  'pr.label.worked': '네, 됐어요',
  'pr.label.noEmail': '메일이 안 왔어요',
  'pr.label.nespresso': '네스프레소에 이메일 제공',
  'pr.label.marketplace': 'MOMO, PCHOME, YAHOO…',
  'pr.label.neverGave': '이메일을 준 적 없어요',
  'pr.label.noThanks': '괜찮아요',

  'pr.askSituation': '네스프레소 계정에 다시 로그인하실 수 있도록 도와드릴게요. 어떤 일이 있으셨나요?',
  'pr.linkForgot':
    '재설정하려면 www.nespresso.com에 접속해 "비밀번호를 잊으셨나요?" 링크를 눌러 이메일로 새 비밀번호를 요청하세요. 재설정 링크는 {hours}시간 동안만 유효해요.',
  'pr.linkExpired':
    '재설정 링크는 {hours}시간 동안만 유효하므로 새 링크가 필요해요. www.nespresso.com에 접속해 "비밀번호를 잊으셨나요?" 링크를 눌러 이메일로 새 비밀번호를 요청하세요. 새 링크는 {hours}시간 안에 사용하세요.',
  'pr.linkOtherChannel':
    '다른 채널을 통해 네스프레소 제품을 주문하면서 이메일 주소를 알려 주셨다면, 온라인 계정의 비밀번호를 재설정하는 이메일을 받으셨을 거예요. 그 링크는 {hours}시간 동안 유효해요. 링크가 더 이상 작동하지 않거나 이메일을 놓치셨다면 직접 계정을 활성화하세요. www.nespresso.com에 접속해 "비밀번호를 잊으셨나요?" 링크를 눌러 이메일로 새 비밀번호를 요청하시면 돼요. 이메일이 오지 않으면 휴지통과 정크 메일함, 스팸 메일함을 확인해 주세요. 이메일이 그쪽으로 분류되는 경우가 있어요.',
  'pr.didItWork': '해결되셨나요?',
  'pr.askFound': '재설정 이메일이 다른 메일함으로 들어가는 경우가 있어요. 이메일이 그쪽으로 분류되기도 하니 휴지통과 정크 메일함, 스팸 메일함을 확인해 주세요.',
  'pr.foundThere': '거기에서 찾으셨나요?',
  'pr.askChannel': '네스프레소 제품을 어디에서 구매하셨고, 주문할 때 이메일 주소를 알려 주셨나요?',
  'pr.askMisuse':
    '포르투갈 판매 약관은 비밀번호를 철저히 비밀로 유지하도록 요구해요. 고객님이 모르는 사이에 이루어진 주문이라도 그 비밀번호로 한 주문은 고객님 책임이에요. 다른 사람이 비밀번호를 알고 있거나 사용했다고 생각하시나요?',
  'pr.contact.ptMisuse': '즉시 네스프레소에 알려 주세요. {contact}로 전화하시거나 nespresso.com의 문의 양식을 이용하세요.',
  'pr.contact.pt':
    '포르투갈 약관에는 비밀번호 재설정 방법이 나와 있지 않아요. 계정 관련 도움이 필요하시면 네스프레소 {contact}로 문의하시거나 nespresso.com의 문의 양식을 이용하세요.',
  'pr.contact.other': '{market} 관련 제 자료에는 비밀번호 재설정 방법이 나와 있지 않아서 추측으로 안내해 드리지 않을게요. 네스프레소 {contact}로 문의해 주세요.',
  'pr.contact.forgotEmail': '계정에 등록된 이메일 주소를 확인하시려면 네스프레소 {contact} 또는 이메일로 문의해 주세요.',
  'pr.contact.otherChannel':
    '네스프레소에 이메일 주소를 등록하신 적이 없거나 MOMO, PCHOME, YAHOO 또는 다른 오픈마켓에서 주문하셨다면 네스프레소 {contact} 또는 이메일로 문의해 주세요. 온라인 계정을 만들어 드릴 수 있어요.',
  'pr.contact.notReceived': '그 메일함들 어디에도 이메일이 없다면 네스프레소 {contact} 또는 이메일로 문의해 주세요.',
  'pr.contact.stuck': '링크가 여전히 작동하지 않으니 네스프레소 {contact} 또는 이메일로 문의해 주세요.',
  'pr.offerPerson': '지금 상담원을 연결해 드릴까요?',
  'pr.done.worked': '다시 로그인하셨네요. 다음에 또 필요하시면 재설정 링크는 {hours}시간 동안 유효하다는 점을 기억해 주세요.',
  'pr.done.found':
    '좋아요. 그 이메일의 링크는 {hours}시간 동안만 유효하니 빨리 사용하세요. 만료됐다면 www.nespresso.com에서 "비밀번호를 잊으셨나요?"로 새 링크를 요청하세요.',
  'pr.done.contact': '알겠어요. 네스프레소 {contact}로 연락하실 수 있어요.',
  'pr.reask.pick': '죄송해요, 잘 이해하지 못했어요. 선택지 중 하나를 골라 주세요.',
  'pr.reask.worked': '해결됐는지, 아니면 어떤 문제가 있었는지 알려 주세요.',
  'pr.reask.yesNo': '네 또는 아니요로 답해 주세요.',
  'pr.reask.person': '"{person}" 또는 "{noThanks}"를 선택해 주세요.',
} satisfies Record<keyof typeof En, string>;
