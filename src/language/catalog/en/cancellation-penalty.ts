/** The words of the cancellation task, English source. See ../index.ts. */
export const cancellationPenalty = {
  /** Sentences of one paragraph, in this language's spacing. */
  'cp.join2': '{first} {second}',
  'cp.join3': '{first} {second} {third}',
  'cp.label.months': '{months} months',
  'cp.label.over': 'Commitment is over',
  'cp.label.noThanks': 'No, thanks',

  'cp.askCommitment': 'Is your machine subscription a {short}- or {long}-month commitment?',
  'cp.reask.commitment': 'Machine subscriptions commit you for {short} or {long} months. Which one is yours?',
  'cp.askElapsed': 'How many months ago did your {commitment}-month subscription start? (For example "5 months", or "since March 2024".)',
  'cp.reask.elapsed': 'Please tell me how many months the subscription has run, e.g. "5 months", or when it started, e.g. "since March 2024".',
  'cp.askPriceWithout': 'What is the price of your machine without a subscription (its normal price)?',
  'cp.askPriceWith': 'And what price did you pay for the machine under the subscription?',
  'cp.reask.amount': 'Please give an amount in euros, e.g. "€279" or "279 euros".',
  'cp.reask.priceWithoutMin': 'The price without subscription should be more than {min}.',
  'cp.askReceived':
    'My Korean documents do not describe a machine subscription; they describe the Nespresso Plus programme (coffee discounts after buying a machine), whose return rules depend on when you received the product. When did you receive it?',
  'cp.reask.date': 'I could not read a date there. Please give the date you received it, e.g. "2024-03-05", "March 2024" or "2 years ago".',
  'cp.reask.future': 'The date you received it cannot be in the future (today is {today}). Please give it again.',
  'cp.askUnopened': 'Is the product still unopened?',
  'cp.reask.unopened': 'Please answer yes (still unopened) or no.',
  'cp.undocumented': "My documents for {market} do not describe a machine subscription or how to cancel one, so I won't guess. Please contact Nespresso on {contact}.",
  'cp.easyordering': 'If you mean Easyordering (automatic re-orders of capsules), the terms of sale say you can cancel it at any time and for free.',
  'cp.offerPerson': 'Would you like me to put you through to a person now?',
  'cp.reask.person': 'Please choose "{person}" or "{noThanks}".',
  'cp.done.contact': 'All right. You can reach Nespresso on {contact}.',

  'cp.penalty.rule': "Before the end of the commitment, the cancellation fee is {percent}% of the machine's price without subscription, minus its price under the subscription, and never below zero:",
  'cp.penalty.working': '({without} × {rate}) − {with} = {result}.',
  'cp.penalty.workingRounded': '({without} × {rate}) − {with} = {result} (about {rounded}).',
  'cp.penalty.workingBelowZero': '({without} × {rate}) − {with} = −{deficit}, which is below zero, so {zero}.',
  'cp.penalty.costNothing': 'So cancelling now would cost nothing.',
  'cp.penalty.cost': 'So cancelling now would cost {amount}.',
  'cp.penalty.costAbout': 'So cancelling now would cost about {amount}.',
  'cp.penalty.remaining': 'You are {elapsed} months into {commitment}: after the remaining {left} months, cancelling is free.',
  'cp.penalty.remainingFirst': 'You are 1 month into {commitment}: after the remaining {left} months, cancelling is free.',
  'cp.penalty.remainingOne': 'You are {elapsed} months into {commitment}: after the remaining 1 month, cancelling is free.',
  'cp.atTheEnd':
    'You will receive an email {months} months before the end of your contract, reminding you that it expires; the subscription renews tacitly, and you can contact Nespresso at any time to remove the tacit renewal.',
  'cp.cancelPath': 'My Account → My Subscriptions → Cancel My Subscription',
  'cp.howToCancel':
    'You cancel on nespresso.com: {path} (this is not possible in the Nespresso app). Payments stop as soon as the cancellation is recorded, and the machine remains your property whenever you cancel.',
  'cp.howToCancelApp':
    'You cancel on nespresso.com: {path}. Payments stop as soon as the cancellation is recorded, and the machine remains your property whenever you cancel.',
  'cp.finished': 'Your {commitment}-month commitment is complete, so you can cancel your subscription at any time, without any fees.',
  'cp.finishedUnknown': 'Once your {short}- or {long}-month commitment is completed, you can cancel your subscription at any time, without any fees.',
  'cp.kr.rule':
    'The Nespresso Plus programme allows an exchange or refund for a simple change of mind only for unopened products, within {days} days of receiving them. If you received a discount on coffee orders within that period, you need to return the discounted amount and pay the related delivery fee. Coffee cannot be refunded at boutiques; a machine can be returned there if it has not been used.',
  'cp.kr.canReturn': 'You received it {days} days ago and it is unopened, so you can still return it.',
  'cp.kr.canReturnOne': 'You received it 1 day ago and it is unopened, so you can still return it.',
  'cp.kr.tooLate': 'You received it {days} days ago, more than {limit} days, so the change-of-mind return no longer applies.',
  'cp.kr.opened': 'As the product has been opened, the change-of-mind return does not apply; a machine that has not been used can still be returned at a boutique.',
  'cp.kr.contact': 'For anything else, please contact the Nespresso Club on {contact}.',
} as const;
