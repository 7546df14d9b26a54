// Drafts: a procedure version saved on the server before it goes live. A
// draft may be anything the analyst has drawn, even a file that does not
// parse; publishing checks it with the deploy rules (422 with every problem),
// takes an effective time (dossiers received before it keep the previous
// version) and, when the setting asks for it, waits for a second analyst.

import type pg from 'pg';
import { parseBpmn } from '../bpmn/parseBpmn.js';
import { executableProcessOf } from '../bpmn/executableProcess.js';
import { lintBpmn, type LintProblem } from '../lint/lintBpmn.js';
import { withTransaction } from '../store/db.js';
import { listDepartments } from '../store/departments/departmentRows.js';
import {
  getDraft, insertDraft, listOpenDrafts, markAwaitingApproval, markPublished, updateDraftContent,
  type DraftContent, type DraftRow,
} from '../store/procedures/draftRows.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { checkProcedure, storeVersion, type DeployResult } from './deployProcedure.js';
import { publishRequiresApproval } from './publishSetting.js';

export type { DraftRow, DraftStatus } from '../store/procedures/draftRows.js';

interface DraftContext {
  pool: pg.Pool;
  time: { now(): Date };
}

/** An effective time this far in the past is taken as "now" (the clocks of browser and server differ a little). */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** The procedure code and name of a draft when its file parses; nulls when it does not (it is still saved). */
async function contentOf(xml: string, basedOnVersion: number | null): Promise<DraftContent> {
  try {
    const { rootElement } = await parseBpmn(xml);
    const process = executableProcessOf(rootElement);
    const code = typeof process?.procedureCode === 'string' && process.procedureCode.trim() ? process.procedureCode.trim() : null;
    return { xml, procedureCode: code, name: process?.name ?? null, basedOnVersion };
  } catch {
    return { xml, procedureCode: null, name: null, basedOnVersion };
  }
}

function checkXml(xml: string): void {
  if (typeof xml !== 'string' || !xml.trim()) {
    throw new ValidationError('the draft is empty: send the BPMN file as application/xml', [{ path: '/body', message: 'is empty' }]);
  }
}

export async function createDraft(ctx: DraftContext, xml: string, input: { actor: string; basedOnVersion?: number | null }): Promise<DraftRow> {
  checkXml(xml);
  return insertDraft(ctx.pool, { ...(await contentOf(xml, input.basedOnVersion ?? null)), actor: input.actor, at: ctx.time.now() });
}

export async function updateDraft(ctx: DraftContext, id: string, xml: string, input: { actor: string; basedOnVersion?: number | null }): Promise<DraftRow> {
  checkXml(xml);
  const content = await contentOf(xml, input.basedOnVersion ?? null);
  const row = await updateDraftContent(ctx.pool, id, { ...content, actor: input.actor, at: ctx.time.now() });
  if (row) return row;
  await draftOrThrow(ctx.pool, id);
  throw new ConflictError(`draft ${id} was published already: start a new draft from its version`);
}

async function draftOrThrow(db: pg.Pool | pg.PoolClient, id: string, lock = false) {
  const draft = await getDraft(db, id, { lock });
  if (!draft) throw new NotFoundError(`draft ${id} does not exist`);
  return draft;
}

export const readDraft = (ctx: DraftContext, id: string) => draftOrThrow(ctx.pool, id);
export const listDrafts = (ctx: DraftContext, procedureCode: string | null) => listOpenDrafts(ctx.pool, procedureCode);

/** The deploy rules' verdict on a draft: errors stop its publication, warnings are shown before it. */
export async function lintDraft(ctx: DraftContext, xml: string): Promise<LintProblem[]> {
  const departments = (await listDepartments(ctx.pool)).map((d) => d.code);
  return (await lintBpmn(xml, { departments })).problems;
}

export type PublishOutcome =
  | { kind: 'published'; draft: DraftRow; version: DeployResult }
  | { kind: 'awaiting_approval'; draft: DraftRow; warnings: DeployResult['warnings'] };

