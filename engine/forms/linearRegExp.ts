import { createRequire } from 'node:module';

// Patterns in forms come from procedures and are matched against what a
// citizen types: with the backtracking RegExp, `^(a+)+$` and 32 × "a" + "!"
// block the server for half a minute. RE2 (here its WebAssembly build, no
// native download) matches in linear time; a pattern RE2 cannot run
// (back-references, look-arounds) fails to compile, so the form is refused at
// deploy instead of at the citizen's counter.

const require = createRequire(import.meta.url);
const { RE2 } = require('re2-wasm') as { RE2: new (pattern: string, flags: string) => { test(s: string): boolean } };

/** ajv's `code.regExp` engine. */
export const linearRegExp = Object.assign(
  (pattern: string, flags: string) => new RE2(pattern, flags.includes('u') ? flags : `${flags}u`),
  { code: 'require("re2-wasm").RE2' },
);
