// Every user task is routed to a department's work queue; a task without one
// would sit in no officer's inbox and the dossier would silently run late.
// With the organisation's department list configured, unknown codes (typos,
// abolished units) are refused too, on tasks and on lanes alike.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is, textAttr } from '../../bpmn/extensionReader/moddleElements.js';
import { resolveDepartment } from '../../bpmn/extensionReader/departments.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';
import { departmentCodeProblem, isDepartmentCode } from '../../bpmn/extensionReader/departmentCode.js';
import { feelSyntaxError } from '../../bpmn/extensionReader/feelSyntax.js';

export interface UserTaskDepartmentConfig {
  /** Known department codes; when absent only presence is checked. */
  departments?: string[];
}

export default function ruleFactory(config?: UserTaskDepartmentConfig): RuleDefinition {
  const known = Array.isArray(config?.departments) ? new Set(config.departments) : null;

  function unknown(code: string): boolean {
    return known !== null && !known.has(code);
  }

  /** A malformed code is reported where it is written, in place of "unknown". */
  function malformed(node: ModdleElement, code: string, reporter: Reporter): boolean {
    if (isDepartmentCode(code)) return false;
    reporter.report(node.id, `${describe(node)}: ${departmentCodeProblem(code)}.`);
    return true;
  }

  function check(node: ModdleElement, reporter: Reporter): void {
    // Other pools document other agencies: their tasks are routed by no one here.
    if (!belongsToProcedure(node)) return;
    if (is(node, 'bpmn:Lane')) {
      const code = textAttr(node, 'department');
      if (code && !malformed(node, code, reporter) && unknown(code)) {
        reporter.report(node.id, `Lane ${describe(node)} names the unknown department "${code}"; use one of the configured department codes.`);
      }
      return;
    }
    if (!is(node, 'bpmn:UserTask')) return;

    const source = resolveDepartment(node);
    if (!source) {
      reporter.report(node.id, `The ${describe(node)} has no department: set onestop:department on the task or place it in a lane that has one.`);
      return;
    }
    // A FEEL department (`= agency.department`) is evaluated per dossier (and
    // multi-instance item) when the step starts; a value that is no registered
    // department then makes that one step an incident. Here only its syntax.
    if (source.from === node && source.department.trim().startsWith('=')) {
      const problem = feelSyntaxError(source.department.trim().slice(1).trim());
      if (problem) reporter.report(node.id, `The department of the ${describe(node)} is not a valid FEEL expression: ${problem} in ${JSON.stringify(source.department.trim())}.`);
      return;
    }
    // An unknown code written on a lane is reported once, on the lane.
    if (source.from === node && !malformed(node, source.department, reporter) && unknown(source.department)) {
      reporter.report(node.id, `The ${describe(node)} names the unknown department "${source.department}"; use one of the configured department codes.`);
    }
  }

  return { check };
}
