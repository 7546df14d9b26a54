// Entry point of the workspace bundle (designer/build.mjs builds it into
// designer/dist/workspace/): the supervisor's dashboard, the departments'
// inboxes, the desk, the dossier page and the heat map, served at / and /app/….

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './workspace.css';

import { WorkspaceApp } from './shell/app.js';

const app = new WorkspaceApp();
// Diagnostics (and the browser tests) reach the running workspace here.
(window as unknown as { onestopWorkspace: WorkspaceApp }).onestopWorkspace = app;

app.start().catch((err: unknown) => {
  console.error(err);
  const view = document.getElementById('view');
  if (view) view.textContent = `The workspace failed to start: ${err instanceof Error ? err.message : String(err)}`;
});
