// bpmn-elements runs an inclusive gateway as a pass-through: as a join it
// let every arriving branch through, so the step after it ran once per
// branch. This one joins like bpmn-elements' parallel gateway, which waits
// until every incoming flow has been either taken or discarded: untaken
// branches of the split are discarded all the way down (dead-path
// elimination), so the join waits for exactly the branches that can still
// arrive and runs once. As a split it is unchanged: every flow whose
// condition holds is taken, else the default flow.

import { Activity } from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any */

function InclusiveGatewayBehaviour(this: any, activity: any) {
  this.id = activity.id;
  this.type = activity.type;
  this.broker = activity.broker;
}

InclusiveGatewayBehaviour.prototype.execute = function execute(this: any, { content }: { content: any }) {
  this.broker.publish('execution', 'execute.completed', { ...content });
};

export function InclusiveGateway(activityDef: any, context: any): any {
  return new (Activity as any)(InclusiveGatewayBehaviour, { ...activityDef, isParallelGateway: true }, context);
}
