import type { oneShot as En } from '../en/one-shot.js';

export const oneShot = {
  'os.kr.overseasSame': "Le prix est le même pour une machine achetée à l'étranger, mais la garantie coréenne ne s'y applique pas.",
  'os.kr.overseasOther': "Ce montant vaut pour une machine achetée auprès de Nespresso Corée ; pour une machine achetée à l'étranger, il est de {amount}, et la garantie coréenne ne s'y applique pas.",
  'os.kr.overseasNone':
    "Ce montant vaut pour une machine achetée auprès de Nespresso Corée ; pour une machine achetée à l'étranger, la grille tarifaire n'indique aucun montant et la garantie coréenne ne s'applique pas : le Club Nespresso, au {contact}, peut vous dire si elle peut être réparée en Corée.",
  'os.w.assumedProof': "J'ai compté à partir de la date d'achat figurant sur votre preuve d'achat ; sans preuve d'achat, la garantie commence {months} mois après la date de fabrication.",
  'os.w.ifRegistered': "C'est sans enregistrement : si vous avez enregistré la machine auprès de Nespresso dans les {days} jours suivant l'achat, la garantie court jusqu'au {date}.",
} satisfies Record<keyof typeof En, string>;
