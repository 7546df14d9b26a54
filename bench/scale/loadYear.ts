import pg from 'pg';
import { compileCalendar, DEFAULT_CALENDAR, isWorkingDay } from '../../engine/calendar/index.js';
import type { TemplatePath } from './templateRuns.js';
import { CHANNEL_SHARES, EVENT_SHARES, STEP_TIMES, UNCOUNTED_SPAN, WORKDAY_HOURS, WORKDAY_START_HOUR_VN } from './yearPlan.js';

export interface YearShape {
  dossiers: number;
  communes: number;
  /** The commune whose departments keep the codes of processes/departments.json (the server's RECEIVING_AGENCY). */
  homeCommune: number;
  now: Date;
}

export interface LoadedYear {
  /** Seconds per phase, for the report. */
  phases: Record<string, number>;
  counts: Record<string, number>;
}

/** The tables the load writes; their indexes and keys are dropped during it and rebuilt after. */
const LOADED = ['dossiers', 'tasks', 'dossier_events', 'breaches', 'deadline_warnings', 'supplements', 'apologies'];
/** Tables whose triggers keep summaries; dossier_events' own trigger (append-only) stays on. */
const TRIGGERED = ['dossiers', 'tasks', 'breaches', 'apologies'];
/**
 * Summaries kept by triggers (engine/store/migrations/0007) and the sweep's marks (0022) and the open breaches'
 * groups (0025), rebuilt after the load when the schema has them. The longest first (the steps' department days),
 * so the other connection takes the rest meanwhile.
 */
const REBUILDS = ['form06_rebuild_department_days', 'form06_rebuild_procedure_days', 'deadline_marks_rebuild', 'open_breach_groups_rebuild'];

/** `000.00.12.H26` for commune 12: the receiving agency in a commune's dossier codes. */
export function communeAgency(k: number): string {
  return `000.00.${String(k).padStart(2, '0')}.H26`;
}

/** A commune's copy of a sample department: the home commune keeps the sample's code. */
export function communeDepartment(base: string, k: number, home: number): string {
  return k === home ? base : `${base}_${String(k).padStart(3, '0')}`;
}

/**
 * The working days the generator lays time on, as the start of each one's
 * office hours: a year back from `now` and far enough ahead for every due
 * time. Positions are "working day index + fraction of the office day".
 */
function workingDays(now: Date): { days: Date[]; nowPos: number; yearStartPos: number } {
  const cal = compileCalendar(DEFAULT_CALENDAR);
  const days: Date[] = [];
  const first = new Date(now.getTime() - 366 * 86_400_000);
  for (let t = first.getTime(); t < now.getTime() + 900 * 86_400_000; t += 86_400_000) {
    const local = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
    if (isWorkingDay(local, cal)) days.push(new Date(`${local}T${String(WORKDAY_START_HOUR_VN).padStart(2, '0')}:00:00+07:00`));
  }
  let i = days.findIndex((d) => d.getTime() > now.getTime()) - 1;
  if (i < 0) i = 0;
  const frac = Math.min(1, (now.getTime() - days[i].getTime()) / (WORKDAY_HOURS * 3_600_000));
  const nowPos = i + frac;
  const yearAgo = now.getTime() - 365 * 86_400_000;
  const yearStartPos = days.findIndex((d) => d.getTime() >= yearAgo);
  return { days, nowPos, yearStartPos };
}

interface Constraint {
  table: string;
  name: string;
  def: string;
  kind: 'p' | 'u' | 'f';
}

