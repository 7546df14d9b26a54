import { assembleForm06, progressRatio } from '../../engine/reports/form06Report.js';
import { toCsv } from '../../engine/reports/csv.js';

const zero = { receivedOnline: 0, receivedDirect: 0, receivedPost: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, lateWithApology: 0, pendingWithinDeadline: 0, pendingOverdue: 0, withdrawn: 0, awaitingSupplement: 0 };

test('the progress ratio of the service index', () => {
  expect(progressRatio({ resolvedEarly: 90, resolvedOnTime: 5, resolvedLate: 5, pendingWithinDeadline: 8, pendingOverdue: 2 })).toBe(0.9364);
  expect(progressRatio({ resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, pendingWithinDeadline: 0, pendingOverdue: 0 })).toBeNull();
});

test('the total row sums the groups and computes its own ratio', () => {
  const report = assembleForm06('procedure', { from: '2026-03-01', to: '2026-03-31', asOf: new Date('2026-03-31T17:00:00Z') }, [
    { ...zero, key: 'A', name: 'a', receivedOnline: 2, resolvedEarly: 2 },
    { ...zero, key: 'B', name: 'b', receivedDirect: 2, resolvedLate: 1, lateWithApology: 1, pendingOverdue: 1 },
  ]);
  expect(report.total).toMatchObject({ key: 'TOTAL', receivedTotal: 4, resolvedTotal: 3, resolvedLate: 1, lateWithoutApology: 0, pendingTotal: 1, progressRatio: 0.5 });
  expect(report.rows.map((r) => r.progressRatio)).toEqual([1, 0]);
});

test('CSV cells are quoted when needed and never run as spreadsheet formulas', () => {
  const csv = toCsv<{ a: unknown; b: unknown }>(['a', 'b'], [{ a: 'x, "y"', b: '=HYPERLINK("http://evil")' }, { a: null, b: 0.5 }]);
  expect(csv).toBe('\uFEFFa,b\r\n"x, ""y""","\'=HYPERLINK(""http://evil"")"\r\n,0.5\r\n');
});
