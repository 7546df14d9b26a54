import * as Elements from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any */

const BaseMessage = (Elements as any).MessageEventDefinition as new (...args: any[]) => any;
const kExecuteMessage = Symbol.for('executeMessage');

// bpmn-elements arms a boundary message once per execution of its step: a
// non-interrupting one that caught its message is done, and a second
// complaint forwarded while the step is still open would find nothing
// waiting. A non-interrupting boundary event fires once per delivery for as
// long as its step is open, so after each catch it asks to be run again, the
// way bpmn-elements repeats a timer cycle (`execute.repeat`, which only a
// non-interrupting boundary event listens to).
export class RepeatingMessageEventDefinition extends BaseMessage {
  _complete(verb: string, output: unknown, options: unknown) {
    const activity = this.activity;
    if (activity?.type === 'bpmn:BoundaryEvent' && activity.behaviour?.cancelActivity === false) {
      const executeContent = (this as any)[kExecuteMessage]?.content;
      if (executeContent) this.broker.publish('execution', 'execute.repeat', { ...executeContent, repeat: -1 });
    }
    return super._complete(verb, output, options);
  }
}
