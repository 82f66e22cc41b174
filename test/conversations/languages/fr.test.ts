/**
 * French, a customer in France (locale fr-FR): the four guided tasks as chats, every reply in French,
 * France's numbers and rules.
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

const chat = () => new Chat(svc, 'fr-FR', 'fr', 'FR');
const FR_CONTACT = '0800 55 52 53 (appel gratuit, du lundi au samedi, de 08:00 à 20:00)';

describe('fr (France)', () => {
  it('mot de passe : rien dans les documents pour la France, le contact, puis « je veux parler à un conseiller »', async () => {
    const c = chat();

    const contact = await c.step("j'ai oublié mon mot de passe", 'passwordReset', 'offeringPerson');
    expect(contact.text).toMatch(/^Mes documents pour ce pays \(France\) ne décrivent pas comment réinitialiser un mot de passe/);
    expect(contact.text).toContain(`Contactez Nespresso au ${FR_CONTACT}.`);
    expect(choices(contact)).toEqual(['Parler à quelqu’un', 'Non, merci']);

    const [handoff] = await c.say('je veux parler à un conseiller');
    expect(support(handoff)?.kind).toBe('handoff');
    expect(handoff?.text).toMatch(/^Je vous mets en relation avec une personne de notre service client\./);
    expect(handoff?.text).toContain('Notre équipe (France) est disponible du lundi au samedi, de 08:00 à 20:00');
    expect(choices(handoff)).toEqual(['Ne plus attendre']);
  });

  it("pas d'eau : Pixie, « ça n'a pas marché » compte l'essai 1, « en fait c'est une Essenza Mini » recommence, puis ça coule", async () => {
    const c = chat();

    const model = await c.step("ma machine ne fait plus couler d'eau", 'noWater', 'askingModel');
    expect(model.text).toBe('Quelle machine Nespresso avez-vous ? Les étapes dépendent du modèle.');
    expect(choices(model)).toContain('Un autre modèle');

    const steps = await c.step("c'est une Pixie", 'noWater', 'tryingFix');
    expect(steps.text).toMatch(/^Quand aucune eau ne sort de la buse, votre Pixie a peut-être une bulle d’air/);
    expect(steps.text).toContain('4. Appuyez sur le bouton grande tasse');
    expect(choices(steps)).toEqual(['Oui, l’eau coule', 'Non, toujours rien']);

    const again = await c.step("ça n'a pas marché", 'noWater', 'tryingFix');
    expect(again.text).toMatch(/^C’était l’essai 1 sur 5\. Essayez encore une fois :/);

    const corrected = await c.step("en fait c'est une Essenza Mini", 'noWater', 'tryingFix');
    expect(corrected.text).toMatch(/^Quand aucune eau ne sort de la buse, votre Essenza Mini a peut-être une bulle d’air/);
    expect(corrected.text).toMatch(/L’eau est-elle sortie \?$/);

    const fixed = await c.step('oui, ça coule', 'noWater', 'resolved');
    expect(fixed.text).toBe('Bonne nouvelle : la bulle d’air a été évacuée et votre Essenza Mini fonctionne de nouveau. Bon café !');
  });

  it('réparation : date dans une phrase, garantie 2 ans, réparation ou échange, adresse parisienne et portable, référence', async () => {
    const c = chat();

    const date = await c.step('je voudrais faire réparer ma CitiZ', 'repairBooking', 'askingPurchaseDate');
    expect(date.text).toMatch(/^Quand avez-vous acheté votre CitiZ \?/);
    await c.step("je l'ai achetée le 10 septembre 2024", 'repairBooking', 'askingProof');
    const registered = await c.step("oui, j'ai la facture", 'repairBooking', 'askingRegistration');
    expect(registered.text).toMatch(/^La machine est-elle enregistrée dans votre compte client Nespresso \?/);
    const ambassador = await c.step('oui', 'repairBooking', 'askingAmbassador');
    expect(ambassador.text).toBe('Êtes-vous client Ambassadeur Nespresso ?');

    const [terms, options] = await c.say('non');
    expect(terms?.text).toMatch(/^Votre CitiZ est sous garantie jusqu'au 9 septembre 2026\. \(France, .*: 2 ans\./);
    expect(terms?.text).toContain('mes documents ne les indiquent pas');
    expect(options?.text).toContain('la réparation dans ses ateliers, avec une garantie de 6 mois sur la réparation');
    expect(options?.text).toContain("l'échange contre un modèle identique reconditionné garanti 2 ans");
    expect(choices(options)).toEqual(['Réparation', 'Reconditionnée']);

    await c.step('Réparation', 'repairBooking', 'askingName');
    await c.step('Jean Dupont', 'repairBooking', 'askingPhone');
    await c.step('06 12 34 56 78', 'repairBooking', 'askingEmail');
    const address = await c.step('jean@example.fr', 'repairBooking', 'askingAddress');
    expect(address.text).toBe('Quelle est votre adresse (numéro et rue, code postal et ville) ?');
    const summary = await c.step('10 rue de Rivoli, 75001 Paris', 'repairBooking', 'confirming');
    expect(summary.text).toContain("• Machine : CitiZ\n• Date d'achat : 10 septembre 2024 ; preuve d'achat : oui");
    expect(summary.text).toContain("• Garantie : couverte jusqu'au 9 septembre 2026");
    expect(summary.text).toContain('• Option : Réparation (garantie de 6 mois)');
    expect(summary.text).toContain('• Téléphone : 0612345678\n• E-mail : jean@example.fr\n• Adresse : 10 rue de Rivoli, 75001 Paris');
    expect(choices(summary)).toEqual(['Confirmer', 'Modifier', 'Annuler']);

    const saved = await c.step('Confirmer', 'repairBooking', 'done');
    expect(saved.text).toMatch(/^Votre réservation de réparation est enregistrée\. Votre référence est R-[A-Z0-9]{6}/);
    expect(saved.text).toContain(FR_CONTACT);
    expect(saved.text).toMatch(REFERENCE);
  });

  it('résiliation : les montants et la durée dans des phrases → (279 € × 0,8) − 99 € = 124,20 €, gratuit après 19 mois', async () => {
    const c = chat();

    const commitment = await c.step('combien coûte la résiliation de mon abonnement machine ?', 'cancellationPenalty', 'askingCommitment');
    expect(commitment.text).toBe('Votre abonnement machine est-il un engagement de 12 ou de 24 mois ?');
    expect(choices(commitment)).toEqual(['12 mois', '24 mois']);

    await c.step('un engagement de 24 mois', 'cancellationPenalty', 'askingElapsed');
    const without = await c.step("j'ai commencé il y a 5 mois", 'cancellationPenalty', 'askingPriceWithout');
    expect(without.text).toBe('Quel est le prix de votre machine sans abonnement (son prix normal) ?');
    await c.step('elle coûte normalement 279 euros', 'cancellationPenalty', 'askingPriceWith');

    const penalty = await c.step('je la paie 99 € avec l’abonnement', 'cancellationPenalty', 'done');
    expect(penalty.text).toContain('les frais de résiliation sont de 80 % du prix de la machine sans abonnement, moins son prix avec l’abonnement, et jamais inférieurs à zéro');
    expect(penalty.text).toContain(nbsp('(279 € × 0,8) − 99 € = 124,20 € (environ 124 €).'));
    expect(penalty.text).toContain('Vous en êtes à 5 mois sur 24 : après les 19 mois restants, la résiliation est gratuite.');
    expect(penalty.text).toContain('tacite reconduction');
    expect(penalty.text).toContain('la machine reste votre propriété');
  });
  it('résiliation : « je paie 149 euros » quand le prix normal est demandé, puis « cent quatre-vingt-dix-neuf euros » en toutes lettres', async () => {
    const c = chat();

    const elapsed = await c.step('je voudrais résilier mon abonnement, engagement de 12 mois', 'cancellationPenalty', 'askingElapsed');
    expect(elapsed.text).toMatch(/^Il y a combien de mois que votre abonnement de 12 mois a commencé \?/);
    await c.step('ça fait trois mois', 'cancellationPenalty', 'askingPriceWithout');

    // What the customer pays is the price under subscription: the normal price is asked again, not taken to be 149 €.
    const without = await c.step('je paie 149 euros', 'cancellationPenalty', 'askingPriceWithout');
    expect(without.text).toBe('Quel est le prix de votre machine sans abonnement (son prix normal) ?');

    const penalty = await c.step('elle vaut cent quatre-vingt-dix-neuf euros normalement', 'cancellationPenalty', 'done');
    expect(penalty.text).toContain(nbsp('(199 € × 0,8) − 149 € = 10,20 € (environ 10 €).'));
    expect(penalty.text).toContain('Vous en êtes à 3 mois sur 12 : après les 9 mois restants, la résiliation est gratuite.');
  });
});
