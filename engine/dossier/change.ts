import type { PoolClient } from 'pg';
import type { EngineContext } from '../engineContext.js';
import { withTransaction } from '../store/db.js';
import { lockDossierByCode, lockDossierOfTask, type DossierRow } from '../store/dossiers/dossierRows.js';
import { listDossierTasks, type TaskRow } from '../store/tasks/taskRows.js';
import { appendEventsReadingStatus, type NewEvent } from '../store/events/eventRows.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { commitEffects } from '../commitEffects.js';
import type { CommittedChange, DeadlineTimer, WaitTimer } from './changeTypes.js';
import { citizenNoticeOf, recordedEvent, type DomainEvent } from './recordedEvents.js';
import type { DossierStatus } from './statuses.js';
import { recordPortalChange } from '../portal/portalOutbox.js';
import { queueCitizenNotices } from '../notices/noticeQueue.js';
import type { CitizenNotice } from '../notices/citizenNotice.js';

/** The least a change needs to know of its dossier. */
export interface DossierRef {
  id: number;
  code: string;
}

export type LockedDossier = DossierRow & { engineState: unknown };

/**
 * What a command gets for one change of one dossier: the transaction, the
 * dossier (locked), the time, and where to put what it changed. Everything
 * it records is written and acted on by the unit of work, after the command.
 */
export interface UnitOfWork<D extends DossierRef = DossierRef> {
  readonly db: PoolClient;
  readonly dossier: D;
  /** The clock, read once for the whole change. */
  readonly now: Date;
  /** Facts for the dossier's history; the notices sent after commit follow from them. */
  record(...events: DomainEvent[]): void;
  /** Tasks completed or cancelled: their timers are void. */
  close(taskIds: string[]): void;
  /** A due time set or moved: of a step, or of the promised date (taskId null). */
  arm(timer: Omit<DeadlineTimer, 'dossierId'>): void;
  /** The promised date no longer runs (resolved, withdrawn, paused). */
  voidDossierTimers(): void;
  /** A BPMN timer recorded on a wait row: fired at its due time after commit. */
  armWait(timer: WaitTimer): void;
}

export type DossierWork = UnitOfWork<LockedDossier>;

/** A change reached through one of the dossier's tasks (claim, completion). */
export interface TaskWork extends DossierWork {
  readonly task: TaskRow;
  /** Every step of the dossier, read once with the task (no step data). */
  readonly steps: TaskRow[];
}

export interface TaskTarget {
  taskId: string;
  /** The task's own state, checked before the dossier's status. */
  check?: (task: TaskRow) => void;
}

/**
 * One change of an existing dossier: opens the transaction, locks the dossier
 * (by code, or through a task with the dossier's steps read in the same go),
 * refuses it outside `allowed`, runs the command's rule, writes the recorded
 * history, commits and runs the effects.
 */
export function changeDossier<R>(ctx: EngineContext, target: { code: string }, allowed: readonly DossierStatus[], action: string, command: (w: DossierWork) => Promise<R>): Promise<R>;
export function changeDossier<R>(ctx: EngineContext, target: TaskTarget, allowed: readonly DossierStatus[], action: string, command: (w: TaskWork) => Promise<R>): Promise<R>;
export function changeDossier<R>(
  ctx: EngineContext,
  target: { code: string } | TaskTarget,
  allowed: readonly DossierStatus[],
  action: string,
  command: (w: TaskWork) => Promise<R>,
): Promise<R> {
  const open = async (db: PoolClient): Promise<{ dossier: LockedDossier; task?: TaskRow; steps?: TaskRow[] }> => {
    if ('code' in target) {
      const dossier = await lockDossierByCode(db, target.code);
      if (!dossier) throw new NotFoundError(`dossier ${target.code} does not exist`).because('dossier-not-found', { code: target.code });
      refuseStatus(dossier, allowed, action);
      return { dossier };
    }
    // Locked through the task, so claims and completions of a dossier queue on one row.
    const dossier = await lockDossierOfTask(db, target.taskId);
    const steps = dossier ? await listDossierTasks(db, dossier.id) : [];
    const task = steps.find((t) => t.id === target.taskId);
    if (!dossier || !task) throw new NotFoundError(`task ${target.taskId} does not exist`).because('task-not-found', { id: target.taskId });
    target.check?.(task);
    refuseStatus(dossier, allowed, action);
    return { dossier, task, steps };
  };
  // By code the command is a DossierWork one (the overloads keep the two apart).
  return runChange(ctx, null, open, command as (w: DossierWork) => Promise<R>);
}

