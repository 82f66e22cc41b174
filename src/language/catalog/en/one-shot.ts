/**
 * One-shot results (src/router/stages/one-shot.ts): what is added to a task's own wording when the result is
 * given at once, from a message that carried the task's inputs. English source. The figures come from
 * src/retrieval/policy.ts as parameters.
 */
export const oneShot = {
  'os.kr.overseasSame': 'The price is the same for a machine bought overseas, but the Korean warranty does not apply to it.',
  'os.kr.overseasOther': 'That is for a machine bought from Nespresso Korea; for one bought overseas it is {amount}, and the Korean warranty does not apply to it.',
  'os.kr.overseasNone':
    'That is for a machine bought from Nespresso Korea; for one bought overseas the price table gives no amount and the Korean warranty does not apply: the Nespresso Club on {contact} can tell you whether it can be repaired in Korea.',
  'os.w.assumedProof': 'I counted from the purchase date on your proof of purchase; without proof of purchase, the warranty starts {months} months after the manufacturing date.',
  'os.w.ifRegistered': 'That is without registration: if you registered the machine with Nespresso within {days} days of purchase, the warranty runs until {date}.',
} as const;
