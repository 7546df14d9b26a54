// Packages of the bpmn-io toolkit without type declarations, as the designer
// uses them. Kept loose: each is wrapped by one module of the designer.
/* eslint-disable @typescript-eslint/no-explicit-any */

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export function useService(name: string, strict?: boolean): any;
}

declare module '@bpmn-io/properties-panel' {
  export const CheckboxEntry: any;
  export const SelectEntry: any;
  export const TextFieldEntry: any;
  export const TextAreaEntry: any;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
}

declare module 'bpmn-js-bpmnlint' {
  const module: any;
  export default module;
}

declare module 'bpmn-js-token-simulation' {
  const module: any;
  export default module;
}

declare module '*.css';
