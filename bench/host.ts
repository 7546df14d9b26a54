import os from 'node:os';
import type { Benchmark } from './benchmark.js';
import { round } from './timing.js';
import { warmEngines } from '../engine/runtime/warmEngines.js';

/**
 * The machine the figures come from. The load average matters: on a shared
 * 2-core host another job halves what any benchmark here can reach, so a
 * figure is only compared with one taken under a similar load.
 */
export const host: Benchmark = {
  name: 'host',
  id: 'host',
  headline: [],
  async run() {
    return {
      host_cpus: os.cpus().length,
      host_cpu_model: os.cpus()[0]?.model ?? 'unknown',
      host_node: process.version,
      host_load_1m_start: round(os.loadavg()[0], 2),
      // The step figures depend on it: the bench's 400 dossiers stay warm only with about 480 MB.
      engine_cache_mb: warmEngines.bounds.mb,
      engine_cache_size: warmEngines.bounds.size ?? 'no count bound',
    };
  },
};
