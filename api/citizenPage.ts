import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * Serves the citizen page (web/citizen, built by designer/build.mjs into
 * dist/citizen/) with no sign-in: the search at /tra-cuu, a dossier at
 * /tra-cuu/{code} (the link and QR code of the receipt; one index.html, the
 * page reads the code from its address), the bundle at /tra-cuu/static/. It
 * calls only /api/public, whose per-address rate limit stays in force.
 */
export function mountCitizenPage(app: express.Express, options: { dist: string }): void {
  const index = path.join(options.dist, 'index.html');
  app.use('/tra-cuu/static', express.static(options.dist, {
    index: false,
    fallthrough: true,
    setHeaders(res) {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-cache');
    },
  }));
  app.use('/tra-cuu/static', (_req, res) => {
    res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy.\n');
  });
  app.get(['/tra-cuu', '/tra-cuu/{*code}'], (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('The citizen page is not built: run `npm run build:designer` (node designer/build.mjs), then reload.\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(index);
  });
}
