import { createRequire } from 'node:module';

// The one moddle descriptor of the `onestop` namespace. The engine, the
// bpmnlint rules and the designer all load this file, so an attribute added
// here is understood everywhere at once.
const require = createRequire(import.meta.url);
export const onestopDescriptor = require('./onestop-moddle.json') as Record<string, unknown>;

export const ONESTOP_NS = 'urn:onestop:bpmn:1.0';
export const moddleExtensions = { onestop: onestopDescriptor };
