// What changed between two versions of a procedure, from their stored models:
// the elements added, removed or changed (by id and name), the departments
// that handle the steps, the deadlines, the forms. Pure: two models in, a
// list out, for the designer's version list and for review before approval.

import type { ProcedureModel, StepModel } from './procedureModel.js';
import type { JsonSchema } from '../forms/formValidator.js';

export type ElementAspect = 'name' | 'department' | 'deadline' | 'clock' | 'counted' | 'form' | 'resultDocuments';

export interface ElementRef {
  id: string;
  name: string;
}

export interface ElementChange extends ElementRef {
  /** The name in the older version when it was renamed. */
  previousName?: string;
  aspects: ElementAspect[];
}

export interface DepartmentChange extends ElementRef {
  from: string | null;
  to: string | null;
}

/** `id` null: the whole procedure's deadline (the promised date). */
export interface DeadlineChange {
  id: string | null;
  name: string;
  from: string | null;
  to: string | null;
}

export interface FormFieldChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/** `id` null: the reception (start) form. */
export interface FormChange {
  id: string | null;
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: FormFieldChanges;
}

export interface VersionDiff {
  elements: { added: ElementRef[]; removed: ElementRef[]; changed: ElementChange[] };
  departments: DepartmentChange[];
  deadlines: DeadlineChange[];
  forms: FormChange[];
  /** Process-level attributes that changed (name, supplement policy, fee, …), as written. */
  procedure: Array<{ attribute: string; from: string | null; to: string | null }>;
  /** Nothing above changed. */
  same: boolean;
}

/** A stable text of a JSON value (object keys sorted), for comparing schemas written in another order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function fieldsOf(schema: JsonSchema | null): Map<string, string> {
  const properties = (schema?.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return new Map(Object.entries(properties).map(([key, field]) => [key, canonical({ field, required: required.has(key) })]));
}

/** Fields of two JSON Schema forms; a field whose definition or obligation changed is "changed". */
export function diffFormFields(before: JsonSchema | null, after: JsonSchema | null): FormFieldChanges {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
  };
}

function formChange(id: string | null, name: string, before: JsonSchema | null, after: JsonSchema | null): FormChange | null {
  if (same(before, after)) return null;
  const change = !before ? 'added' : !after ? 'removed' : 'changed';
  return { id, name, change, fields: diffFormFields(before, after) };
}

function stepAspects(a: StepModel, b: StepModel): ElementAspect[] {
  const aspects: ElementAspect[] = [];
  if (a.department !== b.department) aspects.push('department');
  if ((a.deadline ?? null) !== (b.deadline ?? null)) aspects.push('deadline');
  if (a.clock !== b.clock) aspects.push('clock');
  if (a.counted !== b.counted) aspects.push('counted');
  if (!same(a.form, b.form)) aspects.push('form');
  if (!same(a.resultDocuments ?? [], b.resultDocuments ?? [])) aspects.push('resultDocuments');
  return aspects;
}

const PROCEDURE_ATTRIBUTES = ['name', 'procedureCode', 'clock', 'supplementPolicy', 'calendarId', 'fee', 'field', 'anyReceivingPoint', 'startDepartment'] as const;

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The changes from `before` (the older version) to `after`. */
export function diffVersions(before: ProcedureModel, after: ProcedureModel): VersionDiff {
  const namesA = before.elementNames ?? {};
  const namesB = after.elementNames ?? {};
  const stepsA = before.steps ?? {};
  const stepsB = after.steps ?? {};
  const nameIn = (names: Record<string, string>, id: string) => names[id] ?? id;

  const added = Object.keys(namesB).filter((id) => !(id in namesA)).map((id) => ({ id, name: nameIn(namesB, id) }));
  const removed = Object.keys(namesA).filter((id) => !(id in namesB)).map((id) => ({ id, name: nameIn(namesA, id) }));
  const changed: ElementChange[] = [];
  const departments: DepartmentChange[] = [];
  const deadlines: DeadlineChange[] = [];
  const forms: FormChange[] = [];

  if ((before.deadline ?? null) !== (after.deadline ?? null)) {
    deadlines.push({ id: null, name: after.name, from: before.deadline ?? null, to: after.deadline ?? null });
  }
  const startForm = formChange(null, after.name, before.startForm ?? null, after.startForm ?? null);
  if (startForm) forms.push(startForm);

  for (const id of Object.keys(namesB).filter((k) => k in namesA)) {
    const aspects: ElementAspect[] = [];
    const renamed = namesA[id] !== namesB[id];
    if (renamed) aspects.push('name');
    const a = stepsA[id];
    const b = stepsB[id];
    if (a && b) aspects.push(...stepAspects(a, b));
    if (aspects.length) changed.push({ id, name: namesB[id], ...(renamed ? { previousName: namesA[id] } : {}), aspects });
  }

  // Departments, deadlines and forms of every step present in either version.
  const stepIds = [...new Set([...Object.keys(stepsA), ...Object.keys(stepsB)])];
  for (const id of stepIds) {
    const a = stepsA[id];
    const b = stepsB[id];
    const name = b?.name ?? a?.name ?? id;
    if ((a?.department ?? null) !== (b?.department ?? null)) departments.push({ id, name, from: a?.department ?? null, to: b?.department ?? null });
    if ((a?.deadline ?? null) !== (b?.deadline ?? null)) deadlines.push({ id, name, from: a?.deadline ?? null, to: b?.deadline ?? null });
    const form = formChange(id, name, a?.form ?? null, b?.form ?? null);
    if (form) forms.push(form);
  }

  const procedure = PROCEDURE_ATTRIBUTES
    .filter((attribute) => text(before[attribute]) !== text(after[attribute]))
    .map((attribute) => ({ attribute, from: text(before[attribute]), to: text(after[attribute]) }));

  const nothing = !added.length && !removed.length && !changed.length && !departments.length && !deadlines.length && !forms.length && !procedure.length;
  return { elements: { added, removed, changed }, departments, deadlines, forms, procedure, same: nothing };
}
