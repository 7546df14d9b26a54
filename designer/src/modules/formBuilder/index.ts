// bpmn-js module: the form builder (FormBuilder.ts) for the form of a user
// task or of the reception (the process's start event). The properties
// panel's form group opens it with `formBuilder.open(element)`; the schema it
// writes is one command, so undo takes the whole edit back.

import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { formSchemaOf, setFormSchema, type Any } from '../onestopProperties/modelWrites.js';
import { FormBuilder } from './FormBuilder.js';

export class FormBuilderService {
  static $inject = ['injector'];
  private current: FormBuilder | null = null;

  constructor(private readonly injector: Any) {}

  /** Opens the builder on the element's form (an empty form when it has none). */
  open(element: Any): FormBuilder {
    this.current?.close();
    const bo = getBusinessObject(element);
    this.current = new FormBuilder({
      name: bo?.name || bo?.id || '',
      schemaText: formSchemaOf(bo)?.body ?? '',
      save: (text) => setFormSchema(this.injector, element, text),
    });
    this.current.open();
    return this.current;
  }
}

export default {
  formBuilder: ['type', FormBuilderService],
};
