// bpmn-moddle's complaints as LintProblems of the `well-formed` rule. A thrown
// error means no model at all (not XML, or not BPMN); import warnings mean
// the model was built but parts of the file were dropped or left dangling,
// which the engine would then silently run without.

import type { LintProblem } from './problem.js';
import { WELL_FORMED } from './problem.js';
import { describePosition, enclosingElementId, parseParserMessage } from './support/xmlDiagnostics.js';

interface ImportWarning {
  message: string;
  element?: { id?: string; $type?: string };
  property?: string;
  value?: unknown;
}

export function mapParseFailure(error: unknown): LintProblem {
  const message = error instanceof Error ? error.message : String(error);
  const parsed = parseParserMessage(message);

  // "failed to parse document as <bpmn:Definitions>": well-formed XML whose
  // root is something else. The reason sits in the error's warnings.
  if (/failed to parse document as/.test(parsed.summary)) {
    const first = (error as { warnings?: ImportWarning[] }).warnings?.[0];
    const detail = first ? parseParserMessage(first.message) : undefined;
    const why = detail ? `: ${detail.cause ?? detail.summary}${describePosition(detail)}` : '';
    return problem(null, `The file is not a BPMN 2.0 document (expected a <bpmn:definitions> root element)${why}.`);
  }

  const what = parsed.cause ? `${parsed.cause} at ${parsed.summary.replace(/^unparsable content\s*/, '').replace(/\s*detected$/, '') || 'the start'}` : parsed.summary;
  return problem(null, `The file is not well-formed XML: ${what}${describePosition(parsed)}.`);
}

// The parser reads a JavaScript string: the bytes were already decoded
// (by the HTTP layer from the request's charset, by the designer from the
// file). The declaration's encoding then only says how they were stored, and
// the parser's "unsupported document encoding" is no fault of the file.
const DECLARED_ENCODING = /^unsupported document encoding/;

export function mapImportWarnings(warnings: ImportWarning[], xml: string): LintProblem[] {
  return warnings.filter((warning) => !DECLARED_ENCODING.test(warning.message)).map((warning) => {
    const parsed = parseParserMessage(warning.message);
    const elementId = warning.element?.id ?? null;

    const attribute = /^unknown attribute <(.+)>$/.exec(parsed.summary);
    if (attribute) {
      return problem(elementId, `The element ${nameOf(warning)} has the unknown attribute ${attribute[1]}; remove it or fix its spelling/namespace.`);
    }

    const reference = /^unresolved reference <(.+)>$/.exec(parsed.summary);
    if (reference) {
      const property = warning.property ? ` (${warning.property})` : '';
      return problem(elementId, `The element ${nameOf(warning)} refers to "${reference[1]}"${property}, but no element has that id.`);
    }

    // Unknown or misplaced elements: moddle gives a position but no owner,
    // so the owner is found from the position.
    const owner = parsed.line !== undefined && parsed.column !== undefined
      ? enclosingElementId(xml, parsed.line, parsed.column)
      : null;
    const tag = /^unparsable content (<[^>]*>)/.exec(parsed.summary)?.[1];
    const what = tag ? `The element ${tag}` : 'Part of the file';
    const within = owner ? ` inside ${owner}` : '';
    return problem(elementId ?? owner,
      `${what}${within} was not understood and would be ignored: ${parsed.cause ?? parsed.summary}${describePosition(parsed)}.`);
  });
}

function problem(elementId: string | null, message: string): LintProblem {
  return { elementId, message: message.replace(/\s+/g, ' '), rule: WELL_FORMED, severity: 'error' };
}

function nameOf(warning: ImportWarning): string {
  return warning.element?.id ?? `<${warning.element?.$type ?? 'unknown'}> without id`;
}
