// The words of a dossier's papers in English: see ./documentsVi.ts.
import type { documentsVi } from './documentsVi.js';

export const documentsEn: Record<keyof typeof documentsVi, string> = {
  'documents.papers': 'Dossier papers',
  'documents.drop': 'Drop scans here or choose files',
  'documents.required': 'required',
  'documents.shown': 'Original shown',
  'documents.excuse': 'Why it is missing (if so)',
  'documents.uploading': 'Uploading…',
  'documents.open': 'Open',
  'documents.download': 'Download',
  'documents.none': 'No file yet',
  'documents.file': '{name} ({size} KB)',
  'documents.version': '{name} (v{version}, {size} KB)',
  'documents.eResult': 'E-result',
  'documents.eResultNone': 'No e-result yet',
  'documents.resultPapers': 'Papers this step produces',
  'documents.attached': 'Attached: {name}',
  'documents.secret': 'E-result secret',
  'digitisation.title': 'Digitisation (service index)',
  'digitisation.key': 'Procedure / department',
  'digitisation.received': 'Received',
  'digitisation.digitised': 'Digitised at reception',
  'digitisation.resolved': 'Resolved',
  'digitisation.eResult': 'With an e-result',
};
