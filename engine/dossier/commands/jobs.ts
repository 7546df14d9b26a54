import type { EngineContext } from '../../engineContext.js';
import { signalInstance } from '../../runtime/processRun.js';
import { fetchAndLockJobs } from '../../store/jobs/fetchAndLockJobs.js';
import type { LockedJob } from '../../store/jobs/jobRow.js';
import { jobLock } from '../../store/jobs/jobLock.js';
import { failJob as recordFailure } from '../../store/jobs/failJob.js';
import { openIncident } from '../../store/incidents/openIncident.js';
import { markTaskCompleted, type TaskRow } from '../../store/tasks/taskRows.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { ConflictError, errorsAt, NotFoundError, ProcessError, ValidationError } from '../../errors.js';
import { refuseOutOfScope } from '../departmentScope.js';
import { changeDossier } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { DossierStatus } from '../statuses.js';
import { applyRun } from '../routing/applyRun.js';
import { elementForm } from '../routing/elementForm.js';
import { recordProcessIncident } from './incidents.js';

export type { LockedJob } from '../../store/jobs/jobRow.js';

export interface FetchInput {
  jobType: string;
  department?: string | null;
  max: number;
  lockSeconds: number;
  worker: string;
}

/** Locks open jobs of a type for a worker; an officer's key fetches only its department's. */
export function fetchAndLock(ctx: EngineContext, input: FetchInput): Promise<LockedJob[]> {
  const now = ctx.time.now();
  return fetchAndLockJobs(ctx.pool, {
    jobType: input.jobType,
    department: input.department ?? null,
    max: input.max,
    worker: input.worker,
    now,
    lockedUntil: new Date(now.getTime() + input.lockSeconds * 1000),
  });
}

export interface JobInput {
  worker: string;
  actingFor?: string | null;
}

function refuseJob(task: TaskRow, input: JobInput) {
  if (task.kind !== 'job') throw new NotFoundError(`job ${task.id} does not exist`);
  refuseOutOfScope(task, input.actingFor);
  if (task.status !== 'open') throw new ConflictError(`job ${task.id} is ${task.status}`);
}

/** The worker must hold an unexpired lock: a job whose lock expired may be with another worker now. */
async function refuseLock(ctx: EngineContext, db: Parameters<typeof jobLock>[0], task: TaskRow, worker: string, now: Date) {
  const lock = await jobLock(db, task.id);
  if (!lock?.lockedUntil || lock.lockedBy !== worker || lock.lockedUntil.getTime() <= now.getTime()) {
    throw new ConflictError(`job ${task.id} is not locked by ${worker}: fetch and lock it first (a lock that expired may be held by another worker)`);
  }
}

export interface JobCompleted {
  dossierCode: string;
  status: DossierStatus;
  created: CreatedTask[];
}

/**
 * Completes an external job with the data of the other agency's system
 * (checked against the element's form) and moves the dossier on. When the
 * process cannot go on from there the job stays open with an incident.
 */
export async function completeJob(ctx: EngineContext, jobId: string, input: JobInput & { data?: Record<string, unknown> }): Promise<JobCompleted> {
  try {
    return await changeDossier(ctx, { taskId: jobId, check: (t) => refuseJob(t, input) }, ['processing'], 'complete the job', async (work) => {
      const { db, dossier, task, now } = work;
      await refuseLock(ctx, db, task, input.worker, now);
      const definition = await ctx.definitions.get(dossier.procedureVersionId);
      const data = input.data ?? {};
      const errors = errorsAt('/data', elementForm(definition.waits.jobs[task.elementId]?.form)(data));
      if (errors.length) throw new ValidationError(`the data for job "${task.name}" is invalid: ${formatFieldErrors(errors)}`, errors);
      const merged = { ...(dossier.data as Record<string, unknown>), ...data };
      const run = await signalInstance(definition.sourceContext, dossier.engineState, { elementId: task.elementId, executionId: task.executionId }, merged);
      const timeliness = classifyTimeliness(now, task.dueAt);
      await markTaskCompleted(db, task.id, { completedAt: now, completedBy: input.worker, timeliness, data });
      work.record({ type: 'task.completed', at: now, actor: input.worker, payload: { taskId: task.id, elementId: task.elementId, name: task.name, department: task.department, dueAt: task.dueAt, timeliness, data } });
      work.close([task.id]);
      const applied = await applyRun(ctx, work, { definition, run, data: merged, fromDepartment: task.department });
      return { dossierCode: dossier.code, status: applied.status, created: applied.created };
    });
  } catch (err) {
    if (err instanceof ProcessError) await recordProcessIncident(ctx, { taskId: jobId, error: err });
    throw err;
  }
}

export interface FailInput extends JobInput {
  message: string;
  retries: number;
  retryInSeconds?: number;
}

/** A worker could not do the job: it is fetchable again later while retries remain, else an incident. */
export async function failJob(ctx: EngineContext, jobId: string, input: FailInput): Promise<{ retries: number; incidentId: string | null }> {
  return changeDossier(ctx, { taskId: jobId, check: (t) => refuseJob(t, input) }, ['processing'], 'fail the job', async (work) => {
    const { db, dossier, task, now } = work;
    await refuseLock(ctx, db, task, input.worker, now);
    const retries = Math.max(0, Math.floor(input.retries));
    const retryAt = input.retryInSeconds ? new Date(now.getTime() + input.retryInSeconds * 1000) : null;
    await recordFailure(db, task.id, { retries, retryAt, error: input.message });
    if (retries > 0) return { retries, incidentId: null };
    const message = `job "${task.name}" failed with no retries left: ${input.message}`;
    const incidentId = await openIncident(db, { dossierId: dossier.id, kind: 'job-failed', elementId: task.elementId, taskId: task.id, waitId: null, message, at: now });
    work.record({ type: 'incident.opened', at: now, actor: input.worker, payload: { incidentId, elementId: task.elementId, kind: 'job-failed', message } });
    return { retries, incidentId };
  });
}
