/**
 * Conversation repair inside a guided task (issue 16): the re-prompt ladder, "I don't know", corrections,
 * digressions and resuming a task (after a question or a hand-off). English source; labels ≤ 20 characters.
 */
export const repair = {
  'repair.label.keepGoing': 'Keep going',
  'repair.label.stop': 'Stop the task',
  'repair.label.continue': 'Continue',
  'repair.label.sameMachine': 'Yes, the same one',
  'repair.label.otherMachine': 'Another machine',

  /** The re-prompt ladder: 2nd miss (choices as buttons, or a simpler form of the question), 3rd miss (a person). */
  'repair.pick': 'Let me make it simpler: please tap one of these.',
  'repair.simple.model': 'Just the model name, please, as it is written on the machine: for example "Pixie" or "CitiZ".',
  'repair.simple.date': 'Just the month and year is enough, for example "March 2024".',
  'repair.simple.phone': 'Just the digits of your phone number, please.',
  'repair.simple.email': 'Just your email address, please, like name@example.com.',
  'repair.simple.name': 'Just your first and last name, please.',
  'repair.simple.address': 'Just the pickup address, please: {parts}.',
  'repair.simple.amount': 'Just the amount in euros, please, for example "279".',
  'repair.simple.months': 'Just the number of months, please, for example "8".',
  'repair.simple.other': 'Please answer in a few words.',
  'repair.offerPerson': "Sorry, I still can't read that answer. Would you like to talk to a person, keep going, or stop this task?",

  /** "I don't know", "I lost it", "what is that?": what the step asks and where to find it, then a way forward. */
  'repair.help.model': 'The model name is written on the machine itself, for example "Pixie", "CitiZ" or "Vertuo Next".',
  'repair.help.date': 'The date is on your receipt or invoice. If you do not have it, an approximate date is fine, for example "last March" or "2 years ago".',
  'repair.help.proof': 'The proof of purchase is the receipt or invoice. If you do not have it, answer "No": the booking goes on without it.',
  'repair.help.phone': 'The service team will call you on this number about your repair.',
  'repair.help.booking': 'This is needed for the booking; you can still change it at the summary before anything is booked.',
  'repair.help.generic': 'No problem.',
  'repair.wayForward': "If you can't answer this, a person from our team can help, or you can stop here.",

  /** A slot corrected in passing ("actually it's an Essenza Mini", "my phone is 0987 654 321"). */
  'repair.corrected': 'Thanks, I have changed that.',

  /** After a question answered in the middle of a task, and after an agent hands the conversation back. */
  'repair.goOn': 'Shall we go on with {task}?',
  'repair.backGoOn': "You're back with the assistant. Shall we go on with {task}?",
  'repair.task.passwordReset': 'your password reset',
  'repair.task.noWater': 'the no-water steps',
  'repair.task.repairBooking': 'your repair booking',
  'repair.task.cancellationPenalty': 'your cancellation penalty',

  /** A new repair booking after a finished one, when the message names no machine. */
  'repair.sameMachine': 'Is it the same {model} as in your last booking?',
  /** A repair booking after a one-shot result (warranty, KR repair price) keeps what the customer told us for it. */
  'repair.kept': 'Booking a repair for your {model}.',
  'repair.keptBought': 'Booking a repair for your {model} bought on {date}.',
  'repair.keptBoughtAbout': 'Booking a repair for your {model} bought around {date}.',
  /** The same, where the "same machine?" hygiene applies (a machine known from before). */
  'repair.sameResultMachine': 'Is the booking for the {model} you just asked about?',
} as const;
