import { describe, expect, it } from 'vitest';
import { finalSound, resolveKoreanParticles } from '../../src/language/korean-particles.js';

describe('Korean particles after a parameter', () => {
  it.each([
    ['CitiZ이(가) 다시 작동해요', 'CitiZ가 다시 작동해요'],
    ['Lattissima One이(가) 다시 작동해요', 'Lattissima One이 다시 작동해요'],
    ['물이 나오지 않을 때 점검을(를) 계속 진행할까요?', '물이 나오지 않을 때 점검을 계속 진행할까요?'],
    ['수리 예약을(를) 계속 진행할까요?', '수리 예약을 계속 진행할까요?'],
    ['비밀번호 재설정을(를) 계속할까요?', '비밀번호 재설정을 계속할까요?'],
    ['080-734-1111 (연중무휴 24시간)(으)로 전화하셔도 돼요.', '080-734-1111 (연중무휴 24시간)로 전화하셔도 돼요.'],
    ['0800 55 52 53 (무료 전화)(으)로 전화해 주세요.', '0800 55 52 53 (무료 전화)으로 전화해 주세요.'],
    ['예약 번호 R-AB12CD(으)로 된 예약', '예약 번호 R-AB12CD로 된 예약'],
    ['따라서 지금 해지하시면 124.20유로이(가) 들어요.', '따라서 지금 해지하시면 124.20유로가 들어요.'],
    ['따라서 지금 해지하시면 40,000원이(가) 들어요.', '따라서 지금 해지하시면 40,000원이 들어요.'],
    ['구매일은(는) 미래일 수 없어요', '구매일은 미래일 수 없어요'],
    ['Pixie와(과) Essenza Mini', 'Pixie와 Essenza Mini'],
    ['서울(으)로', '서울로'],
    ['Vertuo Pop은(는) 2026년 4월 15일까지 보증돼요.', 'Vertuo Pop은 2026년 4월 15일까지 보증돼요.'],
    ['Vertuo Next은(는) B 그룹이에요', 'Vertuo Next는 B 그룹이에요'],
    ['부산(으)로', '부산으로'],
  ])('%s → %s', (text, want) => {
    expect(resolveKoreanParticles(text)).toBe(want);
  });

  it('reads the final sound of digits, Latin words and Hangul', () => {
    expect(['0', '1', '2', '3', '6', '7'].map(finalSound)).toEqual(['consonant', 'rieul', 'none', 'consonant', 'consonant', 'rieul']);
    expect(['Pixie', 'Vertuo Next', 'Expert', 'Creatista Plus', 'Essenza Mini', 'Lattissima One', 'Zenius', 'Gemini'].map(finalSound)).toEqual([
      'none', 'none', 'none', 'none', 'none', 'consonant', 'none', 'none',
    ]);
    expect(['물', '점검', '머신', '보증'].map(finalSound)).toEqual(['rieul', 'consonant', 'consonant', 'consonant']);
  });

  it('leaves text without a doubled particle alone', () => {
    expect(resolveKoreanParticles('괄호 (참고) 안의 내용')).toBe('괄호 (참고) 안의 내용');
  });
});
