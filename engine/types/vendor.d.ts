// Packages without type declarations of their own. Kept loose on purpose:
// the project wraps each of them in one typed module.
declare module 'bpmn-moddle' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const BpmnModdle: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const defaultExport: any;
  export default defaultExport;
}
declare module 'bpmnlint' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const Linter: any;
}
declare module 'bpmnlint/lib/*';
declare module 'bpmn-auto-layout';
