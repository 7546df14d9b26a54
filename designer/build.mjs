// Builds the browser front end into designer/dist/ with esbuild. The
// designer (designer/src/) becomes one ES module (main.js) with everything it
// needs (bpmn-js, the properties panel, the project's own bpmnlint plugin from
// engine/lint, token simulation, auto layout), one stylesheet (main.css) and
// index.html. The workspace (web/workspace/: dashboard, inboxes, desk, dossier
// page, heat map, with Chart.js and bpmn-js's viewer) goes to dist/workspace/
// with its own index.html, the citizen page (web/citizen/) to dist/citizen/.
// All take web/shared/ with them. Nothing is
// fetched from a CDN at run time.
//
//   node designer/build.mjs            build once
//   node designer/build.mjs --if-stale build only when an input changed
//   node designer/build.mjs --watch    rebuild on change (development)
//
// The list of inputs of the last build is kept in dist/meta.json, so that
// staleness is decided from what the bundle really contains (engine files
// included), not from a guessed file list.

import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..');
export const DIST = path.join(here, 'dist');
const META = path.join(DIST, 'meta.json');
/** Pages copied as they are: source (from the repository root) → place in dist/. */
const STATIC = [
  { from: 'designer/src/index.html', to: 'index.html' },
  { from: 'web/workspace/index.html', to: 'workspace/index.html' },
  { from: 'web/citizen/index.html', to: 'citizen/index.html' },
];
/** The bundles: the designer at dist/, the workspace at dist/workspace/ (each with its own assets/). */
const ENTRIES = [
  { entry: path.join(ROOT, 'designer', 'src', 'main.ts'), out: '' },
  { entry: path.join(ROOT, 'web', 'workspace', 'main.ts'), out: 'workspace' },
  // The citizen page (/tra-cuu): small, no bpmn-js.
  { entry: path.join(ROOT, 'web', 'citizen', 'main.ts'), out: 'citizen' },
];

async function copyStatic(dist) {
  for (const { from, to } of STATIC) {
    await mkdir(path.dirname(path.join(dist, to)), { recursive: true });
    await copyFile(path.join(ROOT, from), path.join(dist, to));
  }
}

function options(outdir, { minify }, { entry, out } = ENTRIES[0]) {
  return {
    absWorkingDir: ROOT,
    entryPoints: { main: entry },
    outdir: path.join(outdir, out),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify,
    sourcemap: true,
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: '@bpmn-io/properties-panel/preact',
    // react-jsonschema-form (the workspace's forms) runs on Preact.
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'dataurl', '.png': 'file' },
    assetNames: 'assets/[name]-[hash]',
  };
}

/** Inputs of the last build (relative to the repository root), or null when there was none. */
async function lastInputs() {
  try {
    return JSON.parse(await readFile(META, 'utf8')).inputs;
  } catch {
    return null;
  }
}

/** True when dist/ is missing or older than any file that went into it (or than this script). */
export async function isStale() {
  const inputs = await lastInputs();
  if (!inputs) return true;
  let built;
  try {
    const bundles = await Promise.all(ENTRIES.map(({ out }) => stat(path.join(DIST, out, 'main.js'))));
    built = Math.min(...bundles.map((b) => b.mtimeMs));
  } catch {
    return true;
  }
  const files = [...inputs, 'designer/build.mjs', ...STATIC.map((f) => f.from), 'package-lock.json'];
  for (const file of files) {
    try {
      if ((await stat(path.join(ROOT, file))).mtimeMs > built) return true;
    } catch {
      return true; // an input was deleted or renamed
    }
  }
  return false;
}

/**
 * Builds into a fresh folder next to dist/ and swaps it in, so a server
 * serving dist/ (or a second build running at the same time) never sees a
 * half-written bundle.
 */
export async function build({ minify = true } = {}) {
  const started = Date.now();
  const staging = `${DIST}.tmp-${process.pid}-${started}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const results = await Promise.all(ENTRIES.map((e) => esbuild.build(options(staging, { minify }, e))));
  await copyStatic(staging);
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((f) => !f.startsWith('node_modules/') && !f.includes(':'));
  await writeFile(path.join(staging, 'meta.json'), `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
  const old = `${DIST}.old-${process.pid}-${started}`;
  await rename(DIST, old).catch(() => {});
  await rename(staging, DIST).catch(async (err) => {
    // Another build won the race: its output is as good as ours.
    await rm(staging, { recursive: true, force: true });
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
  });
  await rm(old, { recursive: true, force: true });
  const bytes = (await stat(path.join(DIST, 'main.js'))).size;
  const workspaceBytes = (await stat(path.join(DIST, 'workspace', 'main.js'))).size;
  return { ms: Date.now() - started, bytes, workspaceBytes, warnings: results.reduce((n, r) => n + r.warnings.length, 0) };
}

export async function buildIfStale(opts) {
  if (!(await isStale())) return null;
  return build(opts);
}

async function watch() {
  const contexts = await Promise.all(ENTRIES.map((e) => esbuild.context({
    ...options(DIST, { minify: false }, e),
    plugins: [{
      name: 'static-files',
      setup(b) {
        b.onEnd(async () => {
          await copyStatic(DIST);
          console.log(`${e.out || 'designer'} rebuilt ${new Date().toLocaleTimeString()}`);
        });
      },
    }],
  })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log(`watching designer/src, web/ and their imports; output in ${path.relative(ROOT, DIST)}/`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--watch')) {
    await watch();
  } else {
    const minify = !args.has('--dev');
    const done = args.has('--if-stale') ? await buildIfStale({ minify }) : await build({ minify });
    if (done) console.log(`designer built in ${done.ms} ms: designer/dist/main.js ${(done.bytes / 1024).toFixed(0)} KiB, designer/dist/workspace/main.js ${(done.workspaceBytes / 1024).toFixed(0)} KiB`);
    else console.log('designer/dist is up to date');
  }
}
