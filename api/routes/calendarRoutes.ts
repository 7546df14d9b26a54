import type { ResolvedDeps } from '../apiDeps.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { ref } from '../openapi/schemas.js';
import type { DaySwap, RuleRecord } from '../../engine/index.js';

const params = {
  id: { schema: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' }, description: 'Calendar id, e.g. vn-default', entity: 'calendar' },
  date: { schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, description: 'Local date (YYYY-MM-DD)', entity: 'day swap' },
};

export function calendarRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/rules',
      operationId: 'listRules',
      summary: 'List the rules with their effective dates',
      description: 'Holidays, yearly day-swap tables, the reception cut-off, the supplement rule and the scoring rule, each valid from validFrom to validTo. Each dossier is pinned to the set in force at its reception.',
      tag: 'calendars',
      roles: ['admin', 'analyst', 'desk', 'officer', 'supervisor'],
      responses: { 200: { description: 'Every rule record', schema: ref('RuleRecordList') } },
      async handler() {
        return ok({ items: await deps.engine.calendars.rules() });
      },
    },
    {
      method: 'post',
      path: '/api/rules',
      operationId: 'addRule',
      summary: 'Add a rule with its effective date',
      description:
        'A new cut-off, supplement or scoring rule closes the one in force at its start; a holiday or a year’s day swaps is added alongside. ' +
        'Dossiers received before the effective date keep the rules they were pinned to.',
      tag: 'calendars',
      roles: ['admin'],
      body: { schema: ref('RuleRecord') },
      responses: {
        201: { description: 'Added', schema: ref('RuleRecord') },
        422: { description: 'The record is invalid or would leave two rules of one kind in force at once', schema: ref('Problem') },
      },
      async handler({ body }) {
        const input = body as RuleRecord;
        const record = { ...input, validFrom: new Date(input.validFrom).toISOString(), validTo: input.validTo ? new Date(input.validTo).toISOString() : null } as RuleRecord;
        return created(await deps.engine.calendars.addRule(record));
      },
    },
    {
      method: 'get',
      path: '/api/calendars',
      operationId: 'listCalendars',
      summary: 'List the business calendars',
      description: 'Office hours, cut-off and the table of day swaps each receiving point counts working time on.',
      tag: 'calendars',
      roles: ['admin', 'analyst', 'desk', 'officer', 'supervisor'],
      responses: { 200: { description: 'Every calendar', schema: ref('CalendarList') } },
      async handler() {
        return ok({ items: await deps.engine.read.calendars() });
      },
    },
    {
      method: 'put',
      path: '/api/calendars/{id}/day-swaps/{date}',
      operationId: 'setDaySwap',
      summary: 'Add or change a day swap',
      description:
        'An extra day off or a make-up working day, as the government approves each year. Due dates computed from now on use it; ' +
        'dates already promised to citizens do not move.',
      tag: 'calendars',
      roles: ['admin'],
      pathParams: params,
      body: { schema: ref('DaySwapInput') },
      responses: {
        200: { description: 'The calendar after the change', schema: ref('Calendar') },
        422: { description: 'The day swap makes the calendar invalid (no such date, bad office hours)', schema: ref('Problem') },
      },
      async handler({ params: p, body }) {
        return ok(await deps.engine.calendars.setDaySwap(p.id, { date: p.date, ...(body as Omit<DaySwap, 'date'>) }));
      },
    },
    {
      method: 'delete',
      path: '/api/calendars/{id}/day-swaps/{date}',
      operationId: 'removeDaySwap',
      summary: 'Remove a day swap',
      description: 'The day counts again as the rules say (weekday or weekend, statutory holiday).',
      tag: 'calendars',
      roles: ['admin'],
      pathParams: params,
      responses: { 204: { description: 'Removed' } },
      async handler({ params: p }) {
        await deps.engine.calendars.removeDaySwap(p.id, p.date);
        return noContent();
      },
    },
  ];
}
