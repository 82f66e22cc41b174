/**
 * Korean, a customer in Korea (locale ko-KR): the four guided tasks as chats, every reply in Korean, Korea's
 * numbers, rules and costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices, dialogOf, startAtToday, support, type TestService } from '../support.js';
import { Chat, REFERENCE } from './chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const chat = () => new Chat(svc, 'ko-KR', 'ko', 'KR');
const KR_CONTACT = '080-734-1111 (무료, 연중무휴 24시간)';

describe('ko (Korea)', () => {
  it('비밀번호 재설정: 한국 자료에 없어서 연락처 안내, "상담원 연결해 주세요" → 상담원 연결', async () => {
    const c = chat();

    const contact = await c.step('비밀번호를 잊어버렸어요', 'passwordReset', 'offeringPerson');
    expect(contact.text).toMatch(/^한국 관련 제 자료에는 비밀번호 재설정 방법이 나와 있지 않아서 추측으로 안내해 드리지 않을게요\./);
    expect(contact.text).toContain(`네스프레소 ${KR_CONTACT}로 문의해 주세요.`);
    expect(choices(contact)).toEqual(['상담원 연결', '괜찮아요']);

    const [handoff] = await c.say('상담원 연결해 주세요');
    expect(support(handoff)?.kind).toBe('handoff');
    expect(handoff?.text).toMatch(/^고객지원팀 상담원에게 연결해 드릴게요\./);
    expect(handoff?.text).toContain('한국 상담팀은 연중무휴 24시간 운영해요.');
    expect(choices(handoff)).toEqual(['대기 취소']);
  });

  it('물이 안 나와요: "픽시예요", "안 나와요" 다섯 번, 30분 휴식, 그래도 안 나오면 같은 기기로 수리 예약', async () => {
    const c = chat();

    const model = await c.step('커피머신에서 물이 안 나와요', 'noWater', 'askingModel');
    expect(model.text).toBe('어떤 네스프레소 머신을 쓰고 계세요? 모델에 따라 방법이 달라요.');

    const steps = await c.step('픽시예요', 'noWater', 'tryingFix');
    expect(steps.text).toMatch(/^추출구로 물이 나오지 않으면 Pixie에 공기 방울이 생겼을 수 있어요\./);
    expect(steps.text).toContain('4. 큰 컵 버튼을 눌러 주세요.');
    expect(choices(steps)).toEqual(['네, 물이 나와요', '아니요, 여전히 안 나와요']);

    for (const n of [1, 2, 3, 4]) {
      const again = await c.step('안 나와요', 'noWater', 'tryingFix');
      expect(again.text).toMatch(new RegExp(`^5번 중 ${n}번째 시도였어요\\. 한 번 더 해 보세요:`));
    }
    const rest = await c.step('안 나와요', 'noWater', 'resting');
    expect(rest.text).toMatch(/^5번 시도하셨으니 머신을 30분 동안 쉬게 한 뒤 한 번 더 해 보세요\./);

    const offer = await c.step('쉬게 했는데도 안 나와요', 'noWater', 'offeringHelp');
    expect(offer.text).toBe(
      `Pixie에서 여전히 물이 나오지 않는다니 죄송해요. 수리 예약을 시작하거나 상담원을 연결해 드릴 수 있어요. 네스프레소 ${KR_CONTACT}로 전화하셔도 돼요.`,
    );
    expect(choices(offer)).toEqual(['수리 예약', '상담원 연결', '괜찮아요']);

    const origin = await c.step('수리 예약할게요', 'repairBooking', 'askingOrigin');
    expect(origin.text).toMatch(/^Pixie를 네스프레소 코리아에서 구매하셨나요/);
  });

  it('수리 예약: "작년 3월에 샀어요", 보증 종료와 C 그룹 비용, 서울 주소와 010 번호, 요약에서 "사실 에센자 미니예요" 정정', async () => {
    const c = chat();

    const origin = await c.step('시티즈 수리 예약하고 싶어요', 'repairBooking', 'askingOrigin');
    expect(choices(origin)).toEqual(['네스프레소 코리아', '해외 구매']);
    const date = await c.step('네스프레소 코리아에서 샀어요', 'repairBooking', 'askingPurchaseDate');
    expect(date.text).toMatch(/^CitiZ를 언제 구매하셨나요\?/);
    await c.step('작년 3월에 샀어요', 'repairBooking', 'askingProof');
    const registered = await c.step('네, 영수증 있어요', 'repairBooking', 'askingRegistration');
    expect(registered.text).toContain('구매 후 30일 이내에 등록하면 보증 기간이 12개월 늘어나요.');
    await c.step('아니요', 'repairBooking', 'askingLastRepair');

    const [terms, rental] = await c.say('아니요, 수리한 적 없어요');
    expect(terms?.text).toMatch(/^CitiZ의 보증 기간은 2025년 2월 28일에 끝났어요\./);
    expect(terms?.text).toContain('2024년 3월 1일부터 계산했어요');
    expect(terms?.text).toContain('CitiZ는 C(권장 소비자 가격 200,000원 이상) 그룹으로 40,000원이에요.');
    expect(terms?.text).toContain('대여 기기(5,000원)');
    expect(terms?.text).toContain('배송비 10,000원을 뺀 금액을 환불해 드려요.');
    expect(dialogOf(rental)).toEqual({ dialog: 'repairBooking', step: 'askingRental' });

    await c.step('아니요, 필요 없어요', 'repairBooking', 'askingName');
    await c.step('김민지', 'repairBooking', 'askingPhone');
    await c.step('010-1234-5678', 'repairBooking', 'askingEmail');
    await c.step('minji@example.kr', 'repairBooking', 'askingAddress');
    const summary = await c.step('서울시 중구 세종대로 12', 'repairBooking', 'confirming');
    expect(summary.text).toContain('• 기기: CitiZ\n• 구매일: 2024년 3월 1일(대략), 구매 증빙: 예');
    expect(summary.text).toContain('• 보증: 2025년 2월 28일에 종료\n• 비용: 35,000원(대여 기기 제외), 선결제');
    expect(summary.text).toContain('• 이름: 김민지\n• 전화번호: 01012345678\n• 이메일: minji@example.kr\n• 주소: 서울시 중구 세종대로 12');

    // The machine is corrected at the summary: what depends on it (registration, cost, rental) is asked again.
    await c.step('아, 사실 에센자 미니예요', 'repairBooking', 'askingRegistration');
    const [corrected, rentalAgain] = await c.say('아니요');
    expect(corrected?.text).toMatch(/^Essenza Mini의 보증 기간은 2025년 2월 28일에 끝났어요\./);
    expect(corrected?.text).toContain('Essenza Mini는 D(권장 소비자 가격 200,000원 미만) 그룹으로 30,000원이에요.');
    expect(dialogOf(rentalAgain)).toEqual({ dialog: 'repairBooking', step: 'askingRental' });
    const summary2 = await c.step('아니요', 'repairBooking', 'confirming');
    expect(summary2.text).toContain('• 기기: Essenza Mini');
    expect(summary2.text).toContain('• 비용: 25,000원(대여 기기 제외), 선결제');
    expect(summary2.text).toContain('• 전화번호: 01012345678');

    const saved = await c.step('확인', 'repairBooking', 'done');
    expect(saved.text).toMatch(/^수리 예약이 저장되었어요\. 예약 번호는 R-[A-Z0-9]{6}예요\./);
    expect(saved.text).toMatch(REFERENCE);
  });

  it('플러스 프로그램 반품: "3일 전에 받았어요", 미개봉이라 아직 반품 가능', async () => {
    const c = chat();

    const received = await c.step('플러스 프로그램 기기를 반품하고 싶어요', 'cancellationPenalty', 'askingReceivedDate');
    expect(received.text).toMatch(/^제 한국 자료에는 머신 구독이 나와 있지 않고, 네스프레소 플러스 프로그램/);

    const unopened = await c.step('3일 전에 받았어요', 'cancellationPenalty', 'askingUnopened');
    expect(unopened.text).toBe('제품을 아직 개봉하지 않으셨나요?');

    const rules = await c.step('네, 아직 안 뜯었어요', 'cancellationPenalty', 'done');
    expect(rules.text).toContain('미개봉 제품에 한해, 받으신 날부터 7일 이내에만 가능해요');
    expect(rules.text).toContain('3일 전에 받으셨고 미개봉 상태이니 아직 반품하실 수 있어요.');
    expect(rules.text).toContain(`네스프레소 클럽 ${KR_CONTACT}`);
    expect(rules.text).not.toMatch(/€|0\.8/);
  });
});
