// Diagrams in and out of the designer: the new-procedure template, auto
// layout of files without diagram interchange (shared with the workspace's
// viewer, web/shared/bpmn/layout.ts), and file download.

import { saveBlob } from '../../../../web/shared/dom.js';
import { t } from '../../../../web/shared/i18n/i18n.js';

export { ensureLayout, hasDiagramInterchange } from '../../../../web/shared/bpmn/layout.js';


const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A new procedure: an executable process with a start event, one user task
 * and an end event. The procedure code and the task's department are left
 * empty on purpose: the lint shows the analyst what to fill in.
 */
export function newDiagramXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:onestop="urn:onestop:bpmn:1.0" id="Definitions_New" targetNamespace="urn:onestop:processes">
  <bpmn:process id="Process_New" name="${escapeXml(t('new.processName'))}" isExecutable="true" onestop:deadline="P5D">
    <bpmn:startEvent id="StartEvent_Received" name="${escapeXml(t('new.start'))}">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Task_Handle" name="${escapeXml(t('new.task'))}" onestop:deadline="P3D">
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_Returned" name="${escapeXml(t('new.end'))}">
      <bpmn:incoming>Flow_2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="Task_Handle" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Handle" targetRef="EndEvent_Returned" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_New">
    <bpmndi:BPMNPlane id="BPMNPlane_New" bpmnElement="Process_New">
      <bpmndi:BPMNShape id="StartEvent_Received_di" bpmnElement="StartEvent_Received">
        <dc:Bounds x="182" y="142" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="160" y="185" width="80" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Handle_di" bpmnElement="Task_Handle">
        <dc:Bounds x="290" y="120" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_Returned_di" bpmnElement="EndEvent_Returned">
        <dc:Bounds x="462" y="142" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="440" y="185" width="80" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
        <di:waypoint x="218" y="160" /><di:waypoint x="290" y="160" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
        <di:waypoint x="390" y="160" /><di:waypoint x="462" y="160" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** Saves the diagram (or any text) as a file the browser downloads. */
export function downloadText(text: string, fileName: string, type = 'application/xml'): void {
  saveBlob(new Blob([text], { type }), fileName);
}

/** A file name from the procedure code (or the process name), e.g. "2.002621-v3.bpmn". */
export function fileNameFor(code: string | undefined, version: number | undefined, fallback: string): string {
  const base = (code || fallback || 'procedure').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'procedure';
  return `${base}${version ? `-v${version}` : ''}.bpmn`;
}
