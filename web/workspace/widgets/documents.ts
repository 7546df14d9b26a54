// The dossier's papers in the workspace: the checklist at reception with
// drag-and-drop and upload progress, the papers of a dossier or a task with
// the browser's own viewer for PDF and images, and the papers a step attaches
// when it completes. Files go as multipart/form-data over XMLHttpRequest (its
// upload progress is what a large scan needs); reads use fetch with the same
// credentials as the API client.

import { el, fill } from '../../shared/dom.js';
import { storedCsrf, storedToken, storedUser } from '../../shared/session.js';
import { tr } from '../../shared/i18n/i18n.js';
import { problemText } from '../../shared/i18n/problemText.js';
import { ApiError, type Problem, type SubmittedDossier } from '../../shared/api/client.js';

const ONESTOP = 'urn:onestop:bpmn:1.0';
const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export interface Paper {
  code: string;
  name: string;
  required: boolean;
  presentOnly: boolean;
}

export interface DocumentView {
  id: string;
  documentCode: string;
  name: string;
  version: number;
  contentType: string;
  size: number;
  sha256: string;
  fileName: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
  contentUrl: string;
  stage: string;
  taskId: string | null;
}

interface Checklist {
  papers: Array<Paper & { listed: boolean; shown: boolean; excused: { note: string | null } | null; versions: DocumentView[] }>;
  eResult: DocumentView[];
}


/** The start event's papers, read from the deployed BPMN file (onestop:documents). */
export function papersFromBpmn(xml: string): Paper[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const start = Array.from(doc.getElementsByTagNameNS(BPMN, 'startEvent')).find((s) => s.getElementsByTagNameNS(ONESTOP, 'documents').length > 0);
  if (!start) return [];
  return Array.from(start.getElementsByTagNameNS(ONESTOP, 'document')).map((d) => ({
    code: d.getAttribute('code') ?? '',
    name: d.getAttribute('name') ?? '',
    required: d.getAttribute('required') === 'true',
    presentOnly: d.getAttribute('presentOnly') === 'true',
  }));
}

/** The papers a user task must attach (onestop:resultDocuments), by task element id. */
export function resultPapersFromBpmn(xml: string, elementId: string): Array<{ code: string; name: string }> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const task = Array.from(doc.getElementsByTagNameNS(BPMN, 'userTask')).find((t) => t.getAttribute('id') === elementId);
  const list = task?.getElementsByTagNameNS(ONESTOP, 'resultDocuments')[0];
  return list ? Array.from(list.getElementsByTagNameNS(ONESTOP, 'document')).map((d) => ({ code: d.getAttribute('code') ?? '', name: d.getAttribute('name') ?? '' })) : [];
}

function credentials(): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = storedToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const user = storedUser();
  if (user) headers['X-Onestop-User'] = encodeURIComponent(user);
  const csrf = storedCsrf();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  return headers;
}

