import type { oneShot as En } from '../en/one-shot.js';

export const oneShot = {
  'os.kr.overseasSame': 'O preço é o mesmo para uma máquina comprada no estrangeiro, mas a garantia coreana não se aplica.',
  'os.kr.overseasOther': 'Este valor é para uma máquina comprada à Nespresso Coreia; para uma comprada no estrangeiro é {amount}, e a garantia coreana não se aplica.',
  'os.kr.overseasNone':
    'Este valor é para uma máquina comprada à Nespresso Coreia; para uma comprada no estrangeiro, a tabela de preços não indica valor e a garantia coreana não se aplica: o Clube Nespresso, através do {contact}, pode dizer-lhe se pode ser reparada na Coreia.',
  'os.w.assumedProof': 'Contei a partir da data de compra indicada na sua prova de compra; sem prova de compra, a garantia começa {months} meses após a data de fabrico.',
  'os.w.ifRegistered': 'Isto é sem registo: se registou a máquina na Nespresso nos {days} dias seguintes à compra, a garantia vai até {date}.',
} satisfies Record<keyof typeof En, string>;
