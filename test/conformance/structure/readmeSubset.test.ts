import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { supportTableMarkdown } from '../../../engine/bpmn/supportTable.js';
import { ALL_SUPPORT } from '../../../engine/bpmn/supportedElements.js';
import { ROOT } from '../../support/engineHarness.js';

// The README's table of the supported BPMN subset is the lint rule's table:
// it cannot drift. UPDATE_README=1 rewrites it.

const README = path.join(ROOT, 'README.md');
const START = '<!-- bpmn-subset:start -->';
const END = '<!-- bpmn-subset:end -->';

test('the README lists the supported BPMN subset exactly as the lint rule applies it', () => {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const expected = `${START}\n${supportTableMarkdown()}\n${END}`;
  if (process.env.UPDATE_README === '1') writeFileSync(README, text.slice(0, start) + expected + text.slice(end + END.length));
  const current = readFileSync(README, 'utf8');
  expect(current.slice(current.indexOf(START), current.indexOf(END) + END.length)).toBe(expected);
  // Every entry of the table has its row.
  for (const entry of ALL_SUPPORT) expect(current).toContain(`| ${entry.label} |`);
});
