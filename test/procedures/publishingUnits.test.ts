// The designer's pure parts of publishing: the effective time typed in Vietnam
// time, deadlines as a person reads them in the diff, the elements the visual
// diff marks, and which focused elements count as text fields for shortcuts.

import { readEffectiveTime } from '../../designer/src/modules/publishing/publishDialog.js';
import { changedIds, deadlineText } from '../../designer/src/modules/publishing/diffView.js';
import { isTextField } from '../../designer/src/modules/keyboardGuard/index.js';
import { setLang } from '../../web/shared/i18n/i18n.js';

beforeAll(() => setLang('vi'));

describe('the effective time', () => {
  const now = new Date('2026-11-30T02:00:00Z'); // 09:00 in Hanoi
  const shown = '30/11/2026 09:00';

  test('left as shown, or emptied, means at once', () => {
    expect(readEffectiveTime(shown, shown, now)).toEqual({ effectiveAt: null });
    expect(readEffectiveTime('  ', shown, now)).toEqual({ effectiveAt: null });
  });

  test('a later Vietnamese date and time is read as Vietnam time (UTC+7)', () => {
    expect(readEffectiveTime('01/12/2026 08:00', shown, now)).toEqual({ effectiveAt: '2026-12-01T01:00:00.000Z' });
  });

  test('the past and what is not a date are refused in Vietnamese', () => {
    expect(readEffectiveTime('29/11/2026 08:00', shown, now)).toEqual({ error: 'Thời điểm có hiệu lực không được ở trong quá khứ.' });
    expect(readEffectiveTime('ngày mai', shown, now)).toEqual({ error: 'Thời điểm chưa đúng dạng ngày/tháng/năm giờ:phút.' });
    expect(readEffectiveTime('31/02/2027 08:00', shown, now)).toHaveProperty('error');
  });
});

test('deadlines read as working days or hours; none, and what does not parse, as written', () => {
  expect(deadlineText('P2D')).toBe('2 ngày làm việc');
  expect(deadlineText('PT8H')).toBe('8 giờ làm việc');
  expect(deadlineText(null)).toBe('(không có)');
  expect(deadlineText('three days')).toBe('three days');
});

test('the visual diff marks what was added or changed, each once', () => {
  const diff = {
    elements: { added: [{ id: 'A', name: 'a' }], removed: [{ id: 'R', name: 'r' }], changed: [{ id: 'C', name: 'c', aspects: ['name'] }, { id: 'A', name: 'a', aspects: ['form'] }] },
  } as unknown as Parameters<typeof changedIds>[0];
  expect(changedIds(diff)).toEqual(['A', 'C']);
});

describe('text fields (no shortcut fires while one has the focus)', () => {
  const node = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, closest: () => null, ...extra });

  test('inputs one types into, text areas, selects and editable content', () => {
    expect(isTextField(node('INPUT', { type: 'text' }) as never)).toBe(true);
    expect(isTextField(node('INPUT', { type: 'search' }) as never)).toBe(true);
    expect(isTextField(node('TEXTAREA') as never)).toBe(true);
    expect(isTextField(node('SELECT') as never)).toBe(true);
    expect(isTextField(node('DIV', { isContentEditable: true }) as never)).toBe(true);
    expect(isTextField(node('SPAN', { closest: () => ({}) }) as never)).toBe(true);
  });

  test('not buttons, checkboxes or the canvas', () => {
    expect(isTextField(node('INPUT', { type: 'checkbox' }) as never)).toBe(false);
    expect(isTextField(node('BUTTON') as never)).toBe(false);
    expect(isTextField(node('svg') as never)).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
