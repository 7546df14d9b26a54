// Builds the browser designer into designer/dist/ with esbuild: one ES module
// (main.js) with everything it needs (bpmn-js, the properties panel, the
// project's own bpmnlint plugin from engine/lint, token simulation, auto
// layout), one stylesheet (main.css) and index.html. Nothing is fetched from
// a CDN at run time.
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
const SRC = path.join(here, 'src');
const META = path.join(DIST, 'meta.json');
const STATIC = ['index.html'];

function options(outdir, { minify }) {
  return {
    absWorkingDir: ROOT,
    entryPoints: { main: path.join(SRC, 'main.ts') },
    outdir,
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
    built = (await stat(path.join(DIST, 'main.js'))).mtimeMs;
  } catch {
    return true;
  }
  const files = [...inputs, 'designer/build.mjs', ...STATIC.map((f) => `designer/src/${f}`), 'package-lock.json'];
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
  const result = await esbuild.build(options(staging, { minify }));
  for (const file of STATIC) await copyFile(path.join(SRC, file), path.join(staging, file));
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':'));
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
  return { ms: Date.now() - started, bytes, warnings: result.warnings.length };
}

export async function buildIfStale(opts) {
  if (!(await isStale())) return null;
  return build(opts);
}

async function watch() {
  const ctx = await esbuild.context({
    ...options(DIST, { minify: false }),
    plugins: [{
      name: 'static-files',
      setup(b) {
        b.onEnd(async () => {
          await mkdir(DIST, { recursive: true });
          for (const file of STATIC) await copyFile(path.join(SRC, file), path.join(DIST, file));
          console.log(`designer rebuilt ${new Date().toLocaleTimeString()}`);
        });
      },
    }],
  });
  await ctx.watch();
  console.log(`watching designer/src and its imports; output in ${path.relative(ROOT, DIST)}/`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--watch')) {
    await watch();
  } else {
    const minify = !args.has('--dev');
    const done = args.has('--if-stale') ? await buildIfStale({ minify }) : await build({ minify });
    if (done) console.log(`designer built in ${done.ms} ms: designer/dist/main.js ${(done.bytes / 1024).toFixed(0)} KiB`);
    else console.log('designer/dist is up to date');
  }
}