function effectiveTime(now: Date, requested: Date | null | undefined): Date {
  if (!requested) return now;
  if (Number.isNaN(requested.getTime())) throw new ValidationError('effectiveAt is not a date and time', [{ path: '/effectiveAt', message: 'is not a date-time' }]);
  if (requested.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new ValidationError('effectiveAt is in the past: dossiers already received keep their version; choose now or a later time', [
      { path: '/effectiveAt', message: 'must not be in the past' },
    ]);
  }
  return requested.getTime() < now.getTime() ? now : requested;
}

/**
 * Publishes a draft: checked like a deploy (422 with the problems), then
 * either stored as the next version taking effect at `effectiveAt` (default
 * now) or, when approval is required, left awaiting a second analyst.
 */
export async function publishDraft(ctx: DraftContext, id: string, input: { actor: string; effectiveAt?: Date | null }): Promise<PublishOutcome> {
  const now = ctx.time.now();
  const effectiveAt = effectiveTime(now, input.effectiveAt);
  const draft = await draftOrThrow(ctx.pool, id);
  if (draft.status === 'published') throw new ConflictError(`draft ${id} was published already as version ${draft.publishedVersion}`);
  if (draft.status === 'awaiting_approval') throw new ConflictError(`draft ${id} already awaits approval: another analyst approves it, or a change withdraws the request`);
  const checked = await checkProcedure(ctx.pool, draft.xml);
  return withTransaction(ctx.pool, async (client) => {
    const locked = await draftOrThrow(client, id, true);
    if (locked.status !== 'draft' || locked.xml !== draft.xml) throw new ConflictError(`draft ${id} changed while it was being published: publish it again`);
    if (publishRequiresApproval()) {
      return { kind: 'awaiting_approval' as const, draft: await markAwaitingApproval(client, id, input.actor, now, effectiveAt), warnings: checked.warnings };
    }
    const version = await storeVersion(client, draft.xml, checked, input.actor, { effectiveAt, draftId: id });
    return { kind: 'published' as const, draft: await markPublished(client, id, version.version, input.actor, now, version.effectiveAt), version };
  });
}

/**
 * A second analyst approves a draft awaiting approval: it becomes the next
 * version, in the name of whoever asked to publish it. Its authors (who wrote
 * it, who last changed it, who asked) cannot approve it. An effective time
 * already past when it is approved becomes the approval's time.
 */
export async function approveDraft(ctx: DraftContext, id: string, input: { actor: string }): Promise<PublishOutcome> {
  const now = ctx.time.now();
  const draft = await draftOrThrow(ctx.pool, id);
  if (draft.status !== 'awaiting_approval') throw new ConflictError(`draft ${id} does not await approval (it is ${draft.status === 'published' ? 'published' : 'a draft'})`);
  const authors = new Set([draft.createdBy, draft.updatedBy, draft.publishRequestedBy]);
  if (authors.has(input.actor)) throw new ForbiddenError(`the approver must be another analyst than the draft's author (${input.actor} wrote or submitted it)`);
  const checked = await checkProcedure(ctx.pool, draft.xml);
  return withTransaction(ctx.pool, async (client) => {
    const locked = await draftOrThrow(client, id, true);
    if (locked.status !== 'awaiting_approval' || locked.xml !== draft.xml) throw new ConflictError(`draft ${id} changed while it was being approved: look at it again`);
    const effectiveAt = locked.effectiveAt && locked.effectiveAt.getTime() > now.getTime() ? locked.effectiveAt : now;
    const version = await storeVersion(client, draft.xml, checked, locked.publishRequestedBy, { effectiveAt, approvedBy: input.actor, approvedAt: now, draftId: id });
    return { kind: 'published' as const, draft: await markPublished(client, id, version.version, locked.publishRequestedBy ?? input.actor, now, version.effectiveAt), version };
  });
}
