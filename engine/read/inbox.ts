import type { EngineContext } from '../engineContext.js';
import { listInboxTasks, type InboxFilter, type InboxTaskRow } from '../store/queries/inboxTasks.js';
import type { Page } from '../store/queries/page.js';

/**
 * A department's work list, most urgent first: the steps from the rows, each
 * step's form and its procedure's name and calendar from the version's model
 * in the server's definition cache (versions never change once deployed).
 */
export async function inbox(ctx: EngineContext, f: InboxFilter): Promise<Page<InboxTaskRow>> {
  const page = await listInboxTasks(ctx.pool, f);
  const versions = new Map(page.items.map((t) => [t.procedureVersionId, ctx.definitions.get(t.procedureVersionId)]));
  const items = await Promise.all(
    page.items.map(async ({ procedureVersionId, ...t }) => {
      const { model } = await versions.get(procedureVersionId)!;
      return { ...t, form: (model.steps[t.elementId]?.form as InboxTaskRow['form']) ?? null, procedureName: model.name, calendarId: model.calendarId ?? null };
    }),
  );
  return { items, total: page.total };
}
