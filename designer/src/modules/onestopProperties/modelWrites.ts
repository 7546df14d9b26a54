// Every write of the one-stop panel goes through bpmn-js commands
// (element.updateModdleProperties, grouped by the properties panel's
// multi-command executor), so each change is one step of undo/redo and
// fires elements.changed (which re-lints and re-renders the panel).

import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;

export const FORM_SCHEMA = 'onestop:FormSchema';

/** The process whose attributes a procedure-level field edits, for a process, participant or collaboration. */
export function processOf(element: Any): Any | null {
  const bo = getBusinessObject(element);
  if (!bo) return null;
  if (is(bo, 'bpmn:Process')) return bo;
  if (is(bo, 'bpmn:Participant')) return bo.processRef ?? null;
  if (is(bo, 'bpmn:Collaboration')) {
    const processes = (bo.participants ?? []).map((p: Any) => p.processRef).filter(Boolean);
    return processes.find((p: Any) => p.isExecutable) ?? processes[0] ?? null;
  }
  return null;
}

export function updateAttrs(modeling: Any, element: Any, moddleElement: Any, properties: Record<string, unknown>): void {
  modeling.updateModdleProperties(element, moddleElement, properties);
}

export function formSchemaOf(bo: Any): Any | undefined {
  return (bo?.extensionElements?.values ?? []).find((v: Any) => is(v, FORM_SCHEMA));
}

/**
 * Sets (or with an empty text removes) the `onestop:formSchema` extension
 * element, creating `bpmn:extensionElements` when needed, as one command.
 */
export function setFormSchema(injector: Any, element: Any, text: string): void {
  const commandStack = injector.get('commandStack');
  const bpmnFactory = injector.get('bpmnFactory');
  const bo = getBusinessObject(element);
  const commands: Any[] = [];
  const update = (moddleElement: Any, properties: Record<string, unknown>) =>
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });

  let extensionElements = bo.extensionElements;
  const existing = formSchemaOf(bo);

  if (!text.trim()) {
    if (!existing) return;
    const rest = extensionElements.values.filter((v: Any) => v !== existing);
    update(extensionElements, { values: rest });
    if (!rest.length) update(bo, { extensionElements: undefined });
  } else if (existing) {
    if (existing.body === text) return;
    update(existing, { body: text });
  } else {
    if (!extensionElements) {
      extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
      extensionElements.$parent = bo;
      update(bo, { extensionElements });
    }
    const schema = bpmnFactory.create(FORM_SCHEMA, { body: text });
    schema.$parent = extensionElements;
    update(extensionElements, { values: [...(extensionElements.values ?? []), schema] });
  }
  commandStack.execute('properties-panel.multi-command-executor', commands);
}

/** Sets or removes a sequence flow's FEEL condition (a bpmn:FormalExpression without language, i.e. FEEL). */
export function setCondition(injector: Any, element: Any, text: string | undefined): void {
  const modeling = injector.get('modeling');
  const bpmnFactory = injector.get('bpmnFactory');
  const bo = getBusinessObject(element);
  const current = bo.conditionExpression;
  if (!text || !text.trim()) {
    if (current) modeling.updateModdleProperties(element, bo, { conditionExpression: undefined });
    return;
  }
  if (current && is(current, 'bpmn:FormalExpression')) {
    modeling.updateModdleProperties(element, current, { body: text });
    return;
  }
  const expression = bpmnFactory.create('bpmn:FormalExpression', { body: text });
  expression.$parent = bo;
  modeling.updateModdleProperties(element, bo, { conditionExpression: expression });
}

/** Makes the flow its source gateway's default flow, or stops it being one. */
export function setDefaultFlow(injector: Any, element: Any, isDefault: boolean): void {
  const modeling = injector.get('modeling');
  const bo = getBusinessObject(element);
  const gatewayShape = element.source;
  const gateway = bo.sourceRef;
  if (!gatewayShape || !gateway) return;
  if (isDefault) {
    // element.updateProperties (not ...ModdleProperties) re-renders the old
    // and the new default flow's marker.
    const commands: Any[] = [{ cmd: 'element.updateProperties', context: { element: gatewayShape, properties: { default: bo } } }];
    // A default flow carries no condition: the engine would ignore it anyway.
    if (bo.conditionExpression) commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { conditionExpression: undefined } } });
    injector.get('commandStack').execute('properties-panel.multi-command-executor', commands);
  } else if (gateway.default === bo) {
    modeling.updateProperties(gatewayShape, { default: undefined });
  }
}
