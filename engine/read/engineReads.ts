import type { EngineContext } from '../engineContext.js';
import type { CalendarRegistry } from '../calendar/calendarRegistry.js';
import type { DossierRow } from '../store/dossiers/dossierRows.js';
import { loadCalendars } from '../store/calendars/calendarRows.js';
import { listDossiers, type DossierFilter } from '../store/queries/dossierList.js';
import { listTasks, type TaskFilter } from '../store/queries/taskList.js';
import type { InboxFilter } from '../store/queries/inboxTasks.js';
import { inbox } from './inbox.js';
import { listBreaches, type BreachFilter } from '../store/queries/breachList.js';
import { openBreaches, type OpenBreachFilter } from '../store/queries/openBreaches.js';
import { atRiskCandidates } from '../store/queries/atRiskDossiers.js';
import { form06Members, type Form06MemberFilter } from '../store/queries/form06Members.js';
import { stepStatistics, type StepStatisticsFilter } from '../store/queries/stepStatistics.js';
import { dossierHistory } from '../dossier/dossierView.js';
import { catalogueReads } from './catalogue.js';
import { readableDossier } from './readableDossier.js';
import { dossierDetail } from './dossierDetail.js';
import { controlSlip } from './controlSlip.js';
import { dossierForm } from './dossierForms.js';
import { dossierProgress } from './dossierProgress.js';
import { publicDossier } from './publicDossier.js';
import { taskDetail } from './taskDetail.js';
import { form06, type ReportPeriod } from './form06.js';
import { portalSync } from './portalSync.js';
import { ii06a, serviceIndexOf } from './ii06a.js';
import type { Ii06aGroupBy, Ii06aPeriod } from '../reports/ii06aReport.js';

export type { DossierFilter, TaskFilter, InboxFilter, BreachFilter, OpenBreachFilter, Form06MemberFilter, StepStatisticsFilter, ReportPeriod };
export { FORM06_MEMBER_COLUMNS, type Form06MemberColumn } from '../store/queries/form06Members.js';
export { median } from '../store/queries/stepStatistics.js';

type GroupBy = 'procedure' | 'department';

/**
 * Everything the API reads, bound to the engine's database. The SQL is in
 * engine/store; what a read adds (who may see it, what it is joined with)
 * is in the module of engine/read named after it.
 */
export function engineReads(ctx: EngineContext, calendars: CalendarRegistry) {
  const db = ctx.pool;
  return {
    ...catalogueReads(db),
    dossierList: (f: DossierFilter) => listDossiers(db, f),
    /** The dossier's row; `actingFor` (an officer's department) must have a step on it. */
    readableDossier: (code: string, actingFor?: string | null) => readableDossier(db, code, actingFor),
    dossier: (code: string) => dossierDetail(ctx, code),
    history: (code: string) => dossierHistory(db, code),
    controlSlip: (code: string) => controlSlip(db, code),
    /** A form of Circular 03/2025 (01..06) as PDF bytes; not found when the dossier's history does not call for it. */
    dossierForm: (code: string, form: string, where?: { origin?: string | null }) => dossierForm(ctx, code, form, where),
    dossierProgress: (dossier: DossierRow) => dossierProgress(ctx, dossier),
    publicDossier: (code: string) => publicDossier(db, code, ctx.deskDepartment),
    /** Whether the national portal heard of every status change of the dossier, and why not. */
    portalSync: (code: string) => portalSync(db, code),
    tasks: (f: TaskFilter) => listTasks(db, f),
    /** A task with its form and dossier; `actingFor` (an officer's department) must be the task's. */
    task: (id: string, actingFor?: string | null) => taskDetail(db, id, actingFor),
    inbox: (f: InboxFilter) => inbox(ctx, f),
    breaches: (f: BreachFilter) => listBreaches(db, f),
    openBreaches: (f: OpenBreachFilter) => openBreaches(db, f),
    /** Pending dossiers due before `before`, without an apology letter. */
    atRiskCandidates: (now: Date, before: Date) => atRiskCandidates(db, now, before),
    form06: (groupBy: GroupBy, period: ReportPeriod) => form06(db, groupBy, period),
    form06Members: (groupBy: GroupBy, period: ReportPeriod, f: Form06MemberFilter) => form06Members(db, groupBy, period, f),
    stepStatistics: (f: StepStatisticsFilter) => stepStatistics(db, f),
    /** Biểu II.06a (Circular 01/2020): results per procedure, field or agency. */
    ii06a: (groupBy: Ii06aGroupBy, period: Ii06aPeriod) => ii06a(db, groupBy, period),
    /** The Decision 766 index groups our data holds the inputs of. */
    serviceIndex: (period: Ii06aPeriod) => serviceIndexOf(db, period),
    calendars: async () => {
      await calendars.ready();
      return loadCalendars(db);
    },
  };
}

export type EngineReads = ReturnType<typeof engineReads>;
