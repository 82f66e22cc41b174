/** The words of the password-reset task, English source. See ../index.ts. */
export const passwordReset = {
  'pr.label.forgot': 'I forgot my password',
  'pr.label.expired': 'The link expired',
  'pr.label.notReceived': 'Email never came',
  'pr.label.forgotEmail': 'I forgot my email',
  'pr.label.otherChannel': 'Bought elsewhere',
  'pr.label.worked': 'Yes, it worked',
  'pr.label.noEmail': 'Email did not come',
  'pr.label.nespresso': 'Email to Nespresso',
  'pr.label.marketplace': 'MOMO, PCHOME, YAHOO…',
  'pr.label.neverGave': 'Never gave an email',
  'pr.label.noThanks': 'No, thanks',

  'pr.askSituation': 'I can help you get back into your Nespresso account. What happened?',
  'pr.linkForgot':
    'To reset it, go to www.nespresso.com and click the link "forgot your password?" to request a new password by email. The reset link is only valid for {hours} hours.',
  'pr.linkExpired':
    'Reset links are only valid for {hours} hours, so you need a new one: go to www.nespresso.com and click the link "forgot your password?" to request a new password by email. Use the new link within {hours} hours.',
  'pr.linkOtherChannel':
    'If you gave your email address when ordering from Nespresso through another channel, you should have received an email to reset the password of your online account; its link is valid for {hours} hours. If the link no longer works or you missed the email, activate your account yourself: go to www.nespresso.com and click the link "forgot your password?" to request a new password by email. If it does not arrive, please check your trash bin and your junk and spam folders: the email can sometimes be diverted there.',
  'pr.didItWork': 'Did that work?',
  'pr.askFound': 'Reset emails sometimes land in the wrong folder: please check your trash bin and your junk and spam folders, as the email can sometimes be diverted there.',
  'pr.foundThere': 'Did you find it there?',
  'pr.askChannel': 'Where did you buy your Nespresso products, and did you give an email address when ordering?',
  'pr.askMisuse':
    'The Portuguese terms of sale ask you to keep your password strictly confidential: you are responsible for orders placed with it, even without your knowledge. Do you think someone else knows or has used your password?',
  'pr.contact.ptMisuse': 'Please notify Nespresso immediately: call {contact} or use the contact form on nespresso.com.',
  'pr.contact.pt':
    'The Portuguese terms do not describe how to reset a password. For help with your account, please contact Nespresso on {contact}, or use the contact form on nespresso.com.',
  'pr.contact.other': "My documents for {market} do not describe how to reset a password, so I won't guess. Please contact Nespresso on {contact}.",
  'pr.contact.forgotEmail': 'To find the email address registered on your account, please contact Nespresso on {contact} or by email.',
  'pr.contact.otherChannel':
    'If you never registered an email address with Nespresso, or your order was from MOMO, PCHOME, YAHOO or another marketplace, please contact Nespresso on {contact} or by email: they can set up your online account.',
  'pr.contact.notReceived': 'If the email is not in any of those folders, please contact Nespresso on {contact} or by email.',
  'pr.contact.stuck': 'As the link still does not work for you, please contact Nespresso on {contact} or by email.',
  'pr.offerPerson': 'Would you like me to put you through to a person now?',
  'pr.done.worked': 'Great, you are back in. If you ever need it again, remember the reset link is valid for {hours} hours.',
  'pr.done.found':
    'Good. Use the link in that email soon: it is only valid for {hours} hours. If it has expired, request a new one with "forgot your password?" on www.nespresso.com.',
  'pr.done.contact': 'All right. You can reach Nespresso on {contact}.',
  'pr.reask.pick': 'Sorry, I did not catch that. Please pick one of the options.',
  'pr.reask.worked': 'Please tell me whether it worked, or what went wrong.',
  'pr.reask.yesNo': 'Please answer yes or no.',
  'pr.reask.person': 'Please choose "{person}" or "{noThanks}".',
} as const;
