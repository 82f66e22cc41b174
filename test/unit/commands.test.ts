/** Understanding of commands, small talk and yes / no / don't know, in the five languages (DESIGN.md §10). */
import { describe, expect, it } from 'vitest';
import { aboutWaiting, askedLanguage, command, quitIn, smalltalk, yesNo } from '../../src/language/understand/index.js';
import { detectLang } from '../../src/language/detect.js';

describe('commands', () => {
  it.each([
    ['cancel', 'cancel'],
    ['Stop!', 'cancel'],
    ['start over', 'startOver'],
    ['help', 'help'],
    ['talk to a person', 'agent'],
    ['I want to speak to a human', 'agent'],
    ['agent please', 'agent'],
    ['can I just talk to a real person please', 'agent'],
    ['change country', 'changeCountry'],
    ['delete my data', 'forgetMe'],
    ['je veux parler à un conseiller', 'agent'],
    ['quero falar com uma pessoa', 'agent'],
    ['상담원 연결해 주세요', 'agent'],
    ['我要找真人客服', 'agent'],
    ['取消', 'cancel'],
    ['취소', 'cancel'],
    ['annuler', 'cancel'],
    ['cancelar', 'cancel'],
    ['recommencer', 'startOver'],
    ['changer de pays', 'changeCountry'],
    ['언어 변경', 'changeLanguage'],
  ])('%s → %s', (text, cmd) => {
    expect(command(text)).toBe(cmd);
  });

  it('does not mistake questions for commands', () => {
    expect(command('how do I cancel my subscription?')).toBeUndefined();
    expect(command('can the agent repair my machine under warranty')).toBeUndefined();
    expect(command('help my machine has no water')).toBeUndefined();
    expect(command('comment résilier mon abonnement ?')).toBeUndefined();
  });

  it('a person named but not asked for is no hand-off: a service done by someone, what an agent said before', () => {
    expect(command('可以請你們安排專人到府收件嗎？')).toBeUndefined();
    expect(command('上次客服人員說是水垢的問題，現在又不出水了')).toBeUndefined();
    expect(command('예전에 상담원이 필터 문제라고 했는데 또 물이 안 나와요')).toBeUndefined();
    expect(command('請幫我轉接專人')).toBe('agent');
    expect(command('상담원이랑 통화하고 싶어요')).toBe('agent');
    expect(command('상담원 좀 불러 주세요')).toBe('agent');
  });

  it('reads an explicit choice of language', () => {
    expect(askedLanguage('in English please')).toBe('en');
    expect(askedLanguage('한국어로')).toBe('ko');
    expect(askedLanguage('用中文')).toBe('zh-TW');
    expect(askedLanguage('en français')).toBe('fr');
    expect(askedLanguage('em português')).toBe('pt');
    expect(askedLanguage('lang:zh-TW')).toBe('zh-TW');
    expect(askedLanguage('english breakfast capsules')).toBeUndefined();
  });
});

