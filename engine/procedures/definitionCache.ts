import type pg from 'pg';
import { parseBpmn } from '../bpmn/parseBpmn.js';
import { runOnlyTheProcedure } from '../bpmn/executableProcess.js';
import { serializeDefinition } from '../runtime/serializeDefinition.js';
import { buildWaitModel, type WaitModel } from '../runtime/waitModel.js';
import { compileForm, type FormValidator } from '../forms/formValidator.js';
import { getVersionById } from '../store/procedures/procedureRows.js';
import { NotFoundError } from '../errors.js';
import type { ProcedureModel } from './procedureModel.js';

const NO_DATA_FORM = { type: 'object', properties: {}, additionalProperties: false };

export interface RuntimeDefinition {
  versionId: number;
  procedureCode: string;
  version: number;
  model: ProcedureModel;
  /** Timers, awaited messages and external jobs of the version. */
  waits: WaitModel;
  /** What bpmn-engine runs; shared read-only by every dossier of the version. */
  sourceContext: unknown;
  startForm: FormValidator;
  stepForms: Record<string, FormValidator>;
}

/**
 * One parsed definition per deployed version, kept in memory. Versions never
 * change once deployed, so entries never go stale; the cap only bounds memory
 * on a server that has seen many versions.
 */
export class DefinitionCache {
  private readonly entries = new Map<number, Promise<RuntimeDefinition>>();

  constructor(private readonly pool: pg.Pool, private readonly capacity = 500) {}

  get(versionId: number): Promise<RuntimeDefinition> {
    const hit = this.entries.get(versionId);
    if (hit) {
      // Refresh recency: Map iteration order is insertion order.
      this.entries.delete(versionId);
      this.entries.set(versionId, hit);
      return hit;
    }
    const loading = this.load(versionId);
    loading.catch(() => this.entries.delete(versionId));
    this.entries.set(versionId, loading);
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as number);
    }
    return loading;
  }

  private async load(versionId: number): Promise<RuntimeDefinition> {
    const row = await getVersionById(this.pool, versionId);
    if (!row) throw new NotFoundError(`procedure version ${versionId} does not exist`);
    const parsed = await parseBpmn(row.xml);
    // Other pools of a collaboration are documentation: never run, never started by a message.
    runOnlyTheProcedure(parsed.rootElement);
    const stepForms: Record<string, FormValidator> = {};
    // A step without a form takes no data: nothing may slip into the dossier.
    for (const step of Object.values(row.model.steps)) stepForms[step.elementId] = compileForm(step.form ?? NO_DATA_FORM);
    return {
      versionId,
      procedureCode: row.procedureCode,
      version: row.version,
      model: row.model,
      waits: buildWaitModel(parsed.rootElement),
      sourceContext: serializeDefinition(parsed),
      startForm: compileForm(row.model.startForm),
      stepForms,
    };
  }
}
