import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { upsertDepartment } from '../store/departments/departmentRows.js';
import { deployProcedure, type DeployResult } from './deployProcedure.js';
import { DeploymentError } from '../errors.js';
import { departmentCodeProblem, isDepartmentCode } from '../bpmn/extensionReader/departmentCode.js';
import { AGENCY_IDENTIFIER_PATTERN } from '../dossier/dossierCode.js';

export interface FolderDeployReport {
  departments: number;
  deployed: Array<DeployResult & { file: string }>;
  refused: Array<{ file: string; error: string }>;
}

/**
 * Seeds the department registry from `departments.json` and deploys every
 * `.bpmn` file of the folder. A refused file is reported, not fatal: one bad
 * drawing must not keep the whole service center offline.
 */
export async function loadProcessesFolder(pool: pg.Pool, folder: string, now: () => Date = () => new Date()): Promise<FolderDeployReport> {
  const report: FolderDeployReport = { departments: 0, deployed: [], refused: [] };
  const departmentsFile = path.join(folder, 'departments.json');
  const departments = JSON.parse(await readFile(departmentsFile, 'utf8')) as Array<{ code: string; name: string; agency: string; calendarId?: string; agencyId?: string }>;
  const problems = [
    ...departments.filter((d) => !isDepartmentCode(d.code)).map((d) => departmentCodeProblem(String(d.code))),
    ...departments.filter((d) => d.agencyId !== undefined && !new RegExp(AGENCY_IDENTIFIER_PATTERN).test(d.agencyId)).map((d) => `${d.code}: agencyId "${d.agencyId}" is not an agency identifier (e.g. 000.00.12.H26)`),
  ];
  if (problems.length) throw new Error(`${departmentsFile}:\n- ${problems.join('\n- ')}`);
  for (const d of departments) {
    await upsertDepartment(pool, { code: d.code, name: d.name, agency: d.agency, calendarId: d.calendarId ?? null, agencyId: d.agencyId ?? null });
  }
  report.departments = departments.length;

  // A procedure that calls others (call activities) deploys after them: a
  // file refused only because a procedure it calls is not deployed yet is
  // tried again after the others, for as long as a round deploys something.
  let pending = (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).sort();
  for (;;) {
    const waiting: string[] = [];
    const refused: FolderDeployReport['refused'] = [];
    for (const file of pending) {
      const xml = await readFile(path.join(folder, file), 'utf8');
      try {
        report.deployed.push({ file, ...(await deployProcedure(pool, xml, `file:${file}`, { effectiveAt: now() })) });
      } catch (err) {
        if (err instanceof DeploymentError && err.problems.length > 0 && err.problems.every((p) => p.rule === 'call-activity')) waiting.push(file);
        const detail = err instanceof DeploymentError
          ? err.problems.map((p) => `${p.elementId ?? '-'}: ${p.message}`).join('; ')
          : (err as Error).message;
        refused.push({ file, error: detail });
      }
    }
    if (!waiting.length || waiting.length === pending.length) {
      report.refused.push(...refused);
      return report;
    }
    report.refused.push(...refused.filter((r) => !waiting.includes(r.file)));
    pending = waiting;
  }
}