/** A multipart POST with upload progress (0–1); resolves with the JSON answer, rejects with the problem's detail. */
export function postWithProgress<T>(url: string, body: FormData, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(credentials())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let answer: unknown = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer as T);
      // Refused as the API client refuses: an ApiError with the problem, so forms show the errors on their fields.
      else reject(new ApiError(xhr.status, answer as Problem | null, (answer as { detail?: string } | null)?.detail ?? `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null, 'the server cannot be reached')));
    xhr.send(body);
  });
}

function progressBar(id: string): { element: HTMLProgressElement; set(share: number): void } {
  const element = el('progress', { id, max: 100, value: 0, class: 'ws-progress' });
  return { element, set: (share) => { element.value = Math.round(share * 100); } };
}

/** A drop zone that hands dropped or chosen files to `onFiles`. */
function dropZone(id: string, multiple: boolean, onFiles: (files: File[]) => void): HTMLElement {
  const input = el('input', { type: 'file', id: `${id}-input`, accept: '.pdf,.jpg,.jpeg,.png,.docx,.xlsx', ...(multiple ? { multiple: true } : {}) });
  input.addEventListener('change', () => onFiles(Array.from(input.files ?? [])));
  const zone = el('label', { class: 'ws-drop', id, for: `${id}-input` }, tr('documents.drop'), input);
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('ws-drop-over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('ws-drop-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('ws-drop-over');
    onFiles(Array.from((e as DragEvent).dataTransfer?.files ?? []));
  });
  return zone;
}

/**
 * The checklist at reception: one row per paper, a file for each paper kept
 * (drag and drop, or choose), "shown" for papers only shown, a note excusing
 * a missing required paper. `submit` sends the dossier with its files.
 */
export class ReceptionPapers {
  readonly element: HTMLElement;
  private readonly files = new Map<string, File>();
  private readonly notes = new Map<string, { mark: 'shown' | 'excused'; note: string | null }>();
  private readonly bar = progressBar('ws-papers-progress');

  constructor(readonly papers: Paper[]) {
    const rows = papers.map((p) => {
      const status = el('span', { class: 'ws-muted', id: `ws-paper-${p.code}-file` }, tr('documents.none'));
      const controls: HTMLElement[] = [];
      if (p.presentOnly) {
        const box = el('input', { type: 'checkbox', id: `ws-paper-${p.code}-shown` });
        box.addEventListener('change', () => (box.checked ? this.notes.set(p.code, { mark: 'shown', note: null }) : this.notes.delete(p.code)));
        controls.push(el('label', {}, box, ' ', tr('documents.shown')));
      } else {
        controls.push(dropZone(`ws-paper-${p.code}`, false, (files) => {
          if (!files[0]) return;
          this.files.set(p.code, files[0]);
          fill(status, tr('documents.file', { name: files[0].name, size: Math.ceil(files[0].size / 1024) }));
        }), status);
        if (p.required) {
          const note = el('input', { type: 'text', id: `ws-paper-${p.code}-excuse`, placeholder: tr('documents.excuse'), maxlength: 2000 });
          note.addEventListener('input', () => (note.value.trim() ? this.notes.set(p.code, { mark: 'excused', note: note.value.trim() }) : this.notes.delete(p.code)));
          controls.push(note);
        }
      }
      return el('li', { class: 'ws-paper', 'data-code': p.code }, el('strong', {}, p.name), p.required ? el('span', { class: 'ws-chip' }, tr('documents.required')) : null, el('div', { class: 'ws-paper-controls' }, ...controls));
    });
    this.element = el('fieldset', { class: 'ws-group', id: 'ws-papers' }, el('legend', {}, tr('documents.papers')), el('ol', { class: 'ws-checklist' }, ...rows), this.bar.element);
  }

  /** Sends the dossier with its papers (multipart) and shows the upload's progress. */
  submit(body: unknown): Promise<SubmittedDossier & { resultSecret?: string }> {
    const form = new FormData();
    form.append('dossier', JSON.stringify(body));
    if (this.notes.size) form.append('papers', JSON.stringify([...this.notes].map(([code, n]) => ({ code, ...n }))));
    for (const [code, file] of this.files) form.append(code, file, file.name);
    return postWithProgress('/api/dossiers', form, (share) => this.bar.set(share));
  }
}

/** Opens a document with the browser's own viewer (PDF, images) or downloads it; the bytes are fetched with the caller's credentials. */
export async function openDocument(doc: Pick<DocumentView, 'contentUrl' | 'contentType' | 'fileName' | 'documentCode'>, download = false): Promise<void> {
  const res = await fetch(doc.contentUrl, { headers: credentials() });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const url = URL.createObjectURL(new Blob([await res.blob()], { type: doc.contentType }));
  if (download || !/^(application\/pdf|image\/(png|jpeg))$/.test(doc.contentType)) {
    const a = el('a', { href: url, download: doc.fileName ?? doc.documentCode });
    document.body.append(a);
    a.click();
    a.remove();
  } else {
    window.open(url, '_blank', 'noopener');
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function documentItem(d: DocumentView): HTMLElement {
  return el('li', { class: 'ws-document', 'data-id': d.id },
    `${tr('documents.version', { name: d.fileName ?? d.name, version: d.version, size: Math.ceil(d.size / 1024) })} `,
    el('button', { type: 'button', class: 'ws-link', 'data-open': d.id, onclick: () => void openDocument(d) }, tr('documents.open')), ' ',
    el('button', { type: 'button', class: 'ws-link', onclick: () => void openDocument(d, true) }, tr('documents.download')));
}

/** The dossier's checklist with every version, and the e-result. */
export async function dossierDocuments(code: string): Promise<HTMLElement> {
  const section = el('section', { class: 'ws-card', id: 'ws-documents' }, el('h2', {}, tr('documents.papers')));
  const res = await fetch(`/api/dossiers/${encodeURIComponent(code)}/documents`, { headers: { ...credentials(), Accept: 'application/json' } });
  if (!res.ok) return section;
  const list = (await res.json()) as Checklist;
  section.append(el('ol', { class: 'ws-checklist' }, ...list.papers.map((p) => el('li', { class: 'ws-paper', 'data-code': p.code },
    el('strong', {}, p.name), p.required ? el('span', { class: 'ws-chip' }, tr('documents.required')) : null,
    p.shown ? el('span', { class: 'ws-muted' }, ` – ${tr('documents.shown')}`) : null,
    p.excused ? el('span', { class: 'ws-muted' }, ` – ${p.excused.note ?? ''}`) : null,
    p.versions.length ? el('ul', {}, ...p.versions.map(documentItem)) : el('span', { class: 'ws-muted' }, ` – ${tr('documents.none')}`)))));
  section.append(el('h3', {}, tr('documents.eResult')), list.eResult.length ? el('ul', { id: 'ws-eresult' }, ...list.eResult.map(documentItem)) : el('p', { class: 'ws-muted', id: 'ws-eresult-none' }, tr('documents.eResultNone')));
  return section;
}

/** The papers a step attaches before it completes; `ids()` names them in the completion. */
export function stepResultPapers(taskId: string, papers: Array<{ code: string; name: string }>): { element: HTMLElement; ids(): string[] } {
  const ids = new Map<string, string>();
  const rows = papers.map((p) => {
    const status = el('span', { class: 'ws-muted', id: `ws-result-${p.code}-status` }, tr('documents.none'));
    const bar = progressBar(`ws-result-${p.code}-progress`);
    const zone = dropZone(`ws-result-${p.code}`, false, async (files) => {
      if (!files[0]) return;
      const form = new FormData();
      form.append('documentCode', p.code);
      form.append('file', files[0], files[0].name);
      fill(status, tr('documents.uploading'));
      try {
        const doc = await postWithProgress<DocumentView>(`/api/tasks/${encodeURIComponent(taskId)}/documents`, form, bar.set);
        ids.set(p.code, doc.id);
        fill(status, tr('documents.attached', { name: files[0].name }));
      } catch (err) {
        // In the reader's language (the server's code), not its English detail.
        fill(status, problemText(err));
      }
    });
    return el('li', { class: 'ws-paper', 'data-code': p.code }, el('strong', {}, p.name), el('div', { class: 'ws-paper-controls' }, zone, status, bar.element));
  });
  return { element: el('fieldset', { class: 'ws-group', id: 'ws-result-papers' }, el('legend', {}, tr('documents.resultPapers')), el('ol', { class: 'ws-checklist' }, ...rows)), ids: () => [...ids.values()] };
}

/** The e-result secret on the receipt. */
export function receiptSecret(secret: string | undefined): HTMLElement | null {
  return secret ? el('p', { class: 'ws-receipt-secret' }, `${tr('documents.secret')}: `, el('strong', { id: 'ws-receipt-secret', class: 'ws-code' }, secret)) : null;
}

interface DigitisationRow { key: string; received: number; digitisedAtReception: number; digitisedShare: number | null; resolved: number; resolvedWithEResult: number; eResultShare: number | null }


/** The service index's digitisation figures, per procedure and per department, for the dashboard. */
export async function digitisationFigures(target: HTMLElement, period: { from?: string; to?: string }): Promise<void> {
  const share = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`);
  const tables: HTMLElement[] = [];
  for (const groupBy of ['procedure', 'department'] as const) {
    const q = new URLSearchParams({ groupBy, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });
    const res = await fetch(`/api/reports/digitisation?${q}`, { headers: { ...credentials(), Accept: 'application/json' } });
    if (!res.ok) return;
    const { rows } = (await res.json()) as { rows: DigitisationRow[] };
    tables.push(el('table', { class: 'ws-table', id: `ws-digitisation-${groupBy}` },
      el('thead', {}, el('tr', {}, ...(['digitisation.key', 'digitisation.received', 'digitisation.digitised', 'digitisation.resolved', 'digitisation.eResult'] as const).map((h) => el('th', {}, tr(h))))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, el('td', {}, r.key), el('td', {}, r.received), el('td', {}, `${r.digitisedAtReception} (${share(r.digitisedShare)})`),
        el('td', {}, r.resolved), el('td', {}, `${r.resolvedWithEResult} (${share(r.eResultShare)})`))))));
  }
  fill(target, el('h2', {}, tr('digitisation.title')), ...tables);
}
