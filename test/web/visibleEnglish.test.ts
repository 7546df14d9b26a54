import { englishWordsIn } from '../support/visibleEnglish.js';

describe('the English-word scan used by the browser walks', () => {
  it('finds nothing in Vietnamese text, product names or codes', () => {
    expect(englishWordsIn('Hồ sơ 000.00.01.H26-261130-0001 đã được tiếp nhận lúc 08:15 ngày 30/11/2026. Tải PDF, mã QR, tệp CSV.')).toEqual([]);
    expect(englishWordsIn('Mở · Nhận việc · Hoàn thành · Còn 2 ngày làm việc')).toEqual([]);
  });

  it('finds the English words of an engine message', () => {
    expect(englishWordsIn('undefined: the procedure could not continue: <Gateway_1> no conditional flow taken'))
      .toEqual(expect.arrayContaining(['undefined', 'the', 'procedure', 'could', 'not']));
    expect(englishWordsIn('must be after the current promised date')).toContain('must');
  });
});
