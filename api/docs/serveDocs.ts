import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';

// Swagger UI from the swagger-ui-dist package, served locally: a service
// center's network may have no Internet access, and a CDN script would see
// every administrator's session.

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const INDEX = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>One-stop workflow engine API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
  <script src="/api/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
  <script src="/api/docs/swagger-initializer.js" charset="UTF-8"></script>
</body>
</html>
`;

// Replaces the package's initializer, which points at the public petstore.
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

/** The browsable reference at /api/docs. */
export function docsRouter(): express.Router {
  const router = express.Router();
  const index = (_req: express.Request, res: express.Response) => {
    res.type('html').send(INDEX);
  };
  router.get('/api/docs', index);
  router.get('/api/docs/', index);
  router.get('/api/docs/index.html', index);
  router.get('/api/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.use('/api/docs', express.static(DIST, { index: false, maxAge: '1d' }));
  return router;
}
