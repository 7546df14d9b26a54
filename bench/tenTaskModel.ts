import { ONESTOP_NS } from '../engine/bpmn/onestopModdle.js';

/**
 * The benchmarks' procedure: start → N sequential user tasks → end, each task
 * with its own department and a PT4H allotment, so every step routes, computes
 * a working-time due date and writes history like a real procedure does. The
 * baseline and the engine run this same XML, which is what makes their ratio
 * meaningful.
 */
export interface SequentialModel {
  xml: string;
  procedureCode: string;
  taskIds: string[];
  departments: Array<{ code: string; name: string; agency: string }>;
}

/** Departments the tasks rotate through; the first is the one-stop desk. */
const DEPARTMENTS = [
  { code: 'MOTCUA_XA', name: 'Bộ phận Một cửa xã', agency: 'UBND xã' },
  { code: 'TUPHAP_XA', name: 'Tư pháp - Hộ tịch xã', agency: 'UBND xã' },
  { code: 'DIACHINH_XA', name: 'Địa chính - Xây dựng xã', agency: 'UBND xã' },
  { code: 'CONGAN_XA', name: 'Công an xã', agency: 'Công an xã' },
  { code: 'VANHOA_XA', name: 'Văn hóa - Xã hội xã', agency: 'UBND xã' },
];

export function sequentialModel(taskCount = 10, procedureCode = 'BENCH.SEQ10'): SequentialModel {
  const taskIds = Array.from({ length: taskCount }, (_, i) => `Task_${String(i + 1).padStart(2, '0')}`);
  const nodes = ['Start', ...taskIds, 'End'];
  const tasks = taskIds.map((id, i) => {
    const department = DEPARTMENTS[1 + (i % (DEPARTMENTS.length - 1))].code;
    return `    <bpmn:userTask id="${id}" name="Bước ${i + 1}" onestop:department="${department}" onestop:deadline="PT4H" />`;
  });
  const flows = nodes.slice(1).map((target, i) => `    <bpmn:sequenceFlow id="Flow_${i + 1}" sourceRef="${nodes[i]}" targetRef="${target}" />`);
  // The statutory limit covers every allotment (N × 4 working hours), so the
  // deadline-budget lint rule has nothing to warn about.
  const days = Math.ceil((taskCount * 4) / 8) + 1;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="${ONESTOP_NS}" id="Defs_Bench" targetNamespace="urn:bench">
  <bpmn:process id="Proc_Bench" name="Thủ tục đo hiệu năng ${taskCount} bước" isExecutable="true" onestop:procedureCode="${procedureCode}" onestop:deadline="P${days}D">
    <bpmn:startEvent id="Start" name="Tiếp nhận" />
${tasks.join('\n')}
    <bpmn:endEvent id="End" name="Trả kết quả" />
${flows.join('\n')}
  </bpmn:process>
</bpmn:definitions>
`;
  return { xml, procedureCode, taskIds, departments: DEPARTMENTS };
}
