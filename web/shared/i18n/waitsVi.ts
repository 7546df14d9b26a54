// What a dossier waits on (the dossier page's "waiting on" card and its
// marks on the diagram). Spread into the `workspace` namespace of ./vi.ts.

export const waitsVi = {
  'waits.title': 'Hồ sơ đang chờ',
  'waits.nothing': 'Hồ sơ không chờ việc gì.',
  'waits.task': 'Bước xử lý',
  'waits.job': 'Việc của hệ thống khác',
  'waits.timer': 'Hẹn giờ',
  'waits.message': 'Chờ văn bản trả lời',
  'waits.incident': 'Sự cố',
  'waits.kind': 'Loại',
  'waits.element': 'Bước',
  'waits.who': 'Đơn vị',
  'waits.due': 'Hạn (giờ Việt Nam)',
  'waits.messageName': 'tin nhắn “{name}”',
  'waits.since': 'từ {date}',
  'waits.legend': 'Đang chờ',
} as const;
