// The browser's wire types (web/shared/api/schema.ts) are generated from the
// API's OpenAPI document. Regenerated here in memory: a route whose schema
// changed without `npm run gen:api-types` fails this test, so the front end
// cannot drift from the server.

import { readFile } from 'node:fs/promises';
import { FORM06_MEMBER_COLUMNS } from '../../engine/index.js';
import { FORM06_COLUMNS } from '../../web/shared/api/client.js';
import { generateApiTypes, SCHEMA_FILE } from '../../web/tools/apiTypes.js';

test('the checked-in wire types are the ones the OpenAPI document generates', async () => {
  const generated = await generateApiTypes();
  const checkedIn = await readFile(SCHEMA_FILE, 'utf8');
  // Compared line by line so a failure names the first line that differs.
  const differs = generated.split('\n').findIndex((line, i) => line !== checkedIn.split('\n')[i]);
  expect({ firstDifferentLine: differs, sameLength: generated.length === checkedIn.length }).toEqual({ firstDifferentLine: -1, sameLength: true });
});

test('the browser’s form 06 columns are the server’s, in the server’s order', () => {
  expect([...FORM06_COLUMNS]).toEqual([...FORM06_MEMBER_COLUMNS]);
});
