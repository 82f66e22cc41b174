export { core } from './core.js';
export { passwordReset } from './password-reset.js';
export { noWater } from './no-water.js';
export { repairBooking } from './repair-booking.js';
export { cancellationPenalty } from './cancellation-penalty.js';
export { answers } from './answers.js';
export { repair } from './repair.js';
export { oneShot } from './one-shot.js';