async function stripTables(c: pg.ClientBase): Promise<{ constraints: Constraint[]; indexes: Array<{ table: string; def: string }> }> {
  const { rows: constraints } = await c.query<Constraint>(
    `SELECT cl.relname AS table, co.conname AS name, pg_get_constraintdef(co.oid) AS def, co.contype AS kind
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
      WHERE cl.relname = ANY($1) AND co.contype IN ('p', 'u', 'f') AND cl.relnamespace = 'public'::regnamespace`,
    [LOADED],
  );
  // Foreign keys pointing into a loaded table from elsewhere depend on its keys too.
  const { rows: inbound } = await c.query<Constraint>(
    `SELECT cl.relname AS table, co.conname AS name, pg_get_constraintdef(co.oid) AS def, co.contype AS kind
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class ref ON ref.oid = co.confrelid
      WHERE ref.relname = ANY($1) AND NOT cl.relname = ANY($1) AND co.contype = 'f'`,
    [LOADED],
  );
  const all = [...constraints, ...inbound];
  const { rows: indexes } = await c.query<{ name: string; def: string; table: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def, i.tablename AS table FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conname = i.indexname)`,
    [LOADED],
  );
  for (const k of all.filter((x) => x.kind === 'f')) await c.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  for (const k of all.filter((x) => x.kind !== 'f')) await c.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await c.query(`DROP INDEX ${i.name}`);
  return { constraints: all, indexes: indexes.map((i) => ({ table: i.table, def: i.def })) };
}

export interface Job {
  name: string;
  /** One statement, or statements run in order on the same connection (each named one logged). */
  sql: string | Array<[string, string]>;
}

/**
 * Runs statements on the connections given, each connection taking the next
 * job when it is free: the machine's two cores busy until the list is empty,
 * whatever each statement costs.
 */
export async function runJobs(conns: pg.Client[], jobs: Job[], log: (m: string) => void, quietUnderMs = 0): Promise<void> {
  const pending = [...jobs];
  const took = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
  await Promise.all(
    conns.map(async (c) => {
      for (let job = pending.shift(); job; job = pending.shift()) {
        const t = Date.now();
        if (typeof job.sql === 'string') await c.query(job.sql);
        else
          for (const [name, sql] of job.sql) {
            const tp = Date.now();
            await c.query(sql);
            if (name) log(`    ${job.name}, ${name}: ${took(tp)}`);
          }
        if (Date.now() - t >= quietUnderMs) log(`    ${job.name.replace(/\s+/g, ' ').slice(0, 100)}: ${took(t)}`);
      }
    }),
  );
}

/**
 * Writes a table in one transaction that empties it first (keeping the rows
 * it had: the template dossiers). On a server at wal_level minimal (the
 * bench's own), rows written into a table emptied in the same transaction
 * skip the WAL: the file is synced once at commit instead of every row being
 * written twice.
 */
function intoEmptied(table: string, inserts: Array<[string, string]>): Array<[string, string]> {
  return [
    ['', `BEGIN`],
    ['', `CREATE TEMP TABLE kept_rows ON COMMIT DROP AS SELECT * FROM ${table}; TRUNCATE ${table}; INSERT INTO ${table} SELECT * FROM kept_rows`],
    ...inserts,
    ['', `COMMIT`],
  ];
}

/**
 * The statements that put back what stripTables took: keys and indexes in the
 * order of `tables` (a table's as soon as it is written), foreign keys apart.
 */
function restoreStatements(saved: { constraints: Constraint[]; indexes: Array<{ table: string; def: string }> }, tables: string[]) {
  const rank = (table: string) => (tables.includes(table) ? tables.indexOf(table) : tables.length);
  const keysAndIndexes = [
    ...saved.constraints.filter((x) => x.kind !== 'f').map((k) => ({ table: k.table, name: `${k.table}.${k.name}`, sql: `ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}` })),
    ...saved.indexes.map((i) => ({ table: i.table, name: i.def, sql: i.def })),
  ];
  return {
    keysAndIndexes: keysAndIndexes.sort((x, y) => rank(x.table) - rank(y.table)),
    foreignKeys: saved.constraints.filter((x) => x.kind === 'f').map((k) => ({ name: `${k.table}.${k.name}`, sql: `ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}` })),
  };
}

/** One job per table (the schema's every table when `tables` is null), the biggest first. */
async function bySize(c: pg.Client, tables: string[] | null, job: (table: string) => Job): Promise<Job[]> {
  const { rows } = await c.query<{ table: string }>(
    `SELECT relname AS table FROM pg_class
      WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND ($1::text[] IS NULL OR relname = ANY($1))
      ORDER BY pg_total_relation_size(oid) DESC`,
    [tables],
  );
  return rows.map((r) => job(r.table));
}

const cumulative = (shares: number[]) => {
  const total = shares.reduce((a, b) => a + b, 0);
  let acc = 0;
  return shares.slice(0, -1).map((s) => (acc += s / total));
};

/** Where the plan lives while the year is written: unlogged tables both writer connections read. */
const S = 'scale_load';

async function connect(url: string): Promise<pg.Client> {
  // Connections of their own: the pools' statement timeouts are for requests, not for writing a year.
  const c = new pg.Client({ connectionString: url });
  // A connection lost mid-load rejects the statement in flight; without a listener it would also end the process.
  c.on('error', () => {});
  await c.connect();
  // No synchronized scans: rows are written in the order the plan tables are read (ids in reception order,
  // each dossier's history in id order), and a scan joining one already under way on the other connection
  // would start in the middle of the table.
  await c.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET synchronize_seqscans = off`);
  return c;
}

/**
 * Writes a year of dossiers with set-based SQL: the plan of every dossier
 * and step first (positions on the working days, outcomes, breach ids), then
 * each table of the schema in a few INSERT … SELECT statements on two
 * connections at once (the machine has two cores), with keys and indexes
 * dropped during the writes and rebuilt once at the end.
 */
