// The papers of a procedure (onestop:documents on the start event) and the
// papers a step produces (onestop:resultDocuments on a user task), edited as
// a small list: code, name, and for the checklist required / only shown.
// Every change rewrites the list in one bpmn-js command (undo is one step);
// the lint rule document-lists says what is wrong with it.

import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { currentLang } from '../../../../web/shared/i18n/i18n.js';
import type { Any } from './modelWrites.js';

export const DOCUMENTS = 'onestop:Documents';
export const RESULT_DOCUMENTS = 'onestop:ResultDocuments';

interface Row {
  code: string;
  name: string;
  required: boolean;
  presentOnly: boolean;
}

const TEXT = {
  vi: { code: 'Mã', name: 'Tên giấy tờ', required: 'Bắt buộc', presentOnly: 'Chỉ xuất trình', add: 'Thêm giấy tờ', remove: 'Xóa' },
  en: { code: 'Code', name: 'Paper', required: 'Required', presentOnly: 'Shown only', add: 'Add a paper', remove: 'Remove' },
};

function listOf(bo: Any, type: string): Any | undefined {
  return (bo?.extensionElements?.values ?? []).find((v: Any) => is(v, type));
}

function rowsOf(bo: Any, type: string): Row[] {
  return (listOf(bo, type)?.documents ?? []).map((d: Any) => ({ code: d.code ?? '', name: d.name ?? '', required: d.required === true, presentOnly: d.presentOnly === true }));
}

/** Replaces the list (or removes it when empty), creating bpmn:extensionElements when needed, as one command. */
export function setDocumentList(injector: Any, element: Any, type: string, rows: Row[]): void {
  const bpmnFactory = injector.get('bpmnFactory');
  const bo = getBusinessObject(element);
  const commands: Any[] = [];
  const update = (moddleElement: Any, properties: Record<string, unknown>) => commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement, properties } });
  let extensionElements = bo.extensionElements;
  const existing = listOf(bo, type);
  if (!rows.length) {
    if (!existing) return;
    const rest = extensionElements.values.filter((v: Any) => v !== existing);
    update(extensionElements, { values: rest });
    if (!rest.length) update(bo, { extensionElements: undefined });
  } else {
    if (!extensionElements) {
      extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
      extensionElements.$parent = bo;
      update(bo, { extensionElements });
    }
    const list = existing ?? bpmnFactory.create(type, { documents: [] });
    list.$parent = extensionElements;
    const documents = rows.map((r) => {
      const attrs: Record<string, unknown> = { code: r.code, name: r.name };
      if (type === DOCUMENTS && r.required) attrs.required = true;
      if (type === DOCUMENTS && r.presentOnly) attrs.presentOnly = true;
      const d = bpmnFactory.create('onestop:Document', attrs);
      d.$parent = list;
      return d;
    });
    if (existing) update(existing, { documents });
    else {
      list.documents = documents;
      update(extensionElements, { values: [...(extensionElements.values ?? []), list] });
    }
  }
  injector.get('commandStack').execute('properties-panel.multi-command-executor', commands);
}

export function DocumentListEntry({ element, id, type }: { element: Any; id: string; type: string }) {
  const injector = useService('injector');
  const rows = rowsOf(getBusinessObject(element), type);
  const text = TEXT[currentLang()];
  const checklist = type === DOCUMENTS;
  const write = (next: Row[]) => setDocumentList(injector, element, type, next);
  const change = (i: number, patch: Partial<Row>) => write(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div class="bio-properties-panel-entry onestop-documents" id={id} data-entry-id={id}>
      {rows.map((r, i) => (
        <div class="onestop-document-row" key={`${i}`}>
          <input class="bio-properties-panel-input" aria-label={text.code} placeholder={text.code} value={r.code} onChange={(e: Any) => change(i, { code: e.target.value.trim() })} />
          <input class="bio-properties-panel-input" aria-label={text.name} placeholder={text.name} value={r.name} onChange={(e: Any) => change(i, { name: e.target.value })} />
          {checklist ? (
            <label><input type="checkbox" checked={r.required} onChange={(e: Any) => change(i, { required: e.target.checked })} /> {text.required}</label>
          ) : null}
          {checklist ? (
            <label><input type="checkbox" checked={r.presentOnly} onChange={(e: Any) => change(i, { presentOnly: e.target.checked })} /> {text.presentOnly}</label>
          ) : null}
          <button type="button" class="bio-properties-panel-remove-entry" title={text.remove} onClick={() => write(rows.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      <button type="button" class="bio-properties-panel-add-entry onestop-add-document" onClick={() => write([...rows, { code: `GIAY_TO_${rows.length + 1}`, name: '', required: false, presentOnly: false }])}>{text.add}</button>
    </div>
  );
}

export function isDocumentListEdited(node: HTMLElement | null): boolean {
  return !!node?.querySelector('.onestop-document-row');
}
