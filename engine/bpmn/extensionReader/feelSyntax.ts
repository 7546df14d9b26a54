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

/** Iterations a condition may take, counted from its constant ranges (`for i in 1..n`). */
export const FEEL_ITERATION_BOUND = 10_000;

// A quantifier applied to a group that itself ends in a quantifier, as in
// `(a+)+` or `(x*)*`: the shape of every catastrophic backtracking pattern.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}]\)\s*[+*{]/;

/**
 * Null when the condition's cost is bounded at deploy time, else why not:
 * constant ranges whose iterations (multiplied across loops, since loops may
 * nest) exceed FEEL_ITERATION_BOUND, or a regular expression with nested
 * quantifiers. Ranges over data stay bounded by the run-time time budget.
 */
export function feelCostProblem(text: string, bound = FEEL_ITERATION_BOUND): string | null {
  const tree = parseExpression(text, {}, undefined);
  let iterations = 1;
  let problem: string | null = null;
  tree.iterate({
    enter(node) {
      if (problem) return false;
      if (node.name === 'IterationContext') {
        const ends: number[] = [];
        for (let child = node.node.firstChild; child; child = child.nextSibling) {
          if (child.name === 'NumericLiteral') ends.push(Number(text.slice(child.from, child.to)));
        }
        if (ends.length === 2 && ends.every(Number.isFinite)) iterations *= Math.abs(ends[1] - ends[0]) + 1;
        if (iterations > bound) {
          problem = `its loops over ${JSON.stringify(text.slice(node.from, node.to))} would run ${iterations.toLocaleString('en')} iterations, more than the ${bound.toLocaleString('en')} a condition may take`;
          return false;
        }
      }
      if (node.name === 'StringLiteral') {
        const literal = text.slice(node.from + 1, node.to - 1);
        if (NESTED_QUANTIFIER.test(literal)) {
          problem = `the regular expression ${JSON.stringify(literal)} nests quantifiers, which can take exponential time on some inputs; rewrite it without a repeated group that itself repeats`;
          return false;
        }
      }
      return undefined;
    },
  });
  return problem;
}
