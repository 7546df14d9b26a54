// A linked dossier with every event a form prints: received, handed over
// between three departments, asked to supplement, apologised for, stopped.
import type { DossierReads } from '../../engine/printing/index.js';

const at = (local: string) => new Date(`${local}+07:00`);

export const APPLICANT = 'Nguyễn Thị Hương';
export const CODE = '000.00.12.H26-261123-10000';

export const departments = [
  { code: 'MOTCUA_XA', name: 'Bộ phận Một cửa xã Đông Anh', agency: 'Trung tâm Phục vụ hành chính công xã Đông Anh' },
  { code: 'TUPHAP_XA', name: 'Công chức Tư pháp – Hộ tịch', agency: 'Ủy ban nhân dân xã Đông Anh' },
  { code: 'CONGAN_XA', name: 'Công an xã Đông Anh', agency: 'Công an thành phố Hà Nội' },
  { code: 'HO-QLDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị', agency: 'Ủy ban nhân dân xã Đông Anh' },
];

export function sampleReads(overrides: { history?: DossierReads['history'] } = {}): DossierReads {
  return {
    dossier: {
      code: CODE,
      procedureCode: '1.001193',
      channel: 'direct',
      receivingAgency: '000.00.12.H26',
      applicant: { name: APPLICANT, idNumber: '001188000123', phone: '0912 345 678', address: 'Thôn Đản Dị, xã Đông Anh, Hà Nội' },
      receivedAt: at('2026-11-23T09:30'),
      dueAt: at('2026-11-27T09:30'),
      originalDueAt: at('2026-11-26T09:30'),
    },
    procedureName: 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    departments,
    deskDepartment: 'MOTCUA_XA',
    ruleSet: { id: 'rs-0123456789ab', name: 'Quy tắc áp dụng từ 01/07/2026' },
    controlSlip: [
      { step: 'Đăng ký khai sinh', fromDepartment: null, toDepartment: 'TUPHAP_XA', handedOverAt: at('2026-11-23T09:30'), dueAt: at('2026-11-23T16:30'), completedAt: at('2026-11-23T15:00'), completedBy: 'Trần Văn Bình', timeliness: 'on_time' },
      { step: 'Đăng ký thường trú', fromDepartment: 'TUPHAP_XA', toDepartment: 'CONGAN_XA', handedOverAt: at('2026-11-23T15:00'), dueAt: at('2026-11-25T15:00'), completedAt: at('2026-11-26T10:00'), completedBy: 'Lê Quốc Đạt', timeliness: 'late' },
      { step: 'Thẩm định hồ sơ đô thị', fromDepartment: 'CONGAN_XA', toDepartment: 'HO-QLDT', handedOverAt: at('2026-11-26T10:00'), dueAt: at('2026-11-27T09:30'), completedAt: null, completedBy: null, timeliness: null },
    ],
    history: overrides.history ?? [
      { type: 'dossier.received', at: at('2026-11-23T09:30'), actor: 'Phạm Thu Trang', payload: {} },
      { type: 'supplement.requested', at: at('2026-11-23T11:00'), actor: 'Trần Văn Bình', payload: { department: 'TUPHAP_XA', reason: 'Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ', items: ['Giấy chứng sinh (bản chính)'], contactPerson: 'Trần Văn Bình, Công chức Tư pháp – Hộ tịch, 024 3883 1234' } },
      { type: 'supplement.received', at: at('2026-11-23T14:00'), payload: {} },
      { type: 'dossier.apology', at: at('2026-11-25T10:00'), actor: 'Lê Quốc Đạt', payload: { reason: 'Hệ thống cơ sở dữ liệu dân cư gián đoạn', responsibleDepartment: 'CONGAN_XA', previousDueAt: at('2026-11-26T09:30').toISOString(), dueAt: at('2026-11-27T09:30').toISOString() } },
      { type: 'dossier.stopped', at: at('2026-11-26T16:00'), actor: 'Phạm Thu Trang', payload: { reason: 'Người nộp đề nghị dừng để bổ sung giấy tờ khác' } },
    ],
  };
}

export const ISSUED_AT = at('2026-11-26T16:30');