/**
 * A dossier's first change, its reception: `insert` writes the dossier row in
 * the transaction. `now` was read by the caller, who needed it before.
 */
export function receiveDossier<R>(ctx: EngineContext, now: Date, insert: (db: PoolClient) => Promise<DossierRef>, command: (w: UnitOfWork) => Promise<R>): Promise<R> {
  return runChange(ctx, now, async (db) => ({ dossier: await insert(db) }), command);
}

function refuseStatus(dossier: DossierRow, allowed: readonly DossierStatus[], action: string) {
  if (allowed.includes(dossier.status)) return;
  const name = (s: string) => s.replace(/_/g, ' ');
  throw new ConflictError(`cannot ${action}: dossier ${dossier.code} is ${name(dossier.status)} (allowed when ${allowed.map(name).join(' or ')})`)
    .because('dossier-status', { code: dossier.code, status: dossier.status });
}

async function runChange<O extends { dossier: DossierRef }, R>(
  ctx: EngineContext,
  givenNow: Date | null,
  open: (db: PoolClient) => Promise<O>,
  command: (w: O & UnitOfWork<O['dossier']>) => Promise<R>,
): Promise<R> {
  const outcome = await withTransaction(ctx.pool, async (db) => {
    const opened = await open(db);
    const { dossier } = opened;
    // Read after the lock: a change that waited for another is stamped after it.
    const now = givenNow ?? ctx.time.now();
    const history: NewEvent[] = [];
    const citizen: CitizenNotice[] = [];
    const change: CommittedChange = { dossierId: dossier.id, dossierCode: dossier.code, created: [], closed: [], timers: [], dossierTimersVoid: false, notify: [] };
    const work: UnitOfWork<O['dossier']> = {
      db,
      dossier,
      now,
      record(...events) {
        for (const e of events) {
          const { history: row, notice } = recordedEvent(e, dossier.code);
          history.push(row);
          if (notice) change.notify.push(notice);
          const told = citizenNoticeOf(e);
          if (told) citizen.push(told);
          if (e.type === 'task.created') change.created.push(e.task);
        }
      },
      close: (taskIds) => void change.closed.push(...taskIds),
      arm: (timer) => void change.timers.push({ dossierId: dossier.id, ...timer }),
      voidDossierTimers: () => void (change.dossierTimersVoid = true),
      armWait: (timer) => void (change.waitTimers ??= []).push(timer),
    };
    const before = 'status' in dossier ? (dossier as { status: DossierStatus }).status : null;
    const result = await command({ ...opened, ...work });
    const after = await appendEventsReadingStatus(db, dossier.id, history);
    // The national portal hears of every status change, in this transaction (Circular 04/2025);
    // a change that left the status as it was (most steps) has nothing to tell it.
    if (before === null || after !== before) await recordPortalChange(db, dossier, before, now);
    // The citizen's notices are queued with the change and sent after commit (engine/notices).
    await queueCitizenNotices(db, dossier, citizen, ctx.deskDepartment, now);
    return { result, change };
  });
  if (hasEffects(outcome.change)) await commitEffects(ctx, outcome.change);
  return outcome.result;
}

function hasEffects(c: CommittedChange): boolean {
  return c.created.length > 0 || c.closed.length > 0 || c.timers.length > 0 || c.dossierTimersVoid || c.notify.length > 0 || !!c.waitTimers?.length;
}
