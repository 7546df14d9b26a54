// Procedures for the status lifecycle tests: one step at the civil-status
// department, 3 working days; the second with fees (status 6), the third
// received at any receiving point for the agency that resolves it.

const procedure = (code: string, attributes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_${code.replace(/\W/g, '_')}" targetNamespace="urn:test">
  <bpmn:process id="Proc_${code.replace(/\W/g, '_')}" name="Thủ tục ${code}" isExecutable="true" onestop:procedureCode="${code}" onestop:deadline="P3D" ${attributes}>
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:userTask id="Task_Check" name="Thẩm định hồ sơ" onestop:department="TUPHAP_XA" onestop:deadline="P2D" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

export const PLAIN = procedure('T.PLAIN', 'onestop:field="Hộ tịch"');
export const WITH_FEE = procedure('T.FEE', 'onestop:fee="50000" onestop:field="Đất đai"');
export const ANYWHERE = procedure('T.ANYWHERE', 'onestop:anyReceivingPoint="true" onestop:field="Hộ tịch"');
export const applicant = { name: 'Nguyễn Thị Hằng', idNumber: '001190000123' };
