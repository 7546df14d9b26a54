// bpmn-js module: the problems of a refused deploy drawn on the diagram
// (overlays and a marker on each element at fault).

import OverlaysModule from 'diagram-js/lib/features/overlays';
import { ServerProblems } from './ServerProblems.js';

export { SERVER_PROBLEMS_CHANGED, type ServerProblem, type ServerProblems } from './ServerProblems.js';

export default {
  __depends__: [OverlaysModule],
  __init__: ['serverProblems'],
  serverProblems: ['type', ServerProblems],
};
