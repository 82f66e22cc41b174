/**
 * The words of the answer parsers and the step kit shared by every guided task: why an answer was not
 * taken (re-prompts) and the shared button labels. English source; `{param}` slots as in render.ts.
 */
export const answers = {
  /** What the customer or another module wrote, verbatim (transitional prompts that are still plain text). */
  'ans.text': '{text}',
  /** Sentences of one paragraph (a prompt given as sentences, with a re-prompt's reason before it). */
  'ans.then': '{first} {next}',
  'ans.unreadable': 'I could not read that.',
  'ans.notCaught': 'Sorry, I did not catch that. {expected}',
  'ans.yesNo': 'Please answer yes or no.',
  'ans.notSure': "That's all right if you are not sure. Please answer yes or no as best you can; you can still change it at the summary before anything is booked.",
  'ans.question': 'That sounds like a question rather than an answer.',
  'ans.date.unreadable': 'I could not read a date there. Please give the {what}, e.g. "2024-03-05", "March 2024" or "2 years ago".',
  'ans.date.future': 'The {what} cannot be in the future (today is {today}). Please give it again.',
  'ans.what.purchaseDate': 'purchase date',
  'ans.what.manufacturingDate': 'manufacturing date',
  'ans.what.registrationDate': 'registration date',
  'ans.what.repairDate': 'repair date',
  'ans.what.startDate': 'start date',
  'ans.what.date': 'date',
  'ans.money': 'Please give an amount in euros, e.g. "€279" or "279 euros".',
  'ans.months': 'Please tell me how many months the subscription has run, e.g. "5 months", or when it started, e.g. "since March 2024".',
  'ans.phone': 'That does not look like a phone number. Please type it with its digits only, e.g. {example}.',
  'ans.email': 'That email address looks incomplete. It should look like name@example.com.',
  'ans.address.outlyingTW': "The Nespresso Assistance Package collects machines from an address in Taiwan excluding outlying island areas, so this address cannot be used for the collection. Please give an address on Taiwan's main island, or call the Nespresso Club on {contact} to arrange another way.",
  'ans.name.notAName': "That looks like an answer rather than a name. Please give the full name for the booking.",
  'ans.name.short': 'Please give the full name for the booking (at least two letters).',
  'ans.name.long': 'That is a bit long for a name: please give just the first and last name.',
  'ans.name.letters': 'A name can only hold letters, spaces, hyphens and apostrophes. Please give the full name for the booking.',
  'ans.address.short': 'That address looks too short. Please give the full pickup address: {parts}.',
  'ans.address.long': 'That address is too long. Please give just {parts}.',
  'ans.address.number': 'Please give the full pickup address, with the street number{andPostcode}.',
  'ans.address.andPostcode': ' and postcode',
  'ans.address.parts': 'street and number, postcode and city',
  'ans.address.partsTW': 'street and number, district and city',
  'ans.address.partsKR': 'city, district, road and building number',
  'ans.label.noThanks': 'No, thanks',
  'ans.label.dontKnow': "I don't know",
  /** A "did you mean" with one plausible candidate: it is answered, and the customer asked whether that helped. */
  'ans.faq.tentative': 'I think this is what you are asking about:',
  'ans.faq.helped': 'Did that help?',
  'ans.label.helped': 'Yes, that helped',
  'ans.label.notHelped': 'No, not that',
} as const;
