import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';

/** Where `npm run build:designer` (node designer/build.mjs) writes the bundle. */
export const DESIGNER_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../designer/dist');

export interface DesignerOptions {
  /** The built files (default designer/dist). */
  dist?: string;
  /** URL prefix (default /designer). */
  mountPath?: string;
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
}
