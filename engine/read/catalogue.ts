import type { Queryable } from '../store/db.js';
import { getDepartment, listDepartments } from '../store/departments/departmentRows.js';
import { getLatestVersion, getVersion, listProcedures, listVersions } from '../store/procedures/procedureRows.js';
import { getApiKey, listApiKeys } from '../store/auth/apiKeyRows.js';
import { listDeliveries, listWebhooks, type DeliveryFilter } from '../store/webhooks/webhookRows.js';

export type { DepartmentRow } from '../store/departments/departmentRows.js';
export type { ApiKeyRow } from '../store/auth/apiKeyRows.js';
export type { DeliveryStatus } from '../store/webhooks/webhookRows.js';

// The registries an administrator keeps: departments, procedures, keys, webhooks.
// Each read is one statement of engine/store.

export const catalogueReads = (db: Queryable) => ({
  departments: () => listDepartments(db),
  department: (code: string) => getDepartment(db, code),
  procedures: () => listProcedures(db),
  procedureVersions: (code: string) => listVersions(db, code),
  procedureVersion: (code: string, version: number) => getVersion(db, code, version),
  latestVersion: (code: string) => getLatestVersion(db, code),
  keys: (opts: { includeRevoked: boolean }) => listApiKeys(db, opts),
  key: (id: string) => getApiKey(db, id),
  webhooks: () => listWebhooks(db),
  webhookDeliveries: (f: DeliveryFilter) => listDeliveries(db, f),
});
