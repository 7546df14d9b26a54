// The "Một cửa / One-stop" groups of the properties panel: the onestop:*
// attributes of user tasks, lanes and the process, the FEEL condition of a
// gateway's outgoing flows, and the form schema of user tasks and the start
// event. Entries are Preact components; every write is a bpmn-js command
// (see modelWrites.ts), so undo/redo and re-linting just work.

import { useMemo, useState, useEffect } from '@bpmn-io/properties-panel/preact/hooks';
import { CheckboxEntry, SelectEntry, TextFieldEntry, isCheckboxEntryEdited, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { parseClock, type Clock } from '../../../../engine/duration/isoDuration.js';
import { resolveDepartment } from '../../../../engine/bpmn/extensionReader/departments.js';
import { feelSyntaxError } from '../../../../engine/bpmn/extensionReader/feelSyntax.js';
import { formSchemaError } from '../../../../engine/bpmn/extensionReader/formSchemaCheck.js';
import { t, type DesignerKey } from '../../../../web/shared/i18n/i18n.js';
import type { DepartmentRegistry } from './departmentRegistry.js';
import { joinDuration, parseAmount, splitDuration, UNITS, type DurationUnit } from './durationInput.js';
import { countFields, exampleFormSchema, formFields } from '../../../../web/shared/forms/formFields.js';
import { FormPreview } from './FormPreview.js';
import { DocumentListEntry, DOCUMENTS, isDocumentListEdited, RESULT_DOCUMENTS } from './DocumentListEntry.js';
import { formSchemaOf, processOf, setCondition, setDefaultFlow, setFormSchema, updateAttrs, type Any } from './modelWrites.js';

export interface OnestopPanelConfig {
  departments: DepartmentRegistry;
}

const PROCEDURE_CODE = /^[A-Za-z0-9._-]+$/;
const DECIDING_GATEWAYS = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

// ---------------------------------------------------------------------------
// Department: a searchable list of the registry, by name

interface DepartmentProps {
  element: Any;
  id: string;
  moddleElement: Any;
  registry: DepartmentRegistry;
  forLane: boolean;
}

function DepartmentEntry({ element, id, moddleElement, registry, forLane }: DepartmentProps) {
  const modeling = useService('modeling');
  const [filter, setFilter] = useState('');
  // A search belongs to the element it was typed for.
  useEffect(() => setFilter(''), [element]);
  const value: string = moddleElement.get('onestop:department') ?? '';
  const inherited = !forLane && !value ? resolveDepartment(moddleElement) : null;
  const known = registry.get(value);
  const matches = registry.search(filter);
  const missing = !forLane && !value && !inherited;

  const onChange = (event: Event) => {
    const next = (event.target as HTMLSelectElement).value;
    if (next === value) return;
    updateAttrs(modeling, element, moddleElement, { 'onestop:department': next || undefined });
  };

  const inheritLabel = inherited
    ? t('field.departmentInherit', { name: registry.get(inherited.department)?.name ?? inherited.department })
    : t('field.departmentNone');

  return (
    <div class={`bio-properties-panel-entry onestop-department${missing ? ' has-error' : ''}`} data-entry-id={id}>
      <label class="bio-properties-panel-label" for={`bio-properties-panel-${id}`}>
        {t(forLane ? 'field.laneDepartment' : 'field.department')}
      </label>
      {registry.loaded ? (
        <input
          type="search"
          class="onestop-department-search"
          id={`${id}-search`}
          placeholder={t('field.departmentSearch')}
          value={filter}
          autocomplete="off"
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
      ) : null}
      <select id={`bio-properties-panel-${id}`} name={id} class="bio-properties-panel-input" value={value} onChange={onChange}>
        <option value="">{inheritLabel}</option>
        {value && !known ? <option value={value}>{t('field.departmentUnknown', { code: value })}</option> : null}
        {value && known && !matches.includes(known) ? <option value={value}>{known.name}</option> : null}
        {matches.map((d) => (
          <option key={d.code} value={d.code} title={`${d.name} — ${d.agency}`}>{d.name}</option>
        ))}
      </select>
      {filter && !matches.length ? <div class="bio-properties-panel-description">{t('field.departmentNoMatch', { filter })}</div> : null}
      {missing ? <div class="bio-properties-panel-error">{t('field.departmentRequired')}</div> : null}
      <div class="bio-properties-panel-description">
        {value && known ? <span class="onestop-code">{known.code} · {known.agency}</span> : null}
        {!registry.loaded ? <span>{t('field.departmentNotLoaded')}</span> : null}
        {forLane ? <span>{t('field.departmentLaneHint')}</span> : null}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Durations: an amount and a unit, stored as ISO-8601

interface DurationProps {
  element: Any;
  id: string;
  moddleElement: Any;
  labelKey: DesignerKey;
}

function DurationEntry({ element, id, moddleElement, labelKey }: DurationProps) {
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const stored: string | undefined = moddleElement.get('onestop:deadline');
  const clock: Clock = parseClock(moddleElement.get('onestop:clock')) ?? 'working';
  const split = splitDuration(stored, clock);
  const shown = split && split !== 'invalid' ? split : null;

  const [amountText, setAmountText] = useState(shown ? String(shown.amount) : '');
  const [unit, setUnit] = useState<DurationUnit>(shown?.unit ?? 'D');
  const [error, setError] = useState<string | null>(null);

  // Follow the model when it changes from elsewhere (undo, another element
  // shown in the same entry); our own writes already match the local state.
  useEffect(() => {
    const amount = parseAmount(amountText);
    const local = amount !== null && !Number.isNaN(amount) ? joinDuration(amount, unit) : undefined;
    if (local === stored) return;
    setAmountText(shown ? String(shown.amount) : '');
    if (shown) setUnit(shown.unit);
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, element]);

  const write = useMemo(
    () => debounce((iso: string | undefined) => updateAttrs(modeling, element, moddleElement, { 'onestop:deadline': iso })),
    [element, moddleElement, debounce, modeling],
  );

  const commit = (text: string, nextUnit: DurationUnit) => {
    const amount = parseAmount(text);
    if (amount === null) {
      setError(null);
      if (stored !== undefined) write(undefined);
      return;
    }
    if (Number.isNaN(amount)) {
      setError(t('field.deadlineInvalid'));
      return;
    }
    setError(null);
    const iso = joinDuration(amount, nextUnit);
    if (iso !== stored) write(iso);
  };

  const inputId = `bio-properties-panel-${id}`;
  return (
    <div class={`bio-properties-panel-entry onestop-duration${error ? ' has-error' : ''}`} data-entry-id={id}>
      <label class="bio-properties-panel-label" for={inputId}>{t(labelKey)}</label>
      <div class="onestop-duration-row">
        <input
          id={inputId}
          name={id}
          class="bio-properties-panel-input onestop-duration-amount"
          type="text"
          inputMode="decimal"
          aria-label={t('field.deadlineAmount')}
          value={amountText}
          onInput={(e) => {
            const text = (e.target as HTMLInputElement).value;
            setAmountText(text);
            commit(text, unit);
          }}
        />
        <select
          id={`${inputId}-unit`}
          class="onestop-duration-unit"
          aria-label={t('field.deadlineUnit')}
          value={unit}
          onChange={(e) => {
            const next = (e.target as HTMLSelectElement).value as DurationUnit;
            setUnit(next);
            commit(amountText, next);
          }}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>{t(u === 'D' ? (clock === 'calendar' ? 'unit.D.calendar' : 'unit.D.working') : u === 'H' ? 'unit.H' : 'unit.M')}</option>
          ))}
        </select>
      </div>
      {error ? <div class="bio-properties-panel-error">{error}</div> : null}
      {split === 'invalid' && !error ? <div class="bio-properties-panel-error">{t('field.deadlineStoredInvalid', { value: stored ?? '' })}</div> : null}
      <div class="bio-properties-panel-description">
        {stored && split !== 'invalid' ? t('field.deadlineHint', { iso: stored }) : !stored ? t('field.deadlineNone') : null}
      </div>
    </div>
  );
}

