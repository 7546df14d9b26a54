// Entry point of the designer bundle (see designer/build.mjs).

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './styles.css';

import { DesignerApp } from './app.js';

const app = new DesignerApp();
// Diagnostics (and the browser tests) reach the running designer here.
(window as unknown as { onestopDesigner: DesignerApp }).onestopDesigner = app;

app.start().catch((err: unknown) => {
  console.error(err);
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `The designer failed to start: ${err instanceof Error ? err.message : String(err)}`;
    status.dataset.kind = 'error';
  }
});
