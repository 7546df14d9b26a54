// Dossier statuses as synchronised with the National Public Service Portal.
export const DOSSIER_STATUSES = {
  new: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_fees: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
} as const;

export type DossierStatus = keyof typeof DOSSIER_STATUSES;

export const STATUS_LABELS_VI: Record<DossierStatus, string> = {
  new: 'Mới đăng ký',
  received: 'Đã tiếp nhận',
  refused: 'Từ chối tiếp nhận',
  processing: 'Đang xử lý',
  supplement_requested: 'Yêu cầu bổ sung',
  awaiting_fees: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'Công dân rút hồ sơ',
  stopped: 'Dừng xử lý',
  resolved: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
};

export function statusView(status: DossierStatus) {
  return { name: status, code: DOSSIER_STATUSES[status], label: STATUS_LABELS_VI[status] };
}

/** Statuses in which nothing may move the process any more. */
export const CLOSED_STATUSES: ReadonlySet<DossierStatus> = new Set(['refused', 'withdrawn', 'stopped', 'resolved', 'returned']);

/** Every status: for changes of a step that do not depend on the dossier's (a claim). */
export const ALL_STATUSES = Object.keys(DOSSIER_STATUSES) as DossierStatus[];

export type DossierStatusCode = (typeof DOSSIER_STATUSES)[DossierStatus];

/** The portal's numeric code of a status. */
export function statusCode(status: DossierStatus): DossierStatusCode {
  return DOSSIER_STATUSES[status];
}

/** The status of a portal code, null for a number the portal does not use. */
export function statusOfCode(code: number): DossierStatus | null {
  return ALL_STATUSES.find((s) => DOSSIER_STATUSES[s] === code) ?? null;
}

/**
 * Where each status may go (Decree 118, Circular 03/2025). The commands check
 * their own `allowed` list against the dossier's status; this table is the
 * lifecycle as one picture, and a test keeps the commands equal to it.
 */
export const TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  new: ['received', 'refused', 'withdrawn'],
  received: ['processing', 'withdrawn', 'stopped'],
  refused: [],
  processing: ['supplement_requested', 'awaiting_fees', 'resolved', 'withdrawn', 'stopped'],
  supplement_requested: ['processing', 'withdrawn', 'stopped'],
  awaiting_fees: ['resolved', 'withdrawn', 'stopped'],
  withdrawn: [],
  stopped: [],
  resolved: ['returned'],
  returned: [],
};

/** The statuses a dossier can be in for a move to `target`. */
export function statusesLeadingTo(target: DossierStatus): DossierStatus[] {
  return ALL_STATUSES.filter((s) => TRANSITIONS[s].includes(target));
}