function isDurationEdited(node: HTMLInputElement | null): boolean {
  return !!node?.value;
}

// ---------------------------------------------------------------------------
// Simple attributes built on the panel's own entries

interface AttrProps {
  element: Any;
  id: string;
  moddleElement: Any;
}

function ClockEntry({ element, id, moddleElement }: AttrProps) {
  const modeling = useService('modeling');
  return <SelectEntry {...{
    element,
    id,
    label: t('field.clock'),
    getValue: () => moddleElement.get('onestop:clock') || 'working',
    setValue: (value: string) => updateAttrs(modeling, element, moddleElement, { 'onestop:clock': value }),
    getOptions: () => [
      { value: 'working', label: t('clock.working') },
      { value: 'calendar', label: t('clock.calendar') },
    ],
  }} />;
}

function CountedEntry({ element, id, moddleElement }: AttrProps) {
  const modeling = useService('modeling');
  return <CheckboxEntry {...{
    element,
    id,
    label: t('field.counted'),
    description: t('field.countedHint'),
    getValue: () => moddleElement.get('onestop:counted') !== false,
    // Counted is the default: ticking removes the attribute rather than writing "true".
    setValue: (checked: boolean) => updateAttrs(modeling, element, moddleElement, { 'onestop:counted': checked ? undefined : false }),
  }} />;
}

