// Uploaded BPMN is data, never code: a procedure author (or an attacker with
// an officer's upload right) must not be able to make the server run a
// script. bpmn-engine would happily execute script tasks and JavaScript
// conditions, so they are refused before deployment.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is, reportableId } from '../../bpmn/extensionReader/moddleElements.js';
import { isFeelLanguage, scriptReason } from '../../bpmn/extensionReader/expressionLanguage.js';

const XPATH = 'http://www.w3.org/1999/XPath';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, `Script tasks are not allowed: uploaded BPMN never runs code; replace ${describe(node)} with a user task.`);
      return;
    }
    // Reusable script tasks (bpmn:GlobalScriptTask) carry a script as well.
    if (is(node, 'bpmn:GlobalScriptTask')) {
      reporter.report(node.id, `Global script task ${node.id} is not allowed: uploaded BPMN never runs code.`);
      return;
    }
    if (is(node, 'bpmn:Definitions')) {
      // Expressions without their own language inherit this one. XPath is the
      // BPMN default that several modelers write out unasked, so only another
      // explicit choice is taken as a request to run foreign code.
      const language = node.expressionLanguage;
      if (typeof language === 'string' && !isFeelLanguage(language) && language !== XPATH) {
        reporter.report(node.id, `The file declares the expression language "${language}"; only FEEL expressions are evaluated.`);
      }
      return;
    }
    if (is(node, 'bpmn:Expression')) {
      // Data association transformations and assignments are never
      // evaluated here: documentation, whatever language they name.
      if (withinDataAssociation(node)) return;
      const reason = scriptReason(node);
      if (reason) reporter.report(reportableId(node), `The ${where(node)} ${reason}.`);
      return;
    }
    // Vendor extensions carry scripts too (camunda:script in listeners or
    // input mappings, zeebe:script, ...). Moddle keeps elements of unknown
    // namespaces as generic objects that bpmnlint does not descend into, so
    // their children are searched here.
    const script = findScriptKind(node);
    if (script) {
      reporter.report(reportableId(node), `The extension element <${script.$type}> in ${describe(hostOf(node))} is not allowed: uploaded BPMN never runs code.`);
    }
  }

  return { check };
}

/** "condition of sequence flow Flow_1" — what the expression belongs to. */
function where(expression: ModdleElement): string {
  const owner = expression.$parent;
  if (is(owner, 'bpmn:SequenceFlow')) return `condition of ${describe(owner)}`;
  if (is(owner, 'bpmn:ConditionalEventDefinition')) return `condition of ${describe(owner.$parent)}`;
  return `expression in ${describe(owner ?? expression)}`;
}

// Extension elements that make an engine run code, by namespace and local
// name. Everything else in a foreign namespace (a modeler's description,
// layout hints, Zeebe job or message settings) is documentation to this
// engine: judged by what it is, never by a substring of its name.
const CODE_ELEMENTS: Record<string, readonly string[]> = {
  // Camunda 7: scripts, and listeners naming Java classes, expressions or scripts.
  'http://camunda.org/schema/1.0/bpmn': ['script', 'executionlistener', 'tasklistener'],
  // Camunda 8 (Zeebe): script tasks' FEEL scripts.
  'http://camunda.org/schema/zeebe/1.0': ['script'],
  'http://activiti.org/bpmn': ['script', 'executionlistener', 'tasklistener'],
  'http://flowable.org/bpmn': ['script', 'executionlistener', 'tasklistener'],
  // jBPM / Drools entry and exit scripts.
  'http://www.jboss.org/drools': ['onentry-script', 'onexit-script'],
};

function isScriptKind(node: ModdleElement): boolean {
  const ns = node?.$descriptor?.ns;
  const uri = typeof ns?.uri === 'string' ? ns.uri.replace(/\/+$/, '') : '';
  const local = typeof ns?.localName === 'string' ? ns.localName.toLowerCase() : '';
  return (CODE_ELEMENTS[uri] ?? []).includes(local);
}

/**
 * The code-carrying element at or below a generic extension element, the
 * innermost first (a listener's <camunda:script> names the problem better
 * than the listener). Searched with an explicit stack: nesting is the file's.
 */
function findScriptKind(root: ModdleElement): ModdleElement | null {
  let found: ModdleElement | null = null;
  const pending: ModdleElement[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isScriptKind(node)) found = node;
    if (node?.$descriptor?.isGeneric) pending.push(...[...(node.$children ?? [])].reverse());
  }
  return found;
}

function withinDataAssociation(node: ModdleElement): boolean {
  for (let current = node?.$parent; current; current = current.$parent) {
    if (is(current, 'bpmn:DataAssociation')) return true;
    if (is(current, 'bpmn:FlowElement')) return false;
  }
  return false;
}

/** The BPMN element an extension element is attached to. */
function hostOf(node: ModdleElement): ModdleElement {
  let current = node;
  while (current?.$parent && (is(current, 'bpmn:ExtensionElements') || !is(current, 'bpmn:BaseElement'))) {
    current = current.$parent;
  }
  return current ?? node;
}
