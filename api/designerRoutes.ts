import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { mountCitizenPage } from './citizenPage.js';

/** Where `npm run build:designer` (node designer/build.mjs) writes the bundle. */
export const DESIGNER_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../designer/dist');

export interface DesignerOptions {
  /** The built files (default designer/dist). */
  dist?: string;
  /** URL prefix (default /designer). */
  mountPath?: string;
  /** The workspace at / and /app/… (mountWorkspace); false leaves it out. */
  workspace?: WorkspaceOptions | false;
}

export interface WorkspaceOptions {
  /** The built files (default designer/dist/workspace). */
  dist?: string;
}

/**
 * Serves the browser procedure designer (issue 5) at /designer: static files
 * built by designer/build.mjs, no CDN. The designer calls /api with the
 * analyst's bearer token, so it needs nothing else from the server.
 *
 * No Content-Security-Policy is set here on purpose: the designer runs the
 * deploy lint rules in the page, and ajv compiles form schemas with
 * `new Function`.
 */
export function mountDesigner(app: express.Express, options: DesignerOptions = {}): void {
  const dist = options.dist ?? DESIGNER_DIST;
  const mountPath = (options.mountPath ?? '/designer').replace(/\/+$/, '');
  const router = express.Router();

  // Relative asset URLs in index.html need the trailing slash.
  router.use((req, res, next) => {
    if (req.originalUrl.split('?')[0] === mountPath && (req.method === 'GET' || req.method === 'HEAD')) {
      const query = req.originalUrl.slice(mountPath.length);
      res.redirect(301, `${mountPath}/${query}`);
      return;
    }
    next();
  });

  router.use((req, res, next) => {
    if (existsSync(path.join(dist, 'index.html'))) return next();
    res.status(503).type('text/plain; charset=utf-8')
      .send('The designer is not built: run `npm run build:designer` (node designer/build.mjs), then reload.\n');
  });

  router.use(express.static(dist, {
    index: 'index.html',
    fallthrough: true,
    setHeaders(res, file) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // index.html must be revalidated so a new build is picked up; the bundle too (no hashes in its names).
      if (/\.(?:eot|woff2?|ttf|png)$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=86400');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  }));

  router.use((_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Not found in the designer.\n');
  });

  app.use(mountPath, router);
  if (options.workspace !== false) mountWorkspace(app, options.workspace ?? {});
  mountCitizenPage(app, { dist: path.join(dist, 'citizen') });
}

const staticHeaders = (res: express.Response, file: string) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (/\.(?:eot|woff2?|ttf|png)$/.test(file)) res.setHeader('Cache-Control', 'public, max-age=86400');
  else res.setHeader('Cache-Control', 'no-cache');
};

/**
 * Serves the workspace (web/workspace, built next to the designer
 * by designer/build.mjs into dist/workspace/): the landing page and sign-in
 * at `/`, the pages of each role at `/app/…` (one index.html, the page routes
 * in the browser), the bundle at `/app/static/`. It calls /api with the
 * key the sign-in keeps in sessionStorage, the same key the designer reads.
 */
export function mountWorkspace(app: express.Express, options: WorkspaceOptions = {}): void {
  const dist = options.dist ?? path.join(DESIGNER_DIST, 'workspace');
  const index = path.join(dist, 'index.html');
  const notBuilt = (res: express.Response) =>
    res.status(503).type('text/plain; charset=utf-8')
      .send('The workspace is not built: run `npm run build:designer` (node designer/build.mjs), then reload.\n');

  app.use('/app/static', express.static(dist, { index: false, fallthrough: true, setHeaders: staticHeaders }));
  app.use('/app/static', (_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Not found in the workspace.\n');
  });
  const page: express.RequestHandler = (_req, res) => {
    if (!existsSync(index)) return void notBuilt(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(index);
  };
  app.get('/', page);
  app.get(['/app', '/app/{*rest}'], page);
}
