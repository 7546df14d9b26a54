// Pure rules of the desk and the inbox, in node: which start-form fields
// repeat the applicant, and how a passed deadline is written.

import { applicantFieldsOf } from '../../web/workspace/widgets/applicantBinding.js';
import { formatTimeLeft } from '../../web/shared/format.js';

test('the start form’s fields that repeat the applicant: by their key, or marked x-applicant; never a field of another person', () => {
  const schema = {
    type: 'object',
    properties: {
      requesterFullName: { type: 'string' },
      applicantIdNumber: { type: 'string' },
      declarantPhone: { type: 'string' },
      contact: { type: 'string', 'x-applicant': 'email' },
      motherFullName: { type: 'string' },
      requesterAge: { type: 'integer' },
    },
  };
  expect([...applicantFieldsOf(schema)]).toEqual([
    ['requesterFullName', 'name'], ['applicantIdNumber', 'idNumber'], ['declarantPhone', 'phone'], ['contact', 'email'],
  ]);
  expect(applicantFieldsOf(null).size).toBe(0);
});

test('a passed deadline is “quá hạn”, never “còn 0 giờ làm việc”, even before a working minute has run past it', () => {
  expect(formatTimeLeft(0, 'vi', true)).toBe('quá hạn');
  expect(formatTimeLeft(0, 'en', true)).toBe('overdue');
  expect(formatTimeLeft(-5_400_000, 'vi', true)).toBe('quá hạn 1,5 giờ làm việc');
  expect(formatTimeLeft(7_200_000, 'vi')).toBe('còn 2 giờ làm việc');
});
