import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/engineHarness.js';

// The one-way doors of ARCHITECTURE.md, checked with dependency-cruiser and
// the rules in .dependency-cruiser.cjs: engine/store is private, the API
// enters the engine through engine/index.ts only, web/ never imports the
// designer, and no import circle anywhere.

const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const ROOMS = ['engine', 'api', 'designer/src', 'web', 'bench'];

async function cruise(cwd: string, folders: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, '--config', CONFIG, '--output-type', 'err', ...folders], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

test('the import graph keeps the one-way doors and has no circle', async () => {
  const result = await cruise(ROOT, ROOMS);
  // On failure the message lists every violation, rule by rule.
  expect(result.output).not.toMatch(/error /);
  expect(result.ok).toBe(true);
}, 120_000);

test('the check fails on a route importing engine/store, a front door bypass, web importing the designer, and a circle', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onestop-depcruise-'));
  try {
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
      'engine/index.ts': `export const front = 1;\n`,
      'engine/store/rows.ts': `export const rows = 1;\n`,
      'engine/deadlines/timer.ts': `export const timer = 1;\n`,
      'api/routes/badRoute.ts': `import { rows } from '../../engine/store/rows.js';\nimport { timer } from '../../engine/deadlines/timer.js';\nimport { front } from '../../engine/index.js';\nexport const r = rows + timer + front;\n`,
      'designer/src/app.ts': `export const designer = 1;\n`,
      'web/shared/a.ts': `import { b } from './b.js';\nimport { designer } from '../../designer/src/app.js';\nexport const a = () => b() + designer;\n`,
      'web/shared/b.ts': `import { a } from './a.js';\nexport const b = (): number => a();\n`,
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const result = await cruise(dir, ['engine', 'api', 'designer/src', 'web']);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('store-is-private: api/routes/badRoute.ts → engine/store/rows.ts');
    expect(result.output).toContain('api-through-front-door: api/routes/badRoute.ts → engine/deadlines/timer.ts');
    expect(result.output).not.toContain('api/routes/badRoute.ts → engine/index.ts');
    expect(result.output).toContain('web-not-designer: web/shared/a.ts → designer/src/app.ts');
    expect(result.output).toMatch(/no-circular: web\/shared\/a\.ts →\s+web\/shared\/b\.ts →\s+web\/shared\/a\.ts/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
