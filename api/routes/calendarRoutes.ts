import type { ResolvedDeps } from '../apiDeps.js';
import { noContent, ok, type RouteSpec } from '../http/route.js';
import { ref } from '../openapi/schemas.js';
import type { DaySwap } from '../../engine/index.js';

const params = {
  id: { schema: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' }, description: 'Calendar id, e.g. vn-default', entity: 'calendar' },
  date: { schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, description: 'Local date (YYYY-MM-DD)', entity: 'day swap' },
};

export function calendarRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
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
