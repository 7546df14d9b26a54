// The words of a dossier's papers in the workspace (web/workspace/widgets/documents.ts):
// the checklist at reception, the papers of a dossier or a step, the e-result,
// the digitisation figures. Spread into the `workspace` namespace of ./vi.ts.

export const documentsVi = {
  'documents.papers': 'Thành phần hồ sơ',
  'documents.drop': 'Kéo thả bản quét vào đây hoặc chọn tệp',
  'documents.required': 'bắt buộc',
  'documents.shown': 'Đã xuất trình bản chính',
  'documents.excuse': 'Lý do chưa nộp (nếu có)',
  'documents.uploading': 'Đang tải lên…',
  'documents.open': 'Xem',
  'documents.download': 'Tải về',
  'documents.none': 'Chưa có tệp',
  'documents.file': '{name} ({size} KB)',
  'documents.version': '{name} (lần {version}, {size} KB)',
  'documents.eResult': 'Kết quả điện tử',
  'documents.eResultNone': 'Chưa có kết quả điện tử',
  'documents.resultPapers': 'Giấy tờ kết quả của bước',
  'documents.attached': 'Đã đính kèm: {name}',
  'documents.secret': 'Mã tra cứu kết quả điện tử',
  'digitisation.title': 'Số hóa hồ sơ (Chỉ số phục vụ)',
  'digitisation.key': 'Thủ tục / Cơ quan',
  'digitisation.received': 'Tiếp nhận',
  'digitisation.digitised': 'Số hóa khi tiếp nhận',
  'digitisation.resolved': 'Đã giải quyết',
  'digitisation.eResult': 'Có kết quả điện tử',
};
