import type { Channel } from '../dossier/channel.js';
import { statusCode, type DossierStatus } from '../dossier/statuses.js';

// The one mapping from a dossier to the record the National Public Service
// Portal receives (Circular 04/2025/TT-VPCP: data exchanged in real time). The
// portal's API is not public: field names follow the portal's published
// dossier fields (the 766 formula sheet); change them here and only here.

/** What the store knows of a dossier at a status change. */
export interface PortalFacts {
  code: string;
  procedureCode: string;
  status: DossierStatus;
  channel: Channel;
  receivingAgency: string;
  resolvingAgency: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  stoppedAt: Date | null;
  refusedAt: Date | null;
  withdrawnAt: Date | null;
  feeAmount: number | null;
  paidOnline: boolean | null;
  /** Some of its papers were scanned (digitised); null when unknown. */
  digitised: boolean | null;
  /** The result was issued electronically; null when unknown. */
  eResult: boolean | null;
}

/** The record sent for one status change. */
export interface PortalRecord {
  MaHoSo: string;
  MaTTHC: string;
  /** The resolving agency's identifier (Circular 04 art. 23), else the receiving agency's. */
  MaCoQuan: string;
  MaDonViTiepNhan: string;
  TrangThaiHoSo: number;
  /** 1 in person, 2 online, 3 by post. */
  KenhThucHien: 1 | 2 | 3;
  NgayTiepNhan: string | null;
  NgayHenTra: string | null;
  NgayKetThucXuLy: string | null;
  HoSoCoThanhPhanSoHoa: 0 | 1;
  CoKetQuaDienTu: 0 | 1;
  /** 0 not paid online, 1 paid online (portal or provincial gateway). */
  DuocThanhToanTrucTuyen: 0 | 1;
  DanhSachPhiLePhi: Array<{ Gia: number }>;
}

const CHANNEL_CODE: Record<Channel, 1 | 2 | 3> = { direct: 1, online: 2, post: 3 };
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The portal's date format, yyyyMMddHHmmss in Vietnam time. */
export function portalDate(t: Date | null): string | null {
  if (!t) return null;
  return new Date(t.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

/**
 * `NgayKetThucXuLy`: the time of status 9 resolved, else 10 returned, else
 * stopped, refused or withdrawn; null while the dossier is open.
 */
export function processingEnd(f: Pick<PortalFacts, 'resolvedAt' | 'returnedAt' | 'stoppedAt' | 'refusedAt' | 'withdrawnAt'>): Date | null {
  return f.resolvedAt ?? f.returnedAt ?? f.stoppedAt ?? f.refusedAt ?? f.withdrawnAt ?? null;
}

export function portalRecord(f: PortalFacts, status: DossierStatus = f.status): PortalRecord {
  const received = status !== 'new' && status !== 'refused';
  return {
    MaHoSo: f.code,
    MaTTHC: f.procedureCode,
    MaCoQuan: f.resolvingAgency ?? f.receivingAgency,
    MaDonViTiepNhan: f.receivingAgency,
    TrangThaiHoSo: statusCode(status),
    KenhThucHien: CHANNEL_CODE[f.channel],
    NgayTiepNhan: received ? portalDate(f.receivedAt) : null,
    NgayHenTra: portalDate(f.dueAt),
    NgayKetThucXuLy: portalDate(processingEnd(f)),
    HoSoCoThanhPhanSoHoa: f.digitised ? 1 : 0,
    CoKetQuaDienTu: f.eResult ? 1 : 0,
    DuocThanhToanTrucTuyen: f.paidOnline ? 1 : 0,
    DanhSachPhiLePhi: f.feeAmount ? [{ Gia: f.feeAmount }] : [],
  };
}

/**
 * The statuses a change passed through, each one record for the portal. A
 * reception is status 2 before it is 4 (or 9): the portal hears both.
 */
export function statusPassages(before: DossierStatus | null, after: DossierStatus): DossierStatus[] {
  if (before === after) return [];
  const receivedNow = (before === null || before === 'new') && !['new', 'refused', 'withdrawn', 'received'].includes(after);
  return receivedNow ? ['received', after] : [after];
}