function validateProcedureCode(value: string | undefined): string | null {
  if (!value?.trim()) return t('field.procedureCodeRequired');
  return PROCEDURE_CODE.test(value.trim()) ? null : t('field.procedureCodeInvalid');
}

function validateCondition(value: string | undefined): string | null {
  return value && value.trim() ? feelSyntaxError(value) : null;
}

function ProcedureCodeEntry({ element, id, moddleElement }: AttrProps) {
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return <TextFieldEntry {...{
    element,
    id,
    label: t('field.procedureCode'),
    description: t('field.procedureCodeHint'),
    debounce,
    getValue: () => moddleElement.get('onestop:procedureCode') ?? '',
    setValue: (value: string | undefined, error?: string | null) => {
      if (error) return;
      updateAttrs(modeling, element, moddleElement, { 'onestop:procedureCode': value?.trim() || undefined });
    },
    validate: validateProcedureCode,
  }} />;
}

function SupplementPolicyEntry({ element, id, moddleElement }: AttrProps) {
  const modeling = useService('modeling');
  return <SelectEntry {...{
    element,
    id,
    label: t('field.supplementPolicy'),
    getValue: () => moddleElement.get('onestop:supplementPolicy') || 'restart',
    setValue: (value: string) => updateAttrs(modeling, element, moddleElement, { 'onestop:supplementPolicy': value }),
    getOptions: () => [
      { value: 'restart', label: t('policy.restart') },
      { value: 'extend', label: t('policy.extend') },
    ],
  }} />;
}

function CalendarEntry({ element, id, moddleElement }: AttrProps) {
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return <TextFieldEntry {...{
    element,
    id,
    label: t('field.calendar'),
    debounce,
    getValue: () => moddleElement.get('onestop:calendar') ?? '',
    setValue: (value: string | undefined) => updateAttrs(modeling, element, moddleElement, { 'onestop:calendar': value?.trim() || undefined }),
  }} />;
}

// ---------------------------------------------------------------------------
// Multi-instance (onestop:collection, onestop:elementVariable) and call activities

interface MarkerProps extends AttrProps {
  attr: 'onestop:collection' | 'onestop:elementVariable' | 'calledElement';
  labelKey: DesignerKey;
  hintKey: DesignerKey;
  validate?: (value: string | undefined) => string | null;
}

function MarkerAttrEntry({ element, id, moddleElement, attr, labelKey, hintKey, validate }: MarkerProps) {
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  return <TextFieldEntry {...{
    element,
    id,
    label: t(labelKey),
    description: t(hintKey),
    debounce,
    getValue: () => moddleElement.get(attr) ?? '',
    setValue: (value: string | undefined, error?: string | null) => {
      if (error) return;
      updateAttrs(modeling, element, moddleElement, { [attr]: value?.trim() || undefined });
    },
    validate,
  }} />;
}

/** `= list` parses as FEEL; the rule multi-instance says the rest at deploy and live. */
function validateCollection(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  if (!text.startsWith('=')) return t('field.miCollectionNotFeel');
  return feelSyntaxError(text.slice(1).trim());
}

const isDefaultFlow = (element: Any) => {
  const bo = getBusinessObject(element);
  return !!bo.sourceRef && bo.sourceRef.default === bo;
};

function ConditionEntry({ element, id }: { element: Any; id: string }) {
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  const isDefault = isDefaultFlow(element);
  return <TextFieldEntry {...{
    element,
    id,
    label: t('field.condition'),
    description: t(isDefault ? 'field.conditionDefault' : 'field.conditionHint'),
    disabled: isDefault,
    debounce,
    getValue: () => getBusinessObject(element).conditionExpression?.body ?? '',
    // The field commits on blur, also when it blurs because the flow just
    // became the default one: a default flow keeps no condition.
    setValue: (value: string | undefined) => {
      if (!isDefaultFlow(element)) setCondition(injector, element, value);
    },
    validate: validateCondition,
  }} />;
}

function DefaultFlowEntry({ element, id }: { element: Any; id: string }) {
  const injector = useService('injector');
  return <CheckboxEntry {...{
    element,
    id,
    label: t('field.defaultFlow'),
    getValue: () => getBusinessObject(element).sourceRef?.default === getBusinessObject(element),
    setValue: (checked: boolean) => setDefaultFlow(injector, element, checked),
  }} />;
}

