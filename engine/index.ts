// The engine's front door: the only module the API imports from engine/.
// Commands are grouped by what they change (engine.dossiers.submit,
// engine.tasks.complete…), reads are under engine.read; engine/store stays
// private. See ARCHITECTURE.md.

export { openEngine, type Engine } from './system/openEngine.js';
export { startEngine, type RunningEngine } from './system/startEngine.js';
export { readConfig, type AppConfig } from './config.js';
export { ensureAdminToken, type AdminTokenOptions, type AdminTokenResult } from './keys/ensureAdminToken.js';
export * from './errors.js';
export { ensureAdminPerson, ADMIN_PASSWORD_FILE, ADMIN_USERNAME } from './keys/ensureAdminPerson.js';
export * from './people/index.js';

// Types and pure helpers the API shapes its answers with.
export { DOSSIER_STATUSES, statusView, type DossierStatus } from './dossier/statuses.js';
export type { Timeliness } from './timeliness/classifyTimeliness.js';
export type { TimeRules } from './deadlines/timeRules.js';
export { vietnamDate } from './dossier/dossierCode.js';
export { PROCEDURE_CODE_PATTERN, PROCEDURE_CODE_MAX_LENGTH } from './bpmn/extensionReader/codes.js';
export { DEPARTMENT_CODE_PATTERN } from './bpmn/extensionReader/departmentCode.js';
export { AGENCY_IDENTIFIER_PATTERN } from './dossier/dossierCode.js';
export { FORM_NUMBERS, type FormNumber } from './printing/index.js';
export { NOTICE_KINDS, NOTICE_PLACEHOLDERS, publicBaseUrl, lookupLink, type NoticeKind, type NoticeStatus } from './notices/index.js';
export { RULE_KINDS, type RuleRecord } from './calendar/ruleSets.js';
export { decodeXml, XmlEncodingError } from './bpmn/xmlEncoding.js';
export type { Channel } from './dossier/commands/submitDossier.js';
export type { CreatedTask } from './dossier/changeTypes.js';
export type { DaySwap } from './calendar/index.js';
export { API_ROLES, type ApiRole, type ApiKeyRow } from './store/auth/apiKeyRows.js';
export type { TaskRow, TaskStatus } from './store/tasks/taskRows.js';
export type { DossierView, DossierExtras, WaitingOn } from './read/dossierDetail.js';
export type { TaskWithForm } from './read/taskInScope.js';
export type { DeliveryStatus } from './read/catalogue.js';
export type { LockedJob } from './dossier/commands/jobs.js';
export type { IncidentRow } from './dossier/commands/incidents.js';
export { FORM06_MEMBER_COLUMNS, median, type Form06MemberColumn, type ReportPeriod } from './read/engineReads.js';
export { FORM06_COLUMNS, FORM06_HEADINGS_VI } from './reports/form06Report.js';
export { toCsv } from './reports/csv.js';
export { ii06aCsv, ii06aXlsx, XLSX_TYPE } from './reports/ii06aExport.js';
export type { Ii06aGroupBy, Ii06aPeriod, Ii06aReport } from './reports/ii06aReport.js';

// The health check and the problem mapper tell a database fault from a bug.
export { classifyDatabaseError, diskFullRecently } from './store/databaseFaults.js';

// The dossiers' papers: storage, limits, the errors the API maps to 413 and 415.
export * from './documents/index.js';
