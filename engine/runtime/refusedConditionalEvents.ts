/* eslint-disable @typescript-eslint/no-explicit-any */

// Conditional events are refused at deploy (engine/bpmn/supportedElements.ts).
// This is the second wall, for a version deployed before that rule: left to
// bpmn-elements, a condition without a script language goes through the
// expression resolver, which returns the text as written, and a non-empty
// text is truthy, so the event would fire at once as if its condition held.
// Here it stops the run instead, which the dossier records as an incident.
export class RefusedConditionalEventDefinition {
  readonly id: string;
  readonly type: string;
  private readonly broker: any;

  constructor(activity: any, eventDefinition: any) {
    this.id = activity.id;
    this.type = eventDefinition?.type ?? 'bpmn:ConditionalEventDefinition';
    this.broker = activity.broker;
  }

  execute(executeMessage: any): void {
    const error = new Error(`<${this.id}> conditional events are not run (their condition is never taken as true): redeploy the procedure with an exclusive gateway whose condition is FEEL`);
    this.broker.publish('execution', 'execute.error', { ...executeMessage.content, error });
  }
}
