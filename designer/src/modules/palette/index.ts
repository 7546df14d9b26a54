// bpmn-js module: the palette and the context pad offer only what the engine
// runs. "Create task" and "Append task" make a user task – the step of a
// department, the element a procedure step is – since a task without a type
// is refused at deploy; entries making another refused element (a signal or
// conditional catch event after an event-based gateway, a compensation
// activity) are left out. Judged from engine/bpmn/supportedElements.ts
// (./madeByEntry.ts), like the "change type" menu (../translate).

import { entryFate, STEP_TYPE } from './madeByEntry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Entries = Record<string, Any>;
type Translate = (template: string) => string;

const STEP_ICON = 'bpmn-icon-user-task';

/** The entries the engine runs, a plain task turned into `step(entry)`. */
function supportedEntries(entries: Entries, step: (entry: Any) => Any): Entries {
  const out: Entries = {};
  for (const [id, entry] of Object.entries(entries)) {
    const fate = entryFate(id);
    if (fate === 'keep') out[id] = entry;
    else if (fate === 'step') out[id] = step(entry);
  }
  return out;
}

export class SupportedPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'translate'];

  constructor(palette: Any, private readonly create: Any, private readonly elementFactory: Any, private readonly translate: Translate) {
    // After bpmn-js' own provider (priority 1000), as an updater of its entries.
    palette.registerProvider(500, this);
  }

  getPaletteEntries(): (entries: Entries) => Entries {
    const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type: STEP_TYPE }));
    return (entries) => supportedEntries(entries, (entry) => ({
      ...entry,
      className: STEP_ICON,
      title: this.translate('Create user task'),
      action: { dragstart: start, click: start },
    }));
  }
}

export class SupportedContextPad {
  static $inject = ['contextPad', 'create', 'elementFactory', 'translate', 'injector'];
  private readonly autoPlace: Any;
  private readonly appendPreview: Any;

  constructor(contextPad: Any, private readonly create: Any, private readonly elementFactory: Any, private readonly translate: Translate, injector: Any) {
    this.autoPlace = injector.get('autoPlace', false);
    this.appendPreview = injector.get('appendPreview', false);
    contextPad.registerProvider(500, this);
  }

  getContextPadEntries(): (entries: Entries) => Entries {
    const shape = () => this.elementFactory.createShape({ type: STEP_TYPE });
    const dragstart = (event: Event, source: Any) => this.create.start(event, shape(), { source });
    // As bpmn-js appends: placed next to the source when auto-place is on, else dragged.
    const click = this.autoPlace ? (_event: Event, source: Any) => this.autoPlace.append(source, shape()) : dragstart;
    const hover = this.autoPlace && this.appendPreview
      ? (_event: Event, source: Any) => {
        this.appendPreview.create(source, STEP_TYPE, {});
        return () => this.appendPreview.cleanUp();
      }
      : undefined;
    return (entries) => supportedEntries(entries, (entry) => ({
      ...entry,
      className: STEP_ICON,
      title: this.translate('Append user task'),
      action: { dragstart, click, ...(hover ? { hover } : {}) },
    }));
  }
}

export default {
  __init__: ['supportedPalette', 'supportedContextPad'],
  supportedPalette: ['type', SupportedPalette],
  supportedContextPad: ['type', SupportedContextPad],
};
