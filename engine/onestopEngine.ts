import type pg from 'pg';
import { DefinitionCache } from './procedures/definitionCache.js';
import { deployProcedure } from './procedures/deployProcedure.js';
import { loadProcessesFolder } from './procedures/loadProcessesFolder.js';
import { submitDossier, type SubmitInput } from './dossier/commands/submitDossier.js';
import { completeTask, type CompleteInput } from './dossier/commands/completeTask.js';
import { claimTask, unclaimTask } from './dossier/commands/claimTask.js';
import { dossierControlSlip, dossierHistory, dossierView } from './dossier/dossierView.js';
import { getTask } from './store/tasks/taskRows.js';
import { receiveSupplement, requestSupplement, type SupplementReceivedInput, type SupplementRequestInput } from './dossier/commands/supplements.js';
import { recordApology, type ApologyInput } from './dossier/commands/apology.js';
import { returnResult, withdrawDossier, type ReturnInput } from './dossier/commands/closeDossier.js';
import { acceptDossier } from './dossier/commands/acceptDossier.js';
import { refuseDossier } from './dossier/commands/refuseDossier.js';
import { stopDossier } from './dossier/commands/stopDossier.js';
import { payFees, type FeePayment } from './dossier/commands/payFees.js';
import { sweepDeadlines } from './deadlines/sweepDeadlines.js';
import { sweepWaitTimers } from './dossier/commands/fireTimer.js';
import { deliverMessage, type MessageInput } from './dossier/commands/deliverMessage.js';
import { completeJob, failJob, fetchAndLock, type FailInput, type FetchInput, type JobInput } from './dossier/commands/jobs.js';
import { retryIncident } from './dossier/commands/incidents.js';
import { listIncidents } from './store/incidents/listIncidents.js';
import type { EngineContext, EngineHooks, Notifier } from './engineContext.js';
import type { TimeRules } from './deadlines/timeRules.js';
import { DEFAULT_WARNING_LEAD, type WarningLead } from './deadlines/warningTime.js';

export interface EngineOptions {
  pool: pg.Pool;
  time: TimeRules;
  hooks?: EngineHooks;
  notifier?: Notifier;
  receivingAgency?: string;
  deskDepartment?: string;
  warningLead?: WarningLead;
  log?: (message: string) => void;
}

const noHooks: EngineHooks = { afterCommit: async () => {} };
const noNotifier: Notifier = { publish: async () => {} };

/** The engine's operations, bound to one database and one clock. */
export function createOnestopEngine(options: EngineOptions) {
  const ctx: EngineContext = {
    pool: options.pool,
    definitions: new DefinitionCache(options.pool),
    time: options.time,
    hooks: options.hooks ?? noHooks,
    notifier: options.notifier ?? noNotifier,
    warningLead: options.warningLead ?? DEFAULT_WARNING_LEAD,
    log: options.log ?? ((m) => console.error(m)),
    receivingAgency: options.receivingAgency ?? '000.00.12.H26',
    deskDepartment: options.deskDepartment ?? 'MOTCUA_XA',
  };
  return {
    context: ctx,
    /** In force at once (the engine's clock) unless `effectiveAt` says later. */
    deploy: (xml: string, deployedBy?: string | null, effectiveAt?: Date | null) => deployProcedure(ctx.pool, xml, deployedBy ?? null, { effectiveAt: effectiveAt ?? ctx.time.now() }),
    loadProcessesFolder: (folder: string) => loadProcessesFolder(ctx.pool, folder, () => ctx.time.now()),
    submit: (procedureCode: string, input: SubmitInput) => submitDossier(ctx, procedureCode, input),
    completeTask: (taskId: string, input: CompleteInput) => completeTask(ctx, taskId, input),
    claimTask: (taskId: string, actor: string) => claimTask(ctx, taskId, actor),
    unclaimTask: (taskId: string, actor: string) => unclaimTask(ctx, taskId, actor),
    getTask: (taskId: string) => getTask(ctx.pool, taskId),
    getDossier: (code: string) => dossierView(ctx.pool, code, ctx.time.now()),
    history: (code: string) => dossierHistory(ctx.pool, code),
    controlSlip: (code: string) => dossierControlSlip(ctx.pool, code),
    requestSupplement: (code: string, input: SupplementRequestInput) => requestSupplement(ctx, code, input),
    receiveSupplement: (code: string, input: SupplementReceivedInput) => receiveSupplement(ctx, code, input),
    recordApology: (code: string, input: ApologyInput) => recordApology(ctx, code, input),
    returnResult: (code: string, input: ReturnInput) => returnResult(ctx, code, input),
    accept: (code: string, input: { actor: string }) => acceptDossier(ctx, code, input),
    refuse: (code: string, input: { actor: string; reasons: string[] }) => refuseDossier(ctx, code, input),
    stop: (code: string, input: { actor: string; reason: string }) => stopDossier(ctx, code, input),
    payFees: (code: string, input: FeePayment) => payFees(ctx, code, input),
    withdraw: (code: string, input: { actor: string; reason?: string }) => withdrawDossier(ctx, code, input),
    /** Records every breach and warning due now (the scheduler also runs it). */
    sweepDeadlines: () => sweepDeadlines(ctx),
    /** Fires every BPMN timer due now (the scheduler also runs it); answers how many fired. */
    fireDueTimers: () => sweepWaitTimers(ctx),
    deliverMessage: (input: MessageInput) => deliverMessage(ctx, input),
    fetchJobs: (input: FetchInput) => fetchAndLock(ctx, input),
    completeJob: (id: string, input: JobInput & { data?: Record<string, unknown> }) => completeJob(ctx, id, input),
    failJob: (id: string, input: FailInput) => failJob(ctx, id, input),
    incidents: (q: { status: 'open' | 'all' } = { status: 'open' }) => listIncidents(ctx.pool, q),
    retryIncident: (id: string, actor: string) => retryIncident(ctx, id, actor),
  };
}

export type OnestopEngine = ReturnType<typeof createOnestopEngine>;