export async function loadYear(url: string, templates: TemplatePath[], shape: YearShape, log: (m: string) => void): Promise<LoadedYear> {
  const phases: Record<string, number> = {};
  let mark = Date.now();
  const phase = (name: string) => {
    phases[name] = Math.round((Date.now() - mark) / 100) / 10;
    log(`  ${name}: ${phases[name]} s`);
    mark = Date.now();
  };
  const { days, nowPos, yearStartPos } = workingDays(shape.now);
  const a = await connect(url);
  const b = await connect(url);
  try {
    await a.query(`DROP SCHEMA IF EXISTS ${S} CASCADE; CREATE SCHEMA ${S}`);
    await a.query(`SELECT setseed(0.42)`);
    // Position → time: the start of office hours of its working day plus the
    // fraction of the office day. An immutable SQL function over a constant
    // array is inlined, so each call is one subscript, not a lookup.
    const epochs = days.map((d) => d.getTime() / 1000).join(',');
    await a.query(
      `CREATE FUNCTION ${S}.at_pos(x float8) RETURNS timestamptz LANGUAGE sql IMMUTABLE
         AS $$ SELECT to_timestamp(('{${epochs}}'::float8[])[floor(x)::int + 1] + (x - floor(x)) * ${WORKDAY_HOURS * 3600}) $$`,
    );
    const at = (x: string) => `${S}.at_pos(${x})`;

    // ---- the plan: paths, stages, steps ------------------------------------------------------
    const desk = 'MOTCUA_XA';
    await a.query(`CREATE UNLOGGED TABLE ${S}.g_path (path int PRIMARY KEY, procedure_code text, version_id bigint, deadline_days float8, n_stages int,
                     applicant jsonb, start_data jsonb, final_state json, policy text, first_department text)`);
    await a.query(`CREATE UNLOGGED TABLE ${S}.g_stage (path int, stage int, engine_state json, PRIMARY KEY (path, stage))`);
    await a.query(`CREATE UNLOGGED TABLE ${S}.g_step (path int, stage int, k int, element_id text, name text, department text, from_department text, clock text,
                     deadline text, allotment_ms bigint, allot_days float8, counted boolean, data jsonb, execution_id text, PRIMARY KEY (path, stage, k))`);
    for (const p of templates) {
      const { rows } = await a.query<{ policy: string }>(`SELECT model->>'supplementPolicy' AS policy FROM procedure_versions WHERE id = $1`, [p.versionId]);
      await a.query(`INSERT INTO ${S}.g_path VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        p.index, p.procedureCode, p.versionId, p.deadlineDays, p.stages.length, p.applicant, p.startData, p.finalState, rows[0]?.policy ?? 'restart', p.stages[0].steps[0].department,
      ]);
      for (const [st, stage] of p.stages.entries()) {
        await a.query(`INSERT INTO ${S}.g_stage VALUES ($1, $2, $3)`, [p.index, st, stage.engineState]);
        const from = st === 0 ? desk : p.stages[st - 1].steps[0].department;
        for (const [k, step] of stage.steps.entries()) {
          await a.query(`INSERT INTO ${S}.g_step VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, [
            p.index, st, k, step.elementId, step.name, step.department, from, step.clock, step.deadline, step.allotmentMs, step.allotDays, step.counted, step.data, stage.executionIds[step.elementId],
          ]);
        }
      }
    }
    const pathCum = cumulative(templates.map((p) => p.share));
    // Communes of uneven size (wards in the centre receive more).
    const weights = Array.from({ length: shape.communes }, (_, i) => 0.4 + (1.6 * ((i * 37) % shape.communes)) / Math.max(1, shape.communes - 1));
    const communeCum = cumulative(weights);
    const maxStages = Math.max(...templates.map((p) => p.stages.length));
    const departments = [...new Set(templates.flatMap((p) => p.stages.flatMap((x) => x.steps.map((y) => y.department))).concat(desk))];
    const { rows: base } = await a.query<{ id: number }>(`SELECT coalesce(max(id), 0)::bigint AS id FROM dossiers`);

    // ---- dossiers: reception time, path, commune, channel, what happens to them -------------
    await a.query(
      // code_seq: the number in the dossier's code, per commune and reception day. Counted here on these
      // narrow rows, already in day order, rather than over the dossiers' wide rows while writing them.
      `CREATE UNLOGGED TABLE ${S}.gd AS
       SELECT id, path, commune, recv_x, channel, sup, wdr, r_apo, r_ret, sup_req_x, t0,
              sup AND NOT wdr AND t0 >= $10::float8 AS awaiting,
              row_number() OVER (PARTITION BY floor(recv_x), commune ORDER BY id) AS code_seq
         FROM (SELECT *, CASE WHEN sup THEN recv_x + 0.02 + 0.2 * r_sup END AS sup_req_x,
                         CASE WHEN sup THEN recv_x + 0.3 + 2 * r_sup2 ELSE recv_x END AS t0
                 FROM (SELECT $11::bigint + g AS id,
                              width_bucket(random(), $1::float8[]) AS path,
                              1 + width_bucket(random(), $2::float8[]) AS commune,
                              $3::float8 + (g - 1 + random()) * $4::float8 / $5::int AS recv_x,
                              CASE WHEN r_ch < $6 THEN 'online' WHEN r_ch < $7 THEN 'direct' ELSE 'post' END AS channel,
                              r_sup < $8 AS sup, r_wdr < $9 AS wdr, r_apo, r_ret, random() AS r_sup, random() AS r_sup2
                         FROM (SELECT g, random() AS r_ch, random() AS r_sup, random() AS r_wdr, random() AS r_apo, random() AS r_ret
                                 FROM generate_series(1, $5::int) g) x) y) z
        ORDER BY id`,
      [pathCum, communeCum, yearStartPos, nowPos - yearStartPos, shape.dossiers, CHANNEL_SHARES.online, CHANNEL_SHARES.online + CHANNEL_SHARES.direct,
        EVENT_SHARES.supplement, EVENT_SHARES.withdrawn, nowPos, base[0].id],
    );
    await a.query(`ALTER TABLE ${S}.gd ADD PRIMARY KEY (id)`);
    phase('dossier plan');

    // ---- steps, stage by stage: a stage opens when the previous one ended before now ---------
    // Each step's breach id is drawn here, so history can name it without reading breaches back.
    await a.query(`CREATE UNLOGGED TABLE ${S}.gt (tid uuid, dossier_id bigint, path int, stage int, k int, commune int, created_x float8, due_x float8, done_x float8,
                     cancelled boolean, claimed boolean, awaiting boolean, breach_id bigint, warned boolean)`);
    const duration = `CASE WHEN NOT s.counted THEN s.allot_days * (0.02 + r2 * ${UNCOUNTED_SPAN})
                           WHEN r1 < ${STEP_TIMES.stuckShare} THEN greatest(s.allot_days * 1.5, 5 + r2 * ${STEP_TIMES.stuckDays})
                           WHEN r1 < ${STEP_TIMES.stuckShare + STEP_TIMES.lateShare} THEN s.allot_days * (1.02 + r2 * 1.5)
                           ELSE s.allot_days * (${STEP_TIMES.from} + ${STEP_TIMES.span} * r2) END`;
    for (let stage = 0; stage < maxStages; stage++) {
      const source =
        stage === 0
          ? `SELECT d.id AS dossier_id, d.path, d.commune, d.recv_x AS start_x, d.t0 AS clock_x, d.wdr, d.awaiting FROM ${S}.gd d`
          : `SELECT p.dossier_id, p.path, p.commune, p.end_x AS start_x, p.end_x AS clock_x, false AS wdr, false AS awaiting
               FROM (SELECT dossier_id, path, commune, max(done_x) AS end_x FROM ${S}.gt WHERE stage = ${stage - 1} AND NOT cancelled
                      GROUP BY dossier_id, path, commune) p
              WHERE p.end_x < ${nowPos}`;
      await a.query(
        `INSERT INTO ${S}.gt
         SELECT gen_random_uuid(), dossier_id, path, ${stage}, k, commune, start_x, due_x, done_x, cancelled, r3 < ${EVENT_SHARES.claimed}, awaiting,
                CASE WHEN due_x < ${nowPos} AND done_x > due_x AND NOT awaiting THEN nextval('breaches_id_seq') END,
                due_x - least(1, allot_days / 2) < ${nowPos} AND done_x > due_x - least(1, allot_days / 2) AND NOT awaiting
           FROM (SELECT src.dossier_id, src.path, src.commune, s.k, s.allot_days, src.start_x, src.awaiting, src.clock_x + s.allot_days AS due_x,
                        CASE WHEN src.wdr THEN src.start_x + 0.5 * (src.clock_x + ${duration} - src.start_x) ELSE src.clock_x + ${duration} END AS done_x,
                        src.wdr AND src.start_x + 0.5 * (src.clock_x + ${duration} - src.start_x) < ${nowPos} AS cancelled, r3
                   FROM (SELECT *, random() AS r1, random() AS r2, random() AS r3 FROM (${source}) src0) src
                   JOIN ${S}.g_step s ON s.path = src.path AND s.stage = ${stage}) x
          ORDER BY dossier_id, k`,
      );
    }
    await a.query(`CREATE INDEX ON ${S}.gt (dossier_id); ANALYZE ${S}.gt; ANALYZE ${S}.gd`);
    phase('step plan');

    // ---- per dossier: where it stands now, its promised date, apology, status ----------------
    await a.query(
      `CREATE UNLOGGED TABLE ${S}.ga AS
       WITH per AS (
         SELECT t.dossier_id, max(t.stage) AS last_stage,
                bool_or(t.cancelled) AS withdrawn,
                max(t.done_x) FILTER (WHERE t.cancelled) AS withdrawn_x,
                coalesce(sum(t.done_x - t.created_x) FILTER (WHERE NOT s.counted AND t.done_x < ${nowPos}), 0) AS uncounted_took,
                bool_or(NOT s.counted AND t.done_x >= ${nowPos}) AS at_uncounted,
                max(t.done_x) AS last_done_x, count(*) AS n_tasks
           FROM ${S}.gt t JOIN ${S}.g_step s ON s.path = t.path AND s.stage = t.stage AND s.k = t.k
          GROUP BY t.dossier_id
       ), st AS (
         SELECT d.*, per.*, p.deadline_days, p.n_stages,
                NOT per.withdrawn AND per.last_stage = p.n_stages - 1 AND per.last_done_x < ${nowPos} AS complete,
                d.t0 + p.deadline_days + per.uncounted_took AS due0_x
           FROM ${S}.gd d JOIN per ON per.dossier_id = d.id JOIN ${S}.g_path p ON p.path = d.path
       ), ap AS (
         SELECT st.*, CASE WHEN complete THEN last_done_x END AS end_x,
                NOT withdrawn AND NOT awaiting AND (CASE WHEN complete THEN last_done_x ELSE ${nowPos} + 5 END) > due0_x
                  AND r_apo < ${EVENT_SHARES.apologyOfLate} AND due0_x - 1.3 < ${nowPos} AS apologised
           FROM st
       ), due AS (
         SELECT ap.*,
                CASE WHEN apologised THEN due0_x + 1 + r_ret * 2 * greatest(1, coalesce(end_x, ${nowPos}) - due0_x) ELSE due0_x END AS due_x,
                CASE WHEN apologised THEN due0_x - 1.1 - 0.3 * r_ret END AS apology_x,
                CASE WHEN complete AND end_x + 0.1 + r_ret < ${nowPos} THEN end_x + 0.1 + r_ret END AS returned_x
           FROM ap
       )
       SELECT due.*, due_x - least(2, (due_x - t0) / 2) AS warn_x,
              CASE WHEN due_x < ${nowPos} AND coalesce(end_x, withdrawn_x, 'infinity') > due_x AND NOT awaiting AND NOT (NOT complete AND at_uncounted)
                   THEN nextval('breaches_id_seq') END AS breach_id
         FROM due
        ORDER BY id`,
    );
    await a.query(`ALTER TABLE ${S}.ga ADD PRIMARY KEY (id); ANALYZE ${S}.ga`);
    await a.query(`SELECT setval('dossiers_id_seq', (SELECT max(id) FROM ${S}.gd))`);
    phase('dossier outcomes');

    // ---- strip keys and indexes, then write on two connections ------------------------------
    const saved = await stripTables(a);
    // The triggers that keep summaries (form 06's daily flows, a breach's
    // procedure) would run once per row: off while writing, the summaries
    // rebuilt once at the end, the breach's procedure written with it.
    for (const table of TRIGGERED) await a.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await a.query(
      `INSERT INTO departments (code, name, agency)
       SELECT base.code || '_' || lpad(k::text, 3, '0'), base.name || ' (điểm ' || k || ')', base.agency
         FROM departments base, generate_series(1, $1::int) k
        WHERE base.code = ANY($2) AND k <> $3
       ON CONFLICT (code) DO NOTHING`,
      [shape.communes, departments, shape.homeCommune],
    );
    phase('drop indexes');

    const { rows: hasColumn } = await a.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'breaches' AND column_name = 'procedure_code'`);
    const breachProcedure = hasColumn.length > 0;
    const dept = (col: string, k: string) => `CASE WHEN ${k} = ${shape.homeCommune} THEN ${col} ELSE ${col} || '_' || lpad(${k}::text, 3, '0') END`;
    const agency = (k: string) => `'000.00.' || CASE WHEN ${k} < 10 THEN '0' ELSE '' END || ${k} || '.H26'`; // as communeAgency: two digits at least, never cut
    const vnDay = (x: string) => `(${x} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const timeliness = (done: string, due: string) =>
      `CASE WHEN ${done} > ${due} THEN 'late' WHEN ${vnDay(done)} < ${vnDay(due)} THEN 'early' ELSE 'on_time' END`;

    const tableRows: Array<[string, string]> = [
      [
        'dossiers',
        // No ORDER BY: ga is written in id order and read in it (hash joins on the small plan tables keep the
        // outer order; synchronized scans are off). Sorting these wide rows spilled twice their size to disk.
        `INSERT INTO dossiers (id, code, procedure_code, procedure_version_id, status, channel, receiving_agency, applicant, data,
                               submitted_at, received_at, clock_started_at, due_at, original_due_at, resolved_at, returned_at, withdrawn_at,
                               engine_state, row_version, created_at, updated_at, warn_at, paused_at)
         SELECT a.id,
                ${agency('a.commune')} || '-' || to_char(recv AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-'
                  || lpad(a.code_seq::text, 4, '0'),
                p.procedure_code, p.version_id,
                CASE WHEN a.withdrawn THEN 'withdrawn' WHEN a.complete AND a.returned_x IS NOT NULL THEN 'returned' WHEN a.complete THEN 'resolved'
                     WHEN a.awaiting THEN 'supplement_requested' ELSE 'processing' END,
                a.channel, ${agency('a.commune')},
                jsonb_build_object('name', (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Phan','Vũ','Đặng','Bùi','Đỗ','Hồ','Ngô'])[1 + a.id % 12] || ' '
                                     || (ARRAY['Văn','Thị','Minh','Thu','Đức','Ngọc','Quang','Thanh'])[1 + (a.id / 12) % 8] || ' '
                                     || (ARRAY['An','Bình','Chi','Dũng','Giang','Hà','Hùng','Lan','Long','Mai','Nam','Phương','Quân','Sơn','Trang','Tuấn'])[1 + (a.id / 96) % 16],
                                   'idNumber', '0' || lpad(((a.id * 7919) % 100000000000)::text, 11, '0'),
                                   'phone', '09' || lpad(((a.id * 104729) % 100000000)::text, 8, '0')),
                p.start_data, recv, recv, ${at('a.t0')}, ${at('a.due_x')}, ${at('a.recv_x + p.deadline_days')},
                CASE WHEN a.complete THEN ${at('a.end_x')} END, CASE WHEN a.returned_x IS NOT NULL THEN ${at('a.returned_x')} END,
                CASE WHEN a.withdrawn THEN ${at('a.withdrawn_x')} END,
                CASE WHEN a.complete THEN p.final_state ELSE s.engine_state END,
                1 + 2 * a.n_tasks, recv, recv,
                CASE WHEN NOT a.complete AND NOT a.withdrawn THEN ${at('a.warn_x')} END,
                CASE WHEN a.awaiting THEN ${at('a.sup_req_x')} END
           FROM (SELECT ga.*, ${at('ga.recv_x')} AS recv FROM ${S}.ga) a
           JOIN ${S}.g_path p ON p.path = a.path
           LEFT JOIN ${S}.g_stage s ON s.path = a.path AND s.stage = a.last_stage`,
      ],
      [
        'tasks',
        `INSERT INTO tasks (id, dossier_id, element_id, execution_id, name, department, from_department, status, assignee, clock, allotment_ms,
                            counted, created_at, due_at, completed_at, completed_by, timeliness, data, warn_at)
         SELECT t.tid, t.dossier_id, s.element_id,
                CASE WHEN open THEN s.execution_id ELSE s.element_id || '_' || substr(md5(t.tid::text), 1, 10) END,
                s.name, ${dept('s.department', 't.commune')}, ${dept('s.from_department', 't.commune')},
                CASE WHEN t.cancelled THEN 'cancelled' WHEN NOT open THEN 'completed' WHEN t.claimed THEN 'claimed' ELSE 'open' END,
                CASE WHEN open AND t.claimed THEN 'canbo.' || (t.dossier_id % 7) END,
                s.clock, s.allotment_ms, s.counted, ${at('t.created_x')}, ${at('t.due_x')},
                CASE WHEN NOT open THEN ${at('t.done_x')} END, CASE WHEN NOT open AND NOT t.cancelled THEN 'canbo.' || (t.dossier_id % 7) END,
                CASE WHEN open OR t.cancelled THEN NULL ELSE ${timeliness(at('t.done_x'), at('t.due_x'))} END,
                CASE WHEN NOT open AND NOT t.cancelled THEN s.data END,
                ${at('t.due_x - least(1, s.allot_days / 2)')}
           FROM (SELECT gt.*, gt.done_x >= ${nowPos} AS open FROM ${S}.gt) t
           JOIN ${S}.g_step s ON s.path = t.path AND s.stage = t.stage AND s.k = t.k`,
      ],
      [
        'breaches',
        // A step still open at its due time is recorded by its timer a second later and closed when done; likewise a promised date.
        `INSERT INTO breaches (id, dossier_id, task_id, department, due_at, detected_at, closed_at${breachProcedure ? ', procedure_code' : ''})
         SELECT t.breach_id, t.dossier_id, t.tid, ${dept('s.department', 't.commune')}, ${at('t.due_x')}, ${at('t.due_x')} + interval '1 second',
                CASE WHEN t.done_x < ${nowPos} THEN ${at('t.done_x')} END${breachProcedure ? ', p.procedure_code' : ''}
           FROM ${S}.gt t JOIN ${S}.g_step s ON s.path = t.path AND s.stage = t.stage AND s.k = t.k JOIN ${S}.g_path p ON p.path = t.path
          WHERE t.breach_id IS NOT NULL
         UNION ALL
         SELECT a.breach_id, a.id, NULL, NULL, ${at('a.due_x')}, ${at('a.due_x')} + interval '1 second',
                CASE WHEN a.complete THEN ${at('a.end_x')} WHEN a.withdrawn THEN ${at('a.withdrawn_x')} END${breachProcedure ? ', p.procedure_code' : ''}
           FROM ${S}.ga a JOIN ${S}.g_path p ON p.path = a.path WHERE a.breach_id IS NOT NULL`,
      ],
      [
        'deadline_warnings',
        `INSERT INTO deadline_warnings (dossier_id, task_id, department, due_at, warn_at, warned_at)
         SELECT t.dossier_id, t.tid, ${dept('s.department', 't.commune')}, ${at('t.due_x')}, ${at('t.due_x - least(1, s.allot_days / 2)')},
                ${at('t.due_x - least(1, s.allot_days / 2)')} + interval '1 second'
           FROM ${S}.gt t JOIN ${S}.g_step s ON s.path = t.path AND s.stage = t.stage AND s.k = t.k
          WHERE t.warned
         UNION ALL
         SELECT a.id, NULL, NULL, ${at('a.due_x')}, ${at('a.warn_x')}, ${at('a.warn_x')} + interval '1 second'
           FROM ${S}.ga a
          WHERE a.warn_x < ${nowPos} AND coalesce(a.end_x, a.withdrawn_x, 'infinity') > a.warn_x AND NOT a.awaiting`,
      ],
      [
        'supplements',
        `INSERT INTO supplements (dossier_id, task_id, department, reason, items, requested_at, requested_by, received_at, received_by, policy, due_before, due_after)
         SELECT a.id, NULL, NULL, 'Thiếu giấy tờ theo quy định', '["Bản sao giấy tờ tùy thân", "Tờ khai có chữ ký"]'::jsonb,
                ${at('a.sup_req_x')}, 'motcua.' || (a.id % 5),
                CASE WHEN NOT a.awaiting THEN ${at('a.t0')} END, CASE WHEN NOT a.awaiting THEN 'motcua.' || (a.id % 5) END,
                p.policy, ${at('a.recv_x + p.deadline_days')}, CASE WHEN NOT a.awaiting THEN ${at('a.t0 + p.deadline_days')} END
           FROM ${S}.ga a JOIN ${S}.g_path p ON p.path = a.path
          WHERE a.sup AND a.sup_req_x < ${nowPos}
          ORDER BY a.id`,
      ],
      [
        'apologies',
        `INSERT INTO apologies (dossier_id, reason, responsible_department, previous_due_at, new_due_at, issued_at, issued_by)
         SELECT a.id, 'Hồ sơ cần xác minh thêm', ${dept('p.first_department', 'a.commune')},
                ${at('a.due0_x')}, ${at('a.due_x')}, ${at('a.apology_x')}, 'motcua.' || (a.id % 5)
           FROM ${S}.ga a JOIN ${S}.g_path p ON p.path = a.path WHERE a.apologised ORDER BY a.id`,
      ],
    ];

    // History, one kind after another in the order a dossier lives them, so
    // that each dossier's events come in id order as the engine writes them.
    const ev = (sql: string) => `INSERT INTO dossier_events (dossier_id, type, at, actor, payload) ${sql}`;
    const history: Array<[string, string]> = [
      [
        'reception, supplements',
        ev(`SELECT x.id, x.type, x.at, x.actor, x.payload FROM ${S}.ga a JOIN ${S}.g_path p ON p.path = a.path
              CROSS JOIN LATERAL (
               SELECT a.id AS id, 'dossier.received' AS type, ${at('a.recv_x')} AS at, NULL::text AS actor, jsonb_build_object('dueAt', ${at('a.recv_x + p.deadline_days')}, 'channel', a.channel, 'version', 1, 'receivedAt', ${at('a.recv_x')},
                                    'procedureCode', p.procedure_code, 'clockStartedAt', ${at('a.recv_x')}) AS payload WHERE true
               UNION ALL SELECT a.id AS id, 'supplement.requested' AS type, ${at('a.sup_req_x')} AS at, 'motcua.' || (a.id % 5)::text AS actor, jsonb_build_object('items', '["Bản sao giấy tờ tùy thân", "Tờ khai có chữ ký"]'::jsonb, 'policy', p.policy,
                                    'reason', 'Thiếu giấy tờ theo quy định', 'taskId', NULL, 'department', NULL) AS payload WHERE a.sup AND a.sup_req_x < ${nowPos}
               UNION ALL SELECT a.id AS id, 'supplement.received' AS type, ${at('a.t0')} AS at, 'motcua.' || (a.id % 5)::text AS actor, jsonb_build_object('data', '{}'::jsonb, 'policy', p.policy, 'pausedAt', ${at('a.sup_req_x')}) AS payload WHERE a.sup AND NOT a.awaiting
               UNION ALL SELECT a.id AS id, 'dossier.rescheduled' AS type, ${at('a.t0')} AS at, NULL::text AS actor, jsonb_build_object('dueAt', ${at('a.t0 + p.deadline_days')}, 'reason', 'supplement (' || p.policy || ')',
                                    'previousDueAt', ${at('a.recv_x + p.deadline_days')}) AS payload WHERE a.sup AND NOT a.awaiting
             ) x`),
      ],
      [
        'steps',
        // OFFSET 0 keeps the step's columns computed once a step: pulled up, each event kind would compute them again.
        ev(`SELECT x.id, x.type, x.at, x.actor, x.payload
              FROM (SELECT gt.*, gt.done_x >= ${nowPos} AS open, ${at('gt.due_x')} AS due, ${at('gt.done_x')} AS done,
                           ${dept('s.department', 'gt.commune')} AS department, s.name, s.element_id, s.counted, s.deadline, s.data,
                           ${dept('s.from_department', 'gt.commune')} AS from_department, s.allot_days
                      FROM ${S}.gt JOIN ${S}.g_step s ON s.path = gt.path AND s.stage = gt.stage AND s.k = gt.k
                    OFFSET 0) t
             CROSS JOIN LATERAL (
               SELECT t.dossier_id AS id, 'task.created' AS type, ${at('t.created_x')} AS at, NULL::text AS actor, jsonb_build_object('name', t.name, 'dueAt', t.due, 'taskId', t.tid, 'counted', t.counted, 'deadline', t.deadline,
                                   'elementId', t.element_id, 'department', t.department, 'fromDepartment', t.from_department) AS payload WHERE true
               UNION ALL SELECT t.dossier_id AS id, 'task.claimed' AS type, ${at('t.created_x')} + interval '10 minutes' AS at, 'canbo.' || (t.dossier_id % 7)::text AS actor, jsonb_build_object('taskId', t.tid, 'elementId', t.element_id) AS payload WHERE t.open AND t.claimed
               UNION ALL SELECT t.dossier_id AS id, 'task.warning' AS type, ${at('t.due_x - least(1, t.allot_days / 2)')} + interval '1 second' AS at, NULL::text AS actor, jsonb_build_object('dueAt', t.due, 'taskId', t.tid, 'department', t.department) AS payload WHERE t.warned
               UNION ALL SELECT t.dossier_id AS id, 'task.breached' AS type, t.due + interval '1 second' AS at, NULL::text AS actor, jsonb_build_object('breachId', t.breach_id, 'taskId', t.tid, 'elementId', t.element_id, 'name', t.name, 'department', t.department, 'dueAt', t.due) AS payload WHERE t.breach_id IS NOT NULL
               UNION ALL SELECT t.dossier_id AS id, 'task.completed' AS type, t.done AS at, 'canbo.' || (t.dossier_id % 7)::text AS actor, jsonb_build_object('data', t.data, 'name', t.name, 'dueAt', t.due, 'taskId', t.tid, 'elementId', t.element_id,
                                   'department', t.department, 'timeliness', ${timeliness('t.done', 't.due')}) AS payload WHERE NOT t.open AND NOT t.cancelled
               UNION ALL SELECT t.dossier_id AS id, 'dossier.rescheduled' AS type, t.done AS at, NULL::text AS actor, jsonb_build_object('reason', 'uncounted step', 'taskId', t.tid, 'name', t.name,
                                   'tookMs', (extract(epoch FROM t.done - ${at('t.created_x')}) * 1000)::bigint) AS payload WHERE NOT t.open AND NOT t.cancelled AND NOT t.counted
             ) x`),
      ],
      [
        'outcomes',
        ev(`SELECT x.id, x.type, x.at, x.actor, x.payload FROM ${S}.ga a
              CROSS JOIN LATERAL (
               SELECT a.id AS id, 'dossier.warning' AS type, ${at('a.warn_x')} + interval '1 second' AS at, NULL::text AS actor, jsonb_build_object('dueAt', ${at('a.due_x')}, 'taskId', NULL, 'department', NULL) AS payload WHERE a.warn_x < ${nowPos} AND coalesce(a.end_x, a.withdrawn_x, 'infinity') > a.warn_x AND NOT a.awaiting
               UNION ALL SELECT a.id AS id, 'dossier.apology' AS type, ${at('a.apology_x')} AS at, 'motcua.' || (a.id % 5)::text AS actor, jsonb_build_object('reason', 'Hồ sơ cần xác minh thêm', 'previousDueAt', ${at('a.due0_x')}, 'dueAt', ${at('a.due_x')}, 'issuedInTime', true) AS payload WHERE a.apologised
               UNION ALL SELECT a.id AS id, 'dossier.breached' AS type, ${at('a.due_x')} + interval '1 second' AS at, NULL::text AS actor, jsonb_build_object('breachId', a.breach_id, 'dueAt', ${at('a.due_x')}) AS payload WHERE a.breach_id IS NOT NULL
               UNION ALL SELECT a.id AS id, 'dossier.resolved' AS type, ${at('a.end_x')} AS at, NULL::text AS actor, jsonb_build_object('dueAt', ${at('a.due_x')}, 'timeliness', ${timeliness(at('a.end_x'), at('a.due_x'))}) AS payload WHERE a.complete
               UNION ALL SELECT a.id AS id, 'dossier.returned' AS type, ${at('a.returned_x')} AS at, 'motcua.' || (a.id % 5)::text AS actor, jsonb_build_object('timeliness', ${timeliness(at('a.end_x'), at('a.due_x'))}) AS payload WHERE a.returned_x IS NOT NULL
               UNION ALL SELECT a.id AS id, 'dossier.withdrawn' AS type, ${at('a.withdrawn_x')} AS at, 'motcua.' || (a.id % 5)::text AS actor, jsonb_build_object('reason', 'Công dân rút hồ sơ') AS payload WHERE a.withdrawn
             ) x`),
      ],
    ];
    // Each dossier's history in id order: its reception first, then its steps in step order, then its outcome,
    // on one connection (one transaction: see intoEmptied); the other tables on the other, whose keys and
    // indexes are then built while the history is still being written (the history's last: building one
    // waits for the history's commit).
    const restore = restoreStatements(saved, [...tableRows.map(([table]) => table), 'dossier_events']);
    await runJobs(
      [a, b],
      [
        { name: 'dossier_events', sql: intoEmptied('dossier_events', history) },
        ...tableRows.map(([table, sql]) => ({ name: table, sql: intoEmptied(table, [['', sql]]) })),
        ...restore.keysAndIndexes,
      ],
      log,
      2_000,
    );
    await a.query(
      `INSERT INTO dossier_counters (agency, day, last_seq)
       SELECT receiving_agency, to_date(split_part(code, '-', 2), 'YYMMDD'), max(split_part(code, '-', 3)::int)
         FROM dossiers WHERE id > $1 GROUP BY 1, 2
       ON CONFLICT (agency, day) DO UPDATE SET last_seq = greatest(dossier_counters.last_seq, excluded.last_seq)`,
      [base[0].id],
    );
    phase('rows, keys and indexes');

    for (const table of TRIGGERED) await a.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    // Statistics before the summaries are rebuilt: their set-wise statements are planned on these tables.
    await runJobs([a, b], await bySize(a, LOADED, (t) => ({ name: `analyze ${t}`, sql: `ANALYZE ${t}` })), log, 2_000);
    phase('analyze');
    const { rows: present } = await a.query<{ fn: string }>(`SELECT fn FROM unnest($1::text[]) fn WHERE to_regproc(fn) IS NOT NULL`, [REBUILDS]);
    const ready = present.map((r) => r.fn);
    await runJobs([a, b], ready.map((fn) => ({ name: fn, sql: `SELECT ${fn}()` })), log);
    phase('summaries');
    // What autovacuum would have done over the year: the visibility map (index-only scans), hint bits, and
    // statistics of what the summaries changed. One table a job, the biggest first.
    await runJobs([a, b], await bySize(a, null, (t) => ({ name: `vacuum ${t}`, sql: `VACUUM (ANALYZE) ${t}` })), log, 2_000);
    phase('vacuum analyze');
    // Foreign keys last: validating one is a join of the two tables, which with statistics and the
    // visibility map is a merge of two index-only scans (or a small hash), not a hash of a whole table.
    await runJobs([a, b], restore.foreignKeys, log, 2_000);
    phase('foreign keys');

    const { rows: counts } = await a.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM ${S}.gd)::int AS dossiers,
              (SELECT count(*) FROM tasks)::int AS tasks,
              (SELECT count(*) FROM dossier_events)::int AS events,
              (SELECT count(*) FROM breaches)::int AS breaches,
              (SELECT count(*) FROM breaches WHERE closed_at IS NULL)::int AS open_breaches,
              (SELECT count(*) FROM deadline_warnings)::int AS warnings,
              (SELECT count(*) FROM supplements)::int AS supplements,
              (SELECT count(*) FROM apologies)::int AS apologies,
              (SELECT count(*) FROM tasks WHERE status IN ('open', 'claimed'))::int AS open_tasks,
              (SELECT count(*) FROM tasks WHERE status IN ('open', 'claimed') AND due_at < $1)::int AS open_tasks_overdue,
              (SELECT count(*) FROM ${S}.ga WHERE NOT complete AND NOT withdrawn)::int AS pending,
              (SELECT count(*) FROM ${S}.ga WHERE NOT complete AND NOT withdrawn AND due_x < ${nowPos} AND NOT awaiting AND NOT at_uncounted)::int AS pending_overdue,
              (SELECT count(*) FROM ${S}.ga WHERE NOT complete AND NOT withdrawn AND at_uncounted)::int AS pending_at_citizen,
              (SELECT count(*) FROM ${S}.gd WHERE channel = 'online')::int AS online`,
      [shape.now],
    );
    await a.query(`DROP SCHEMA ${S} CASCADE`);
    return { phases, counts: counts[0] };
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}
