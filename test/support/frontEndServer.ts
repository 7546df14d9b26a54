import type { Server } from 'node:http';
import { mountDesigner } from '../../api/designerRoutes.js';
import { PROCESSES, type Testbed } from '../api/support/apiTestbed.js';

export interface ServedTestbed {
  url: string;
  close(): Promise<void>;
}

/**
 * The API test bed served over HTTP with the browser front end (designer and
 * workspace) and the sample procedures deployed, for tests that drive Chromium.
 */
export async function serveWithFrontEnd(tb: Testbed): Promise<ServedTestbed> {
  mountDesigner(tb.app);
  const report = await tb.engine.loadProcessesFolder(PROCESSES);
  if (report.refused.length) throw new Error(`samples refused: ${JSON.stringify(report.refused)}`);
  const server: Server = await new Promise((resolve) => {
    const s = tb.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tb.close();
    },
  };
}
