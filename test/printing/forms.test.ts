// The six forms of Circular 03/2025 printed from a sample dossier: read back
// with PDF.js, each says the dossier code and the applicant's name with every
// diacritic intact, on A4, with the font embedded.
import { applicableForms, FORMS, FORM_NUMBERS, printableDossier, type FormNumber } from '../../engine/printing/index.js';
import { pdfContent } from './pdfText.js';
import { APPLICANT, CODE, ISSUED_AT, sampleReads } from './sampleDossier.js';

const A4: [number, number] = [595, 842];
const dossier = printableDossier(sampleReads());

/** The printed form, its text with line breaks read as spaces (a long line wraps where the layout wants). */
async function print(number: FormNumber) {
  const bytes = await FORMS[number].render(dossier, { issuedAt: ISSUED_AT });
  const content = await pdfContent(bytes);
  return { bytes, ...content, text: content.text.replace(/\s+/g, ' ') };
}

describe.each(FORM_NUMBERS.filter((n) => n !== '03'))('Form %s', (number) => {
  let printed: Awaited<ReturnType<typeof print>>;
  beforeAll(async () => {
    printed = await print(number);
  });

  it('is an A4 PDF with its title, the dossier code and the applicant\'s name, diacritics intact', () => {
    expect(Buffer.from(printed.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(printed.sizes[0]).toEqual(A4);
    expect(printed.text).toContain(CODE);
    expect(printed.text).toContain(APPLICANT);
    expect(printed.text).toContain(FORMS[number].title);
    expect(printed.text).toContain(`Mẫu số ${number}`);
  });

  it('embeds DejaVu Sans from the npm package, and no standard (unembedded) font', () => {
    const raw = Buffer.from(printed.bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });
});

describe('what each form says', () => {
  it('Form 01 gives the reception and the promised return to the minute, and the pinned rule set', async () => {
    const { text } = await print('01');
    expect(text).toContain('09 giờ 30 phút, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('09 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('Quy tắc áp dụng từ 01/07/2026');
  });

  it('Form 02 gives the reason, the items and the contact person', async () => {
    const { text } = await print('02');
    expect(text).toContain('Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ');
    expect(text).toContain('Giấy chứng sinh (bản chính)');
    expect(text).toContain('Trần Văn Bình, Công chức Tư pháp – Hộ tịch, 024 3883 1234');
  });

  it('Form 04 asks to extend, naming the unit that caused the delay and the new appointment', async () => {
    const { text } = await print('04');
    expect(text).toContain('ĐỀ NGHỊ GIA HẠN');
    expect(text).toContain('Công an xã Đông Anh');
    expect(text).toContain('09 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('Hệ thống cơ sở dữ liệu dân cư gián đoạn');
  });

  it('Form 05 gives the stop and its reason', async () => {
    const { text } = await print('05');
    expect(text).toContain('16 giờ 00 phút, ngày 26 tháng 11 năm 2026');
    expect(text).toContain('Người nộp đề nghị dừng để bổ sung giấy tờ khác');
  });

  it('Form 06 has the header and one row per handover with its result', async () => {
    const { text: flat } = await print('06');
    expect(flat).toContain('Cơ quan giải quyết hồ sơ: Ủy ban nhân dân xã Đông Anh');
    expect(flat).toContain('Cơ quan phối hợp giải quyết hồ sơ: Công an thành phố Hà Nội');
    expect(flat).toContain('Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 27 tháng 11 năm 2026');
    for (const row of ['1. Giao: Bộ phận Một cửa xã Đông Anh', '2. Giao: Công chức Tư pháp – Hộ tịch', '3. Giao: Công an xã Đông Anh']) expect(flat).toContain(row);
    expect(flat).toContain('Nhận: Công an xã Đông Anh (Lê Quốc Đạt)');
    expect([...flat.matchAll(/Đúng hạn|Quá hạn|Đang xử lý/g)].map((m) => m[0])).toEqual(['Đúng hạn', 'Quá hạn', 'Đang xử lý']);
  });
});

describe('which forms apply', () => {
  it('prints only what happened: no refusal for this dossier', () => {
    expect(applicableForms(dossier).map((f) => f.number)).toEqual(['01', '02', '04', '05', '06']);
  });

  it('a plain received dossier has only its receipt and control slip', () => {
    const plain = printableDossier(sampleReads({ history: [{ type: 'dossier.received', at: new Date('2026-11-23T02:30:00Z'), actor: null, payload: {} }] }));
    expect(applicableForms(plain).map((f) => f.number)).toEqual(['01', '06']);
    expect(FORMS['05'].applies(plain)).toBe(false);
  });

  it('a dossier refused at reception has Form 03 with every reason, and no receipt', async () => {
    const refused = printableDossier(sampleReads({
      history: [{ type: 'dossier.refused', at: new Date('2026-11-23T02:40:00Z'), actor: 'Phạm Thu Trang', payload: { reasons: ['Thủ tục không thuộc thẩm quyền của xã', 'Thiếu tờ khai đăng ký khai sinh'] } }],
    }));
    expect(applicableForms(refused).map((f) => f.number)).toEqual(['03']);
    const { text } = await pdfContent(await FORMS['03'].render(refused, { issuedAt: ISSUED_AT }));
    expect(text).toContain(CODE);
    expect(text).toContain(APPLICANT);
    expect(text).toContain('1. Thủ tục không thuộc thẩm quyền của xã');
    expect(text).toContain('2. Thiếu tờ khai đăng ký khai sinh');
  });
});
