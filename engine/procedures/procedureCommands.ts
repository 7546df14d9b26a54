// The procedures noun of the engine's front door: deploy (systems and files),
// drafts and their publication, and the diff of two versions.

import type pg from 'pg';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { getVersion } from '../store/procedures/procedureRows.js';
import { deployProcedure, type PublishOptions } from './deployProcedure.js';
import { approveDraft, createDraft, lintDraft, listDrafts, publishDraft, readDraft, updateDraft } from './drafts.js';
import { publishRequiresApproval } from './publishSetting.js';
import { diffVersions } from './versionDiff.js';
import { versionInForceAt } from './versionInForce.js';

interface ProcedureContext {
  pool: pg.Pool;
  time: { now(): Date };
}

export function procedureCommands(ctx: ProcedureContext) {
  return {
    /**
     * Stores a file as the next version at once (systems, scripts). When a
     * second analyst must approve publications, this door is closed: publish a draft.
     */
    deploy: (xml: string, deployedBy?: string | null, options: Pick<PublishOptions, 'effectiveAt'> = {}) => {
      if (publishRequiresApproval()) {
        throw new ConflictError('publications need a second analyst’s approval (PUBLISH_REQUIRES_APPROVAL): save the file as a draft and publish the draft');
      }
      const now = ctx.time.now();
      if (options.effectiveAt && options.effectiveAt.getTime() < now.getTime()) {
        throw new ValidationError('effectiveAt is in the past: dossiers already received keep their version; choose now or a later time', [{ path: '/effectiveAt', message: 'must not be in the past' }]);
      }
      return deployProcedure(ctx.pool, xml, deployedBy ?? null, { effectiveAt: options.effectiveAt ?? now });
    },
    /** The version new dossiers get now (a later one may be published to take effect later). */
    versionInForce: async (code: string) => (await versionInForceAt(ctx.pool, code, ctx.time.now()))?.version ?? null,
    /** Whether a publication waits for a second analyst. */
    approvalRequired: () => publishRequiresApproval(),
    drafts: {
      create: (xml: string, input: { actor: string; basedOnVersion?: number | null }) => createDraft(ctx, xml, input),
      update: (id: string, xml: string, input: { actor: string; basedOnVersion?: number | null }) => updateDraft(ctx, id, xml, input),
      get: (id: string) => readDraft(ctx, id),
      list: (procedureCode: string | null) => listDrafts(ctx, procedureCode),
      lint: (xml: string) => lintDraft(ctx, xml),
      publish: (id: string, input: { actor: string; effectiveAt?: Date | null }) => publishDraft(ctx, id, input),
      approve: (id: string, input: { actor: string }) => approveDraft(ctx, id, input),
    },
    /** What changed from version `from` to version `to` of a procedure. */
    async diff(code: string, from: number, to: number) {
      const [a, b] = await Promise.all([getVersion(ctx.pool, code, from), getVersion(ctx.pool, code, to)]);
      if (!a) throw new NotFoundError(`procedure ${code} has no version ${from}`);
      if (!b) throw new NotFoundError(`procedure ${code} has no version ${to}`);
      return diffVersions(a.model, b.model);
    },
  };
}