describe('small talk and answers', () => {
  it('recognises small talk', () => {
    expect(smalltalk('hello')).toBe('greeting');
    expect(smalltalk('thanks!')).toBe('thanks');
    expect(smalltalk('hello, my machine leaks')).toBeUndefined();
    expect(smalltalk('감사합니다')).toBe('thanks');
    expect(smalltalk('謝謝')).toBe('thanks');
    expect(smalltalk('merci beaucoup')).toBe('thanks');
    expect(smalltalk('obrigado')).toBe('thanks');
  });

  // As blind testers typed them: several greetings, thanks with goodbye, an "ok" around them; a question makes it none.
  it.each([
    ['olá boa tarde', 'greeting'],
    ['嗨 你好', 'greeting'],
    ['coucou ça va ?', 'greeting'],
    ['ㅎㅇㅎㅇ', 'greeting'],
    ['muito obrigada pela ajuda', 'thanks'],
    ['ok it worked in the end, thanks a lot!', 'thanks'],
    ['감사합니다 도움 많이 됐어요', 'thanks'],
    ['tchau, obrigada', 'bye'],
    ['thanks, bye', 'bye'],
    ['merci beaucoup, bonne journée', 'bye'],
    ['謝謝 掰掰', 'bye'],
    ['are you a bot or a real person lol', 'areYouBot'],
    ['你是真人還是機器人啊', 'areYouBot'],
    ['너 사람이야 봇이야?', 'areYouBot'],
    ['vous êtes un robot ?', 'areYouBot'],
    ['és um robô ou uma pessoa?', 'areYouBot'],
    ['olá, a minha máquina não funciona', undefined],
    ['你好 我的機器壞了', undefined],
    ['bonjour, ma machine fuit', undefined],
  ])('small talk: %s → %s', (text, kind) => {
    expect(smalltalk(text)).toBe(kind);
  });

  it('asking whether it is a bot names a person without asking for one', () => {
    expect(command('are you a bot or a real person lol')).toBeUndefined();
    expect(command('你是真人還是機器人啊')).toBeUndefined();
    expect(command('can i talk to a real person')).toBe('agent');
  });

  it.each([
    ['예약 취소', undefined],
    ['네스프레소 커피 추천해주세요', undefined],
    ['네', 'yes'],
    ['넵 감사합니다', 'yes'],
    ['ok waited half an hour, still dead', 'no'],
  ])('Korean and English yes and no: %s → %s', (text, expected) => {
    expect(yesNo(text)).toBe(expected);
  });

  it.each([
    ['pode responder em inglês por favor?', 'en'],
    ['ok volta ao português, se faz favor', 'pt'],
    ['can you answer in french?', 'fr'],
    ['pouvez-vous répondre en anglais ?', 'en'],
    ['請用英文回答', 'en'],
    ['영어로 해주세요', 'en'],
    ['tem manual em inglês?', undefined],
    ['can I write to customer service in English?', undefined],
    ['my machine has a french plug, can you repair it?', undefined],
  ])('a language asked for in a sentence: %s → %s', (text, lang) => {
    expect(askedLanguage(text)).toBe(lang);
  });

  it.each([
    ["hi I'm in Korea, bought my pixie at 현대백화점 boutique, how long is the warranty?", 'en'],
    ["j'ai acheté ma machine chez 新光三越 à Taipei, elle est encore garantie ?", 'fr'],
    ['Vertuo Pop 머신을 abonnement(구독)으로 하면 한달에 얼마씩 빠져나가요?', 'ko'],
    ['我的 Vertuo Next 不出水', 'zh-TW'],
  ])('a sentence naming a Korean or Chinese shop is in its own language: %s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });

  it.each([
    ['hello? anyone there', 'ask'],
    ['還要等多久', 'ask'],
    ['지금 몇번째에요?', 'ask'],
    ['vous êtes là ?', 'ask'],
    ['alguém aí?', 'ask'],
    ['no no i didnt ask for a person. stop waiting', 'stop'],
    ['afinal nao preciso, obrigado', 'stop'],
    ['아 그냥 괜찮아요 안 기다릴래요', 'stop'],
    ['不用等了', 'stop'],
    ["je ne veux plus attendre", 'stop'],
    ['how long is the warranty', undefined],
  ])('while waiting for a person: %s → %s', (text, expected) => {
    expect(aboutWaiting(text)).toBe(expected);
  });

  it.each([
    // What is left has no words of its own: the task just ends.
    ['actually never mind, I\'ll just call them. cancel this', 'actually'],
    ['算了 我不修了', '我'],
    ['forget it, i just want to book a repair', 'i just want to book a repair'],
    ['laissez tomber, je préfère parler à quelqu\'un', "je préfère parler à quelqu'un"],
  ])('giving up the task in a sentence: %s', (text, rest) => {
    expect(quitIn(text)?.rest).toBe(rest);
  });

  it.each(['不用了', '필요 없어요', 'no thanks', 'if I cancel it now, how much is the fee?', "si j'annule maintenant, combien ?"])('no giving up read in an answer: %s', (text) => {
    expect(quitIn(text)).toBeUndefined();
  });

  it.each([
    ['👍 Yes', 'yes'],
    ['yes', 'yes'],
    ['네', 'yes'],
    ['是的', 'yes'],
    ['oui', 'yes'],
    ['sim', 'yes'],
    ['no, that did not help', 'no'],
    ["that didn't work", 'no'],
    ['I checked everywhere, it is not there', 'no'],
    ['沒有用', 'no'],
    ['還是不行', 'no'],
    ['안 돼요', 'no'],
    ["ça n'a pas marché", 'no'],
    ['não resultou', 'no'],
    ["I'm not sure", 'dontKnow'],
    ['不知道', 'dontKnow'],
    ['모르겠어요', 'dontKnow'],
    ['je ne sais pas', 'dontKnow'],
    ['não sei', 'dontKnow'],
    ['maybe', undefined],
    // A question that starts like a yes asks; it does not answer.
    ['可以在全聯或家樂福買到膠囊嗎', undefined],
    ['有什麼顏色', undefined],
    ['可以', 'yes'],
    ['對，我想知道多久會到？', 'yes'],
  ])('%s → %s', (text, expected) => {
    expect(yesNo(text)).toBe(expected);
  });
});
