export interface LockedJob {
  id: string;
  jobType: string;
  elementId: string;
  name: string;
  department: string;
  dossierCode: string;
  procedureCode: string;
  data: Record<string, unknown>;
  retries: number | null;
  lockedUntil: Date;
  dueAt: Date | null;
}
