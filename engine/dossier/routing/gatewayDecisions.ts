import type { ProcedureModel } from '../../procedures/procedureModel.js';
import type { FlowTaken } from '../../runtime/processRun.js';
import type { DomainEvent } from '../recordedEvents.js';

/** History entries for the branches chosen by exclusive/inclusive gateways. */
export function gatewayDecisionEvents(model: ProcedureModel, flows: FlowTaken[], at: Date): DomainEvent[] {
  return flows
    .filter((f) => model.gateways[f.sourceId])
    .map((f) => ({
      type: 'gateway.decided',
      at,
      payload: {
        gatewayId: f.sourceId,
        gateway: model.gateways[f.sourceId].name,
        flowId: f.flowId,
        targetId: f.targetId,
        target: model.elementNames[f.targetId] ?? f.targetId,
      },
    }));
}