// ---------------------------------------------------------------------------
// Form schema: JSON Schema text, validated as typed, with a live preview

function FormSchemaEntry({ element, id, isStart }: { element: Any; id: string; isStart: boolean }) {
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  const stored: string = formSchemaOf(getBusinessObject(element))?.body ?? '';
  const [text, setText] = useState(stored);

  useEffect(() => {
    if (stored !== text) setText(stored);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, element]);

  const write = useMemo(() => debounce((next: string) => setFormSchema(injector, element, next)), [element, injector, debounce]);

  const problem = text.trim() ? formSchemaError(text) : null;
  let fields = null;
  if (text.trim()) {
    try {
      fields = formFields(JSON.parse(text));
    } catch {
      fields = null;
    }
  }
  const inputId = `bio-properties-panel-${id}`;

  const builder = useService('formBuilder');

  return (
    <div class={`bio-properties-panel-entry onestop-form-schema${problem ? ' has-error' : ''}`} data-entry-id={id}>
      <button type="button" class="onestop-open-form-builder" onClick={() => builder.open(element)}>
        {t(text.trim() ? 'field.formBuilderEdit' : 'field.formBuilderCreate')}
      </button>
      <label class="bio-properties-panel-label" for={inputId}>{t('field.formSchema')}</label>
      <textarea
        id={inputId}
        name={id}
        class="bio-properties-panel-input onestop-form-schema-text"
        spellcheck={false}
        rows={12}
        value={text}
        onInput={(e) => {
          const next = (e.target as HTMLTextAreaElement).value;
          setText(next);
          write(next);
        }}
      />
      <div class={`onestop-form-schema-status ${problem ? 'bio-properties-panel-error' : 'onestop-ok'}`} role="status">
        {!text.trim()
          ? t('field.formSchemaEmpty')
          : problem
            ? t('field.formSchemaInvalid', { detail: problem })
            : t('field.formSchemaValid', { count: countFields(fields ?? []) })}
      </div>
      <div class="onestop-form-schema-actions">
        {!text.trim() ? (
          <button
            type="button"
            class="onestop-small-button"
            onClick={() => {
              const example = exampleFormSchema(isStart);
              setText(example);
              setFormSchema(injector, element, example);
            }}
          >
            {t('field.formSchemaInsertExample')}
          </button>
        ) : null}
        {text.trim() && !problem && formatted(text) !== text ? (
          <button
            type="button"
            class="onestop-small-button onestop-form-schema-format"
            onClick={() => {
              const pretty = formatted(text);
              setText(pretty);
              setFormSchema(injector, element, pretty);
            }}
          >
            {t('field.formSchemaFormat')}
          </button>
        ) : null}
      </div>
      <div class="bio-properties-panel-description">{t(isStart ? 'field.formSchemaHintStart' : 'field.formSchemaHintTask')}</div>
      {fields && fields.length ? (
        <div class="onestop-form-preview-box">
          <div class="onestop-form-preview-title">{t('field.formPreview')}</div>
          <FormPreview fields={fields} />
        </div>
      ) : null}
    </div>
  );
}

