import type { JsonSchema } from '../http/route.js';
import { closed, ref } from './schemas.js';

// The business calendars an administrator maintains (office hours, cut-off,
// the yearly table of day swaps the government approves).

const PERIOD: JsonSchema = { type: 'string', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$', description: 'Office hours, e.g. 08:00-12:00.' };

export const CALENDAR_SCHEMAS: Record<string, JsonSchema> = {
  RuleRecord: closed(
    {
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description: 'Unique id, e.g. cutoff-1630-2027.' },
      kind: { type: 'string', enum: ['holiday', 'day_swaps', 'cutoff', 'supplement', 'scoring'] },
      body: {
        type: 'object',
        description:
          'holiday: {id, name, calendar: solar|lunar, month, day, offsets?, validFrom, validTo?}; day_swaps: {year, swaps: [{date, kind, reason?}]}; ' +
          'cutoff: {time: "HH:MM" | null}; supplement: {defaultPolicy: restart|extend, requestWithinWorkingDays}; scoring: {progressPoints, supplementPauseSubtracted, maxSupplementRequestsOnTime}.',
      },
      validFrom: { type: 'string', format: 'date-time', description: 'In force from this instant (receptions from then on are pinned to it).' },
      validTo: { type: ['string', 'null'], format: 'date-time', description: 'No longer in force from this instant; null: open-ended.' },
    },
  ),
  RuleRecordList: closed({ items: { type: 'array', items: { $ref: '#/components/schemas/RuleRecord' } } }),
  DaySwapInput: closed(
    {
      kind: { type: 'string', enum: ['off', 'work'], description: 'off: an extra day off; work: a make-up working day.' },
      reason: { type: 'string', minLength: 1, maxLength: 500 },
      hours: { type: 'array', items: PERIOD, maxItems: 6, description: 'Office hours of a make-up working day; default: Monday’s.' },
    },
    ['kind'],
  ),
  DaySwap: closed(
    {
      date: { type: 'string', format: 'date' },
      kind: { type: 'string', enum: ['off', 'work'] },
      reason: { type: 'string' },
      hours: { type: 'array', items: PERIOD },
    },
    ['date', 'kind'],
  ),
  Calendar: closed({
    id: { type: 'string' },
    name: { type: 'string' },
    timeZone: { type: 'string' },
    officeHours: {
      type: 'object',
      properties: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, { type: 'array', items: PERIOD }])),
      additionalProperties: false,
    },
    cutoff: { type: ['string', 'null'], description: 'Reception cut-off: a dossier received after it starts its clock the next working morning.' },
    publicHolidays: { type: 'boolean' },
    daySwaps: { type: 'array', items: ref('DaySwap') },
  }),
  CalendarList: closed({ items: { type: 'array', items: ref('Calendar') } }),
};
