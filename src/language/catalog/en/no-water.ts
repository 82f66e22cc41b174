/** The words of the no-water task, English source. See ../index.ts. */
export const noWater = {
  'nw.label.another': 'Another model',
  'nw.label.flows': 'Yes, water flows',
  'nw.label.nothing': 'No, still nothing',
  'nw.label.noThanks': 'No, thanks',

  'nw.machine': 'machine',
  'nw.askModel': 'Which Nespresso machine do you have? The steps depend on the model.',
  'nw.reask.model': 'I do not know that model. Please pick it from the list, type its name as written on the machine, or choose "{another}".',
  'nw.slider': 'Open and close the slider a few times. When water begins to flow through the spout, the air bubble has been released.',
  'nw.autoPrime':
    '1. Fill the water tank.\n2. Eject any capsule from the chamber.\n3. Close the coffee lever.\n4. Press the large cup button: the auto-prime function pushes the air out of the circuit.\nWhen water begins to flow through the spout, the air bubble has been released.',
  'nw.firstTry':
    'When no water comes out of the spout, your {model} may have an air bubble, which most often happens when the tank runs empty or after a period of non-use. To release it:\n{steps}',
  'nw.didWaterCome': 'Did water come out?',
  'nw.nextTry': 'That was try {try} of {max}. Please try once more:\n{steps}',
  'nw.didWaterComeNow': 'Did water come out this time?',
  'nw.rest': 'After {max} tries, please let the machine rest for {minutes} minutes, then try once more. Tell me when you have: did water come out after the rest?',
  'nw.reask.yesNo': 'Please tell me whether water came out: yes or no.',
  'nw.help': 'I am sorry the {model} still gives no water. I can start a repair booking for it, or put you through to a person. You can also call Nespresso on {contact}.',
  'nw.notDocumented':
    'My documents only describe this fix for {autoPrime} (auto-prime) and {slider} (slider). Nespresso can help on {contact}. I can also start a repair booking or put you through to a person.',
  'nw.notDocumentedModel':
    'My documents only describe this fix for {autoPrime} (auto-prime) and {slider} (slider), not for the {model}. Nespresso can help on {contact}. I can also start a repair booking or put you through to a person.',
  'nw.reask.help': 'Please choose "{repair}", "{person}" or "{noThanks}".',
  'nw.fixed': 'Good news: the air bubble has been released and your {model} is working again. Enjoy your coffee!',
} as const;
