import type pg from 'pg';
import { parse } from 'csv-parse/sync';
import { withTransaction } from '../store/db.js';
import { insertPerson } from '../store/people/insertPerson.js';
import { replaceMemberships } from '../store/people/memberships.js';
import { listPeople } from '../store/people/listPeople.js';
import { ValidationError, type FieldError } from '../errors.js';
import { audit, type ActorRef } from './audit.js';
import { departmentCodes, normalizeMemberships } from './memberships.js';
import { newPersonErrors, type NewPersonInput } from './peopleCommands.js';
import { hashPassword } from './passwordPolicy.js';
import { normalizeUsername } from './usernames.js';

/** One line per membership; lines of one username (with the same full name) make one person with several memberships. */
export const IMPORT_COLUMNS = ['username', 'fullName', 'role', 'department', 'password'] as const;
export const MAX_IMPORT_LINES = 5_000;

export interface ImportLine {
  /** Line number in the file (the header is line 1). */
  line: number;
  username: string;
  errors: FieldError[];
}

export interface ImportReport {
  dryRun: boolean;
  /** People the file creates (or would create). */
  people: number;
  memberships: number;
  lines: ImportLine[];
  /** Lines with errors; nothing is imported while there is one. */
  errorLines: number;
}

interface Draft extends NewPersonInput {
  lines: ImportLine[];
}

function readCsv(text: string): { header: string[]; rows: Array<{ line: number; cells: string[] }> } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (err) {
    throw new ValidationError(`the file is not valid CSV: ${(err as Error).message}`, [{ path: '', message: (err as Error).message }]);
  }
  if (!records.length) throw new ValidationError('the file is empty: the first line names the columns ' + IMPORT_COLUMNS.join(', '), [{ path: '', message: 'is empty' }]);
  if (records.length - 1 > MAX_IMPORT_LINES) throw new ValidationError(`at most ${MAX_IMPORT_LINES} lines per file`, [{ path: '', message: 'has too many lines' }]);
  const header = records[0].map((h) => h.trim());
  const missing = ['username', 'fullName', 'role'].filter((c) => !header.includes(c));
  if (missing.length) throw new ValidationError(`the header line lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (columns: ${IMPORT_COLUMNS.join(', ')})`, missing.map((c) => ({ path: `/header/${c}`, message: 'is missing' })));
  return { header, rows: records.slice(1).map((cells, i) => ({ line: i + 2, cells })) };
}

export function importCommands(pool: pg.Pool, now: () => Date) {
  /** Checks every line; with dryRun false and no error, creates everyone in one transaction. */
  async function importPeople(csv: string, options: { dryRun: boolean }, by: ActorRef): Promise<ImportReport> {
    const { header, rows } = readCsv(csv);
    const col = (cells: string[], name: string) => (header.indexOf(name) >= 0 ? cells[header.indexOf(name)] ?? '' : '');
    const departments = await departmentCodes(pool);
    const drafts = new Map<string, Draft>();
    const lines: ImportLine[] = [];
    for (const { line, cells } of rows) {
      const username = normalizeUsername(col(cells, 'username'));
      const entry: ImportLine = { line, username, errors: [] };
      lines.push(entry);
      const membership = { role: col(cells, 'role'), department: col(cells, 'department') || null };
      const draft = drafts.get(username);
      if (!draft) {
        drafts.set(username, { username, fullName: col(cells, 'fullName'), password: col(cells, 'password') || null, memberships: [membership], lines: [entry] });
      } else {
        if (draft.fullName !== col(cells, 'fullName')) entry.errors.push({ path: '/fullName', message: `differs from line ${draft.lines[0].line} of the same username` });
        draft.memberships.push(membership);
        draft.lines.push(entry);
      }
    }
    // Errors found on the whole person are shown on the line they come from.
    for (const draft of drafts.values()) {
      for (const e of newPersonErrors(draft, departments)) {
        const m = /^\/memberships\/(\d+)(.*)$/.exec(e.path);
        const target = m ? draft.lines[Number(m[1])] : draft.lines[0];
        target.errors.push({ path: m ? (m[2] || '/role') : e.path, message: e.message });
      }
    }
    const taken = await existingUsernames(pool, [...drafts.keys()]);
    for (const draft of drafts.values()) if (taken.has(draft.username)) draft.lines[0].errors.push({ path: '/username', message: `${draft.username} already exists` });

    const errorLines = lines.filter((l) => l.errors.length).length;
    const report: ImportReport = { dryRun: options.dryRun, people: drafts.size, memberships: lines.length, lines, errorLines };
    if (options.dryRun || errorLines) return report;

    const hashes = new Map<string, string>();
    for (const d of drafts.values()) if (d.password) hashes.set(d.username, await hashPassword(d.password));
    await withTransaction(pool, async (db) => {
      const at = now();
      for (const d of drafts.values()) {
        const person = await insertPerson(db, { username: d.username, fullName: d.fullName.trim(), passwordHash: hashes.get(d.username) ?? null, mustChangePassword: hashes.has(d.username), createdBy: by.name, at });
        if (!person) throw new ValidationError(`the username ${d.username} was taken while importing`, [{ path: `/line/${d.lines[0].line}/username`, message: 'already exists' }]);
        await replaceMemberships(db, person.id, normalizeMemberships(d.memberships));
      }
      await audit(db, at, by, 'person.imported', null, { people: drafts.size, memberships: lines.length, usernames: [...drafts.keys()] });
    });
    return report;
  }
  return { importPeople };
}

async function existingUsernames(pool: pg.Pool, usernames: string[]): Promise<Set<string>> {
  if (!usernames.length) return new Set();
  const page = await listPeople(pool, { usernames, limit: usernames.length, offset: 0 });
  return new Set(page.items.map((p) => p.username));
}
