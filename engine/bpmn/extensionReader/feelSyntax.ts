// Syntax check of a FEEL condition with the same parser the engine's FEEL
// evaluator (@bpmn-io/feelin) uses, so "lints clean" means "parses at run time".

import { parseExpression } from '@bpmn-io/feelin';

/**
 * Null when `text` parses as a FEEL expression, else a short description of
 * the first problem (with its 1-based column).
 */
export function feelSyntaxError(text: string): string | null {
  if (text.trim() === '') return 'it is empty';

  // The lezer parser never throws: it recovers and marks the damage with
  // error nodes (named "⚠"), so the tree has to be searched for them.
  const tree = parseExpression(text, {}, undefined);
  let problem: string | null = null;

  tree.iterate({
    enter(node) {
      if (problem) return false;
      if (node.type.isError) {
        problem = node.from >= text.length
          ? 'it ends unexpectedly'
          : `it cannot be parsed at column ${node.from + 1} ("${snippet(text, node.from)}")`;
        return false;
      }
      // FEEL's grammar lets a bare unary test such as `= "x"` or `> 5` stand
      // as an expression, so `decision = = "x"` parses as "decision equals
      // the range (= "x")" and is silently always false. Outside the
      // right-hand side of `in` such a test is a typo, never an intent.
      if (node.name === 'SimplePositiveUnaryTest' && node.node.parent?.name !== 'PositiveUnaryTest'
        && node.node.firstChild?.name === 'CompareOp') {
        problem = `the comparison operator at column ${node.from + 1} ("${snippet(text, node.from)}") has no left-hand operand`;
        return false;
      }
      return undefined;
    },
  });
  return problem;
}

function snippet(text: string, from: number): string {
  const rest = text.slice(from).replace(/\s+/g, ' ');
  return rest.length > 20 ? `${rest.slice(0, 20)}…` : rest;
}
