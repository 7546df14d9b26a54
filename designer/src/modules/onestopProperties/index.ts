// bpmn-js module: the one-stop properties in the properties panel
// (department, deadline and clock, form schema with its preview, conditions),
// written into the onestop: moddle extension.

import { BpmnPropertiesPanelModule } from 'bpmn-js-properties-panel';
import FormBuilderModule from '../formBuilder/index.js';
import OnestopPropertiesProvider from './OnestopPropertiesProvider.js';

export type { OnestopPanelConfig } from './OnestopPropertiesProvider.js';

export default {
  __depends__: [BpmnPropertiesPanelModule, FormBuilderModule],
  __init__: ['onestopPropertiesProvider'],
  onestopPropertiesProvider: ['type', OnestopPropertiesProvider],
};
