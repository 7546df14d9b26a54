// Patterns in forms come from procedures and are matched against what a
// citizen types: with a backtracking engine, `^(a+)+$` and 32 × "a" + "!"
// block the server for half a minute. This module runs in the browser too
// (the designer and the workspace check forms in the page), so instead of a
// native RE2 it refuses, when the schema is compiled (at deploy), the
// constructs that make backtracking super-linear: a quantified group that
// itself ends in a quantifier, back-references and look-arounds.

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}?]\)\s*[+*{]/;
const BACK_REFERENCE = /\\[1-9]|\\k</;
const LOOK_AROUND = /\(\?<?[=!]/;

/** Why `pattern` could take more than linear time, or null. */
export function nonLinearPattern(pattern: string): string | null {
  if (NESTED_QUANTIFIER.test(pattern)) return 'it repeats a group that itself repeats, which can take exponential time on some inputs';
  if (BACK_REFERENCE.test(pattern)) return 'it uses a back-reference, which cannot be matched in linear time';
  if (LOOK_AROUND.test(pattern)) return 'it uses a look-ahead or look-behind, which cannot be matched in linear time';
  return null;
}

/** ajv's `code.regExp` engine: native RegExp, for patterns that pass nonLinearPattern only. */
export const linearRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const reason = nonLinearPattern(pattern);
    if (reason) throw new Error(`the pattern ${JSON.stringify(pattern)} is refused: ${reason}`);
    return new RegExp(pattern, flags);
  },
  { code: 'RegExp' },
);
