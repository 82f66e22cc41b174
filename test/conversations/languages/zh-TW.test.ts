/**
 * Traditional Chinese, a customer in Taiwan (locale zh-TW): the four guided tasks as chats, every reply in
 * zh-TW, Taiwan's numbers and rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choices, startAtToday, support, type TestService } from '../support.js';
import { Chat, REFERENCE } from './chat.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startAtToday();
});
afterAll(async () => {
  await svc.close();
});

const chat = () => new Chat(svc, 'zh-TW', 'zh-TW', 'TW');
const TW_CONTACT = '0809 001 886（免付費，08:00–22:00）';

describe('zh-TW (Taiwan)', () => {
  it('密碼重設：連結 72 小時有效；「還是不行」→ 檢查垃圾郵件；沒有 → 聯絡方式；「我要找真人客服」→ 轉接', async () => {
    const c = chat();

    const link = await c.step('我忘記密碼了', 'passwordReset', 'askingIfWorked');
    expect(link.text).toContain('點選「忘記密碼？」連結');
    expect(link.text).toContain('重設連結僅在 72 小時內有效。');
    expect(choices(link)).toEqual(['有，成功了', '郵件沒有寄來', '連結已過期']);

    const folders = await c.step('還是不行', 'passwordReset', 'askingIfFound');
    expect(folders.text).toContain('請檢查垃圾桶以及垃圾郵件和廣告郵件資料夾');
    expect(choices(folders)).toEqual(['是', '否']);

    const contact = await c.step('沒有', 'passwordReset', 'offeringPerson');
    expect(contact.text).toContain(`如果這些資料夾裡都沒有那封郵件，請聯絡 Nespresso：${TW_CONTACT}`);
    expect(choices(contact)).toEqual(['找真人客服', '不用了，謝謝']);

    const [handoff] = await c.say('我要找真人客服');
    expect(support(handoff)?.kind).toBe('handoff');
    expect(handoff?.text).toMatch(/^正在為您轉接我們的客服人員。/);
    expect(handoff?.text).toContain('我們台灣的團隊服務時間為08:00–22:00（台北標準時間）');
    expect(choices(handoff)).toEqual(['不等了']);
  });

  it('不出水：型號 Pixie，「還是不行」算第 1 次，「其實是 Essenza Mini」重新開始，有水了', async () => {
    const c = chat();

    const model = await c.step('我的咖啡機不出水', 'noWater', 'askingModel');
    expect(model.text).toBe('您使用的是哪一款 Nespresso 咖啡機？步驟依型號而不同。');
    expect(choices(model)).toContain('其他型號');

    const steps = await c.step('我的是 Pixie', 'noWater', 'tryingFix');
    expect(steps.text).toMatch(/^當出水口沒有出水時，您的 Pixie 可能有氣泡/);
    expect(steps.text).toContain('4. 按下大杯按鈕：自動排氣功能會把管路中的空氣推出。');
    expect(choices(steps)).toEqual(['有，出水了', '沒有，還是不出水']);

    const again = await c.step('還是不行', 'noWater', 'tryingFix');
    expect(again.text).toMatch(/^這是第 1 次嘗試（共 5 次）。請再試一次：/);

    const corrected = await c.step('其實是 Essenza Mini', 'noWater', 'tryingFix');
    expect(corrected.text).toMatch(/^當出水口沒有出水時，您的 Essenza Mini 可能有氣泡/);
    expect(corrected.text).toMatch(/有出水了嗎？$/);

    const fixed = await c.step('有水了', 'noWater', 'resolved');
    expect(fixed.text).toBe('好消息：氣泡已排出，您的 Essenza Mini 又能正常運作了。請享用您的咖啡！');
  });

  it('預約維修：句中的購買日期，台灣的收送服務（5–7 個工作天），地址與手機，預約編號', async () => {
    const c = chat();

    const date = await c.step('我的 CitiZ 壞了，想預約維修', 'repairBooking', 'askingPurchaseDate');
    expect(date.text).toMatch(/^您的 CitiZ 是什麼時候買的？/);

    const proof = await c.step('我是2024年3月5日在門市買的', 'repairBooking', 'askingProof');
    expect(proof.text).toBe('您有購買證明（收據或發票）嗎？');
    const lastRepair = await c.step('有，我有發票', 'repairBooking', 'askingLastRepair');
    expect(lastRepair.text).toContain('維修過的零件保固為原保固剩餘期間或 6 個月，以較長者為準');

    const [terms, name] = await c.say('沒有');
    expect(terms?.text).toMatch(/^在台灣，Nespresso 咖啡機專員會先透過電話 0809 001 886/);
    expect(terms?.text).toContain('在 5–7 個工作天內完成維修與零件全面檢查，再送回同一地址');
    expect(terms?.text).toContain('離島地區除外');
    expect(name?.text).toBe('預約要用哪個姓名？');

    await c.step('林美', 'repairBooking', 'askingPhone');
    await c.step('0912 345 678', 'repairBooking', 'askingEmail');
    const address = await c.step('mei@example.tw', 'repairBooking', 'askingAddress');
    expect(address.text).toMatch(/^取件地址是哪裡/);
    const summary = await c.step('台北市信義路五段7號', 'repairBooking', 'confirming');
    expect(summary.text).toContain('• 機器：CitiZ\n• 購買日期：2024年3月5日；購買證明：是');
    expect(summary.text).toContain('• 姓名：林美\n• 電話：0912345678\n• 電子郵件：mei@example.tw\n• 地址：台北市信義路五段7號');
    expect(choices(summary)).toEqual(['確認', '修改資料', '取消預約']);

    const saved = await c.step('確認', 'repairBooking', 'done');
    expect(saved.text).toMatch(/^您的維修預約已儲存。您的預約編號是 R-[A-Z0-9]{6}/);
    expect(saved.text).toContain(TW_CONTACT);
    expect(saved.text).toMatch(REFERENCE);
  });

  it('取消訂閱違約金：台灣的文件沒有說明，給台灣的聯絡方式，不轉接', async () => {
    const c = chat();

    const none = await c.step('我想取消機器訂閱，要付多少違約金？', 'cancellationPenalty', 'offeringPerson');
    expect(none.text).toMatch(/^我手上台灣的文件沒有說明咖啡機訂閱方案或如何取消，所以我不做猜測。/);
    expect(none.text).toContain(`請聯絡 Nespresso：${TW_CONTACT}`);
    expect(none.text).not.toMatch(/€|0\.8|80 ?%/);
    expect(choices(none)).toEqual(['找真人客服', '不用了，謝謝']);

    const bye = await c.step('不用了，謝謝', 'cancellationPenalty', 'done');
    expect(bye.text).toMatch(/^好的。您可以透過 0809 001 886/);
  });
  it('預約維修：第一句就說了「去年三月買的，有收據」，不再問日期與收據；摘要裡「其實是 Essenza Mini」直接更正', async () => {
    const c = chat();

    const model = await c.step('我的機器是去年三月買的，想送修，有收據', 'repairBooking', 'askingModel');
    expect(model.text).toMatch(/^哪一台 Nespresso 咖啡機需要維修？/);
    const lastRepair = await c.step('CitiZ', 'repairBooking', 'askingLastRepair');
    expect(lastRepair.text).toMatch(/^Nespresso 以前維修過這台 CitiZ 嗎？/);
    const [, name] = await c.say('沒有修過');
    expect(name?.text).toBe('預約要用哪個姓名？');

    await c.step('王小明', 'repairBooking', 'askingPhone');
    await c.step('0912-345-678', 'repairBooking', 'askingEmail');
    await c.step('ming@example.tw', 'repairBooking', 'askingAddress');
    const summary = await c.step('台北市信義區信義路五段7號', 'repairBooking', 'confirming');
    expect(summary.text).toContain('• 機器：CitiZ');
    expect(summary.text).toMatch(/• 購買日期：2024年3月1日[^\n]*；購買證明：是/);
    expect(summary.text).toContain('• 電話：0912345678');
    expect(summary.text).toContain('• 地址：台北市信義區信義路五段7號');

    const corrected = await c.step('其實是 Essenza Mini', 'repairBooking', 'confirming');
    expect(corrected.text).toContain('• 機器：Essenza Mini');
    expect(corrected.text).not.toContain('CitiZ');
    expect(corrected.text).toContain('• 姓名：王小明');
  });
});
