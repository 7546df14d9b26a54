import type pg from 'pg';

/**
 * No dossier may sit in `processing` with nothing to wait on: each has an
 * open step (a user task or an external job), an open timer or message wait,
 * or an open incident. Answers the codes that break it.
 */
export async function dossiersWaitingOnNothing(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ code: string }>(
    `SELECT d.code FROM dossiers d
      WHERE d.status = 'processing'
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed'))
        AND NOT EXISTS (SELECT 1 FROM waits w WHERE w.dossier_id = d.id AND w.status = 'open')
        AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.dossier_id = d.id AND i.status = 'open')
      ORDER BY d.code`,
  );
  return rows.map((r) => r.code);
}

/** Fails the test when a processing dossier waits on nothing. */
export async function expectEveryDossierWaits(pool: pg.Pool): Promise<void> {
  const stuck = await dossiersWaitingOnNothing(pool);
  if (stuck.length) throw new Error(`dossiers in processing with nothing to wait on: ${stuck.join(', ')}`);
}
