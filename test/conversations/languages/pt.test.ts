/**
 * European Portuguese, a customer in Portugal (locale pt-PT): the four guided tasks as chats, every reply in
 * Portuguese, Portugal's numbers and rules; and a Portuguese speaker in France, who gets France's rules in
 * Portuguese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices, startAtToday, support, type TestService } from '../support.js';
import { Chat, nbsp, REFERENCE } from './chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const chat = () => new Chat(svc, 'pt-PT', 'pt', 'PT');
const PT_CONTACT = '800 260 260';

describe('pt (Portugal)', () => {
  it('palavra-passe: a pergunta sobre uso indevido, o contacto, e «quero falar com uma pessoa»', async () => {
    const c = chat();

    const misuse = await c.step('esqueci-me da palavra-passe', 'passwordReset', 'askingMisuse');
    expect(misuse.text).toContain('mantenha a sua palavra-passe estritamente confidencial');
    expect(misuse.text).toMatch(/Acha que outra pessoa conhece ou usou a sua palavra-passe\?$/);
    expect(choices(misuse)).toEqual(['Sim', 'Não']);

    const contact = await c.step('não, acho que não', 'passwordReset', 'offeringPerson');
    expect(contact.text).toMatch(/^As condições portuguesas não descrevem como repor uma palavra-passe\./);
    expect(contact.text).toContain(`contacte a Nespresso através do ${PT_CONTACT}, ou utilize o formulário de contacto em nespresso.com`);
    expect(choices(contact)).toEqual(['Falar com alguém', 'Não, obrigado']);

    const [handoff] = await c.say('quero falar com uma pessoa');
    expect(support(handoff)?.kind).toBe('handoff');
    expect(handoff?.text).toMatch(/^Vou ligá-lo a uma pessoa da nossa equipa de apoio\./);
    expect(handoff?.text).toContain(`também pode ligar para o ${PT_CONTACT}`);
    expect(choices(handoff)).toEqual(['Deixar de esperar']);
  });

  it('sem água: Pixie, «não resultou» conta a tentativa 1, «afinal é uma Essenza Mini» recomeça, e já sai água', async () => {
    const c = chat();

    const model = await c.step('a minha máquina não deita água', 'noWater', 'askingModel');
    expect(model.text).toBe('Que máquina Nespresso tem? Os passos dependem do modelo.');
    expect(choices(model)).toContain('Outro modelo');

    const steps = await c.step('é uma Pixie', 'noWater', 'tryingFix');
    expect(steps.text).toMatch(/^Quando não sai água pelo bico, a sua Pixie pode ter uma bolha de ar/);
    expect(steps.text).toContain('4. Prima o botão da chávena grande');
    expect(choices(steps)).toEqual(['Sim, a água sai', 'Não, ainda nada']);

    const again = await c.step('não resultou', 'noWater', 'tryingFix');
    expect(again.text).toMatch(/^Essa foi a tentativa 1 de 5\. Tente mais uma vez:/);

    const corrected = await c.step('afinal é uma Essenza Mini', 'noWater', 'tryingFix');
    expect(corrected.text).toMatch(/^Quando não sai água pelo bico, a sua Essenza Mini pode ter uma bolha de ar/);
    expect(corrected.text).toMatch(/Saiu água\?$/);

    const fixed = await c.step('já sai água', 'noWater', 'resolved');
    expect(fixed.text).toBe('Boas notícias: a bolha de ar foi libertada e a sua Essenza Mini voltou a funcionar. Bom café!');
  });

  it('reparação: «comprei-a em março do ano passado», as condições de Portugal, morada de Lisboa e telemóvel, referência', async () => {
    const c = chat();

    const date = await c.step('quero marcar uma reparação da minha CitiZ', 'repairBooking', 'askingPurchaseDate');
    expect(date.text).toMatch(/^Quando comprou a sua CitiZ\?/);
    await c.step('comprei-a em março do ano passado', 'repairBooking', 'askingProof');

    const [terms, name] = await c.say('sim, tenho a fatura');
    expect(terms?.text).toMatch(/^Em Portugal, as máquinas são garantidas pelo fabricante da máquina/);
    expect(terms?.text).toContain(`a Nespresso aconselha-o por telefone através do ${PT_CONTACT}`);
    expect(terms?.text).toContain('Os meus documentos não indicam preços.');
    expect(name?.text).toBe('Em nome de quem fica a marcação?');

    await c.step('Maria Silva', 'repairBooking', 'askingPhone');
    await c.step('912 345 678', 'repairBooking', 'askingEmail');
    const address = await c.step('maria@example.pt', 'repairBooking', 'askingAddress');
    expect(address.text).toBe('Qual é a sua morada (rua e número, código postal e localidade)?');
    const summary = await c.step('Rua Augusta 10, 1100-053 Lisboa', 'repairBooking', 'confirming');
    expect(summary.text).toContain('• Máquina: CitiZ\n• Data de compra: 1 de março de 2024 (aproximada); prova de compra: sim');
    expect(summary.text).toContain('• Nome: Maria Silva\n• Telefone: 912345678\n• E-mail: maria@example.pt\n• Morada: Rua Augusta 10, 1100-053 Lisboa');
    expect(choices(summary)).toEqual(['Confirmar', 'Alterar algo', 'Cancelar marcação']);

    const saved = await c.step('Confirmar', 'repairBooking', 'done');
    expect(saved.text).toMatch(/^A sua marcação de reparação está guardada\. A sua referência é R-[A-Z0-9]{6}/);
    expect(saved.text).toContain(PT_CONTACT);
    expect(saved.text).toMatch(REFERENCE);
  });

  it('cancelamento: os documentos de Portugal não descrevem uma subscrição de máquina; o contacto e o Easyordering', async () => {
    const c = chat();

    const none = await c.step('quanto custa cancelar a minha subscrição da máquina?', 'cancellationPenalty', 'offeringPerson');
    expect(none.text).toMatch(/^Os meus documentos para Portugal não descrevem uma subscrição de máquina nem como cancelá-la, por isso não vou adivinhar\./);
    expect(none.text).toContain(`Contacte a Nespresso através do ${PT_CONTACT}.`);
    expect(none.text).toContain('Easyordering');
    expect(none.text).not.toMatch(/€|0,8|80 ?%/);
    expect(choices(none)).toEqual(['Falar com alguém', 'Não, obrigado']);

    const bye = await c.step('não, obrigado', 'cancellationPenalty', 'done');
    expect(bye.text).toBe(`Muito bem. Pode contactar a Nespresso através do ${PT_CONTACT}.`);
  });

  it('em França (fr-FR), a escrever em português: as regras de França, em português — (279 € × 0,8) − 99 € = 124,20 €', async () => {
    const c = new Chat(svc, 'fr-FR', 'pt', 'FR');

    const commitment = await c.step('quanto custa cancelar a minha subscrição da máquina?', 'cancellationPenalty', 'askingCommitment');
    expect(commitment.text).toBe('A sua subscrição de máquina tem uma fidelização de 12 ou de 24 meses?');
    expect(choices(commitment)).toEqual(['12 meses', '24 meses']);

    await c.step('24 meses', 'cancellationPenalty', 'askingElapsed');
    await c.step('comecei há 5 meses', 'cancellationPenalty', 'askingPriceWithout');
    await c.step('o preço normal é 279 euros', 'cancellationPenalty', 'askingPriceWith');

    const penalty = await c.step('pago 99 euros pela máquina', 'cancellationPenalty', 'done');
    expect(penalty.text).toContain('a taxa de cancelamento é 80% do preço da máquina sem subscrição, menos o preço com a subscrição, e nunca inferior a zero');
    expect(penalty.text).toContain(nbsp('(279 € × 0,8) − 99 € = 124,20 € (cerca de 124 €).'));
    expect(penalty.text).toContain('Já passaram 5 dos 24 meses: depois dos 19 meses restantes, cancelar é gratuito.');
    expect(penalty.text).toContain('a máquina continua a ser sua');
  });
});