/** The schema pretty-printed with two spaces (the sample procedures' style). */
function formatted(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function isFormSchemaEdited(node: HTMLTextAreaElement | null): boolean {
  return !!node?.value?.trim();
}

// ---------------------------------------------------------------------------
// The provider

function isProcessStartEvent(bo: Any): boolean {
  return is(bo, 'bpmn:StartEvent') && is(bo.$parent, 'bpmn:Process');
}

export default class OnestopPropertiesProvider {
  static $inject = ['propertiesPanel', 'config.onestop'];

  constructor(propertiesPanel: Any, private readonly config: OnestopPanelConfig) {
    // Below the default provider (1000): our groups are added to its list.
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: Any) {
    return (groups: Any[]) => {
      const ours = this.groupsFor(element);
      if (!ours.length) return groups;
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, ...ours);
      return groups;
    };
  }

  private groupsFor(element: Any): Any[] {
    const bo = getBusinessObject(element);
    const registry = this.config.departments;
    const groups: Any[] = [];

    if (is(bo, 'bpmn:UserTask')) {
      groups.push({
        id: 'onestop',
        label: t('group.onestop'),
        shouldOpen: true,
        entries: [
          { id: 'onestop-department', component: DepartmentEntry, moddleElement: bo, registry, forLane: false, isEdited: isSelectEntryEdited },
          { id: 'onestop-deadline', component: DurationEntry, moddleElement: bo, labelKey: 'field.deadline', isEdited: isDurationEdited },
          { id: 'onestop-clock', component: ClockEntry, moddleElement: bo, isEdited: isSelectEntryEdited },
          { id: 'onestop-counted', component: CountedEntry, moddleElement: bo, isEdited: isCheckboxEntryEdited },
        ],
      });
    } else if (is(bo, 'bpmn:Lane')) {
      groups.push({
        id: 'onestop',
        label: t('group.onestop'),
        shouldOpen: true,
        entries: [{ id: 'onestop-department', component: DepartmentEntry, moddleElement: bo, registry, forLane: true, isEdited: isSelectEntryEdited }],
      });
    } else if (is(bo, 'bpmn:SequenceFlow') && bo.sourceRef && DECIDING_GATEWAYS.some((type) => is(bo.sourceRef, type))) {
      groups.push({
        id: 'onestop',
        label: t('group.onestop'),
        shouldOpen: true,
        entries: [
          { id: 'onestop-condition', component: ConditionEntry, isEdited: isTextFieldEntryEdited },
          { id: 'onestop-default-flow', component: DefaultFlowEntry, isEdited: isCheckboxEntryEdited },
        ],
      });
    }

    const marker = bo?.loopCharacteristics;
    if (marker && is(marker, 'bpmn:MultiInstanceLoopCharacteristics') && (is(bo, 'bpmn:UserTask') || is(bo, 'bpmn:SubProcess'))) {
      groups.push({
        id: 'onestop-multi-instance',
        label: t('group.multiInstance'),
        shouldOpen: true,
        entries: [
          { id: 'onestop-collection', component: MarkerAttrEntry, moddleElement: marker, attr: 'onestop:collection', labelKey: 'field.miCollection', hintKey: 'field.miCollectionHint', validate: validateCollection, isEdited: isTextFieldEntryEdited },
          { id: 'onestop-elementVariable', component: MarkerAttrEntry, moddleElement: marker, attr: 'onestop:elementVariable', labelKey: 'field.miElementVariable', hintKey: 'field.miElementVariableHint', isEdited: isTextFieldEntryEdited },
        ],
      });
    }
    if (is(bo, 'bpmn:CallActivity')) {
      groups.push({
        id: 'onestop',
        label: t('group.onestop'),
        shouldOpen: true,
        entries: [{ id: 'onestop-calledElement', component: MarkerAttrEntry, moddleElement: bo, attr: 'calledElement', labelKey: 'field.calledElement', hintKey: 'field.calledElementHint', validate: validateProcedureCode, isEdited: isTextFieldEntryEdited }],
      });
    }

    const process = is(bo, 'bpmn:Process') || is(bo, 'bpmn:Participant') || is(bo, 'bpmn:Collaboration') ? processOf(element) : null;
    if (process) {
      groups.push({
        id: 'onestop-procedure',
        label: t('group.procedure'),
        shouldOpen: true,
        entries: [
          { id: 'onestop-procedureCode', component: ProcedureCodeEntry, moddleElement: process, isEdited: isTextFieldEntryEdited },
          { id: 'onestop-procedureDeadline', component: DurationEntry, moddleElement: process, labelKey: 'field.procedureDeadline', isEdited: isDurationEdited },
          { id: 'onestop-procedureClock', component: ClockEntry, moddleElement: process, isEdited: isSelectEntryEdited },
          { id: 'onestop-supplementPolicy', component: SupplementPolicyEntry, moddleElement: process, isEdited: isSelectEntryEdited },
          { id: 'onestop-calendar', component: CalendarEntry, moddleElement: process, isEdited: isTextFieldEntryEdited },
        ],
      });
    }

    if (is(bo, 'bpmn:UserTask') || isProcessStartEvent(bo)) {
      groups.push({
        id: 'onestop-form',
        label: t('group.form'),
        shouldOpen: true,
        entries: [{ id: 'onestop-formSchema', component: FormSchemaEntry, isStart: !is(bo, 'bpmn:UserTask'), isEdited: isFormSchemaEdited }],
      });
      // The papers: the dossier's checklist on the start event, the step's result papers on a user task.
      const papers = is(bo, 'bpmn:UserTask') ? RESULT_DOCUMENTS : DOCUMENTS;
      groups.push({
        id: 'onestop-documents',
        label: papers === DOCUMENTS ? 'Thành phần hồ sơ / Papers' : 'Giấy tờ kết quả / Result papers',
        shouldOpen: true,
        entries: [{ id: 'onestop-documentList', component: DocumentListEntry, type: papers, isEdited: isDocumentListEdited }],
      });
    }
    return groups;
  }
}
