// Multi-instance over the dossier data. bpmn-elements runs the instances
// (parallel or sequential, each its own execution that is waited on and
// signalled alone), but resolves the collection, the cardinality and the
// completion condition through the expression handler, which is inert here
// (uploaded BPMN never steers `${...}` lookups). This one evaluates them as
// FEEL over the dossier data when the element starts:
//   onestop:collection="= agencies"          the list, one instance per item
//   onestop:elementVariable="agency"         the item's name inside an instance
//   <bpmn:loopCardinality>3 or = n           a count instead of a list
//   <bpmn:completionCondition>= expr         ends the round early when true
// The completion condition sees the dossier data and nrOfInstances,
// nrOfCompletedInstances, nrOfActiveInstances and the instances' outputs.

import * as Elements from 'bpmn-elements';
import { evaluateFeelValue, isFeelAttribute } from '../feelValue.js';
import type { DossierData } from '../feelConditions.js';
import { MAX_PARALLEL_TASKS } from '../../bpmn/modelLimits.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Not in bpmn-elements' type declarations, exported all the same.
const Base = (Elements as any).MultiInstanceLoopCharacteristics;

/** Where the dossier data comes from during one run: the engine's services. */
export const DOSSIER_DATA_SERVICE = 'onestopDossierData';

/** The dossier data key under which the outputs of a multi-instance element's instances are listed. */
export function outputsVariable(elementId: string): string {
  return `${elementId}_outputs`;
}

const fail = (activity: any, message: string) => {
  const error = new Error(`<${activity.id}> ${message}`);
  (error as any).elementId = activity.id;
  return error;
};

function dataOf(activity: any): DossierData {
  const read = activity.environment?.services?.[DOSSIER_DATA_SERVICE];
  return typeof read === 'function' ? (read() as DossierData) : {};
}

function collectionOf(activity: any, expression: string, data: DossierData): unknown[] {
  let value: unknown;
  try {
    value = evaluateFeelValue(expression, data);
  } catch (err) {
    throw fail(activity, `the collection ${JSON.stringify(expression)} could not be evaluated: ${(err as Error).message}`);
  }
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw fail(activity, `the collection ${JSON.stringify(expression)} is not a list (it is ${JSON.stringify(value)?.slice(0, 60)})`);
  return value;
}

function cardinalityOf(activity: any, text: string, data: DossierData): number {
  const value = isFeelAttribute(text) ? evaluateFeelValue(text, data) : Number(String(text).trim());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw fail(activity, `the loop cardinality ${JSON.stringify(text)} is not a whole number (it is ${JSON.stringify(value)})`);
  return n;
}

export function FeelLoopCharacteristics(this: any, activity: any, loopCharacteristics: any) {
  (Base as any).call(this, activity, loopCharacteristics);
  this.written = loopCharacteristics;
}

FeelLoopCharacteristics.prototype = Object.create((Base as any).prototype);

FeelLoopCharacteristics.prototype.execute = function execute(this: any, executeMessage: any) {
  if (!this.characteristics) {
    const behaviour = this.written.behaviour ?? {};
    const data = dataOf(this.activity);
    const content = executeMessage.content;
    // The list is read once, when the element starts, and kept in the
    // instance's stored variables under the element's execution: a later
    // change of the data does not reshape a round under way. (Not on the
    // execute message: bpmn-elements copies its content into every instance.)
    const frozen = this.activity.environment.variables;
    const key = `onestopCollection:${content.executionId}`;
    if (behaviour.collection && !Array.isArray(frozen[key])) frozen[key] = collectionOf(this.activity, behaviour.collection, data);
    const collection = behaviour.collection ? frozen[key] : undefined;
    const cardinality = behaviour.loopCardinality ? cardinalityOf(this.activity, behaviour.loopCardinality, data) : undefined;
    // bpmn-elements reads a cardinality of 0 as "none given": an empty list says "no instance".
    const items = cardinality === 0 ? [] : collection;
    const condition: string | undefined = behaviour.completionCondition;
    const total = () => cardinality ?? collection?.length ?? 0;
    if (total() > MAX_PARALLEL_TASKS) throw fail(this.activity, `would run ${total()} instances, more than the ${MAX_PARALLEL_TASKS} steps one step may open at once (MAX_PARALLEL_TASKS)`);
    this.loopCharacteristics = {
      ...this.written,
      behaviour: {
        ...behaviour,
        collection: items,
        loopCardinality: cardinality === 0 ? undefined : cardinality,
        elementVariable: behaviour.elementVariable || 'item',
        // Called through the (inert) expression handler, which calls our own functions only.
        completionCondition: condition
          ? (message: any) => {
            const outputs: unknown[] = message?.content?.loopOutput ?? [];
            const completed = outputs.filter((o) => o !== undefined && o !== null).length;
            const context = {
              ...dataOf(this.activity),
              nrOfInstances: total(),
              nrOfCompletedInstances: completed,
              nrOfActiveInstances: Math.max(0, total() - completed),
            };
            try {
              return evaluateFeelValue(condition, context) === true;
            } catch (err) {
              throw fail(this.activity, `the completion condition ${JSON.stringify(condition)} could not be evaluated: ${(err as Error).message}`);
            }
          }
          : undefined,
      },
    };
  }
  return (Base as any).prototype.execute.call(this, executeMessage);
};
