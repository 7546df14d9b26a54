import type { OnestopEngine } from '../onestopEngine.js';
import { CalendarRegistry } from '../calendar/calendarRegistry.js';
import { removeDaySwap, setDaySwap } from '../calendar/editCalendar.js';
import type { DaySwap } from '../calendar/index.js';
import type { RuleRecord } from '../calendar/ruleSets.js';
import { errorsAt, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { getDossierByCode } from '../store/dossiers/dossierRows.js';
import { departmentTaskOnDossier } from '../store/queries/taskList.js';
import { deleteWebhook, upsertWebhook } from '../store/webhooks/webhookRows.js';
import { createApiKey, keyOfToken, revokeKey, type NewKeyInput } from '../keys/apiKeys.js';
import { saveDepartment } from '../departments/saveDepartment.js';
import { taskInScope } from '../read/taskInScope.js';
import { engineReads } from '../read/engineReads.js';
import { openDocuments, type DocumentOptions } from '../documents/openDocuments.js';
import { peopleModule } from '../people/index.js';
import { peopleReads } from '../people/peopleReads.js';
import { touchApiKey } from '../store/auth/touchApiKey.js';
import { procedureCommands } from '../procedures/procedureCommands.js';
import { noticesModule } from '../notices/index.js';

type Core = OnestopEngine;
/** The department an officer's key acts for; null or absent for the desk and other roles (no department restriction). */
type Scope = { actingFor?: string | null };

/**
 * The engine's front door: commands grouped by what they change, and the
 * reads. The API (and anything else outside the engine) uses only this.
 */
export function openEngine(core: Core, options: { calendars?: CalendarRegistry; documents?: DocumentOptions } = {}) {
  const ctx = core.context;
  const db = ctx.pool;
  const calendars = options.calendars ?? new CalendarRegistry(db);
  const personal = peopleModule(ctx);

  return {
    /** The engine's clock. */
    now: () => ctx.time.now(),
    /** Working time on the business calendars (due times, time left). */
    time: ctx.time,
    /** The one-stop desk's department code. */
    deskDepartment: ctx.deskDepartment,

    dossiers: {
      submit: (procedureCode: string, input: Parameters<Core['submit']>[1]) => core.submit(procedureCode, input),
      /** An officer (actingFor) may ask only while its department holds an open step of the dossier. */
      requestSupplement: async (code: string, input: Omit<Parameters<Core['requestSupplement']>[1], 'department'> & Scope) => {
        const { actingFor, ...rest } = input;
        if (actingFor) {
          if (!(await getDossierByCode(db, code))) throw new NotFoundError(`dossier ${code} does not exist`).because('dossier-not-found', { code });
          if (!(await departmentTaskOnDossier(db, code, actingFor, ['open', 'claimed']))) {
            throw new ForbiddenError(`department ${actingFor} holds no open step of dossier ${code}: only the department holding it (or the desk) can ask for a supplement`);
          }
        }
        return core.requestSupplement(code, { ...rest, department: actingFor ?? null });
      },
      receiveSupplement: (code: string, input: Parameters<Core['receiveSupplement']>[1]) => core.receiveSupplement(code, input),
      recordApology: (code: string, input: Parameters<Core['recordApology']>[1]) => core.recordApology(code, input),
      returnResult: (code: string, input: Parameters<Core['returnResult']>[1]) => core.returnResult(code, input),
      withdraw: (code: string, input: Parameters<Core['withdraw']>[1]) => core.withdraw(code, input),
      /** A dossier filed online (status 1) is received and processed (2, then 4). */
      accept: (code: string, input: Parameters<Core['accept']>[1]) => core.accept(code, input),
      /** A dossier filed online is not received (status 3), with the refusal's reasons. */
      refuse: (code: string, input: Parameters<Core['refuse']>[1]) => core.refuse(code, input),
      /** The formal stop of processing (status 8). */
      stop: (code: string, input: Parameters<Core['stop']>[1]) => core.stop(code, input),
      /** The payment of a dossier awaiting its fees (status 6) resolves it. */
      payFees: (code: string, input: Parameters<Core['payFees']>[1]) => core.payFees(code, input),
    },

    tasks: {
      /** Returns the task with its step form. */
      claim: async (id: string, input: { actor: string } & Scope) => {
        const task = await taskInScope(db, id, input.actingFor);
        return { ...(await core.claimTask(id, input.actor)), form: task.form };
      },
      unclaim: async (id: string, input: { actor: string } & Scope) => {
        const task = await taskInScope(db, id, input.actingFor);
        return { ...(await core.unclaimTask(id, input.actor)), form: task.form };
      },
      /** The department scope (actingFor) is checked on the task read under the dossier's lock. */
      /** A lead hands a step of the department to a colleague. */
      assign: personal.assignTask,
      complete: (id: string, input: Parameters<Core['completeTask']>[1]) =>
        core.completeTask(id, input).catch((err: unknown) => {
          // The step form's errors are about `data`; say where that is in the command's input (as submit does).
          if (err instanceof ValidationError) throw new ValidationError(err.message, errorsAt('/data', err.errors));
          throw err;
        }),
    },

    /** Messages from other agencies to the dossiers that wait for them. */
    messages: {
      deliver: (input: Parameters<Core['deliverMessage']>[0]) => core.deliverMessage(input),
    },

    /** External jobs: service and send tasks done by a department's software. */
    jobs: {
      fetchAndLock: (input: Parameters<Core['fetchJobs']>[0]) => core.fetchJobs(input),
      complete: (id: string, input: Parameters<Core['completeJob']>[1]) => core.completeJob(id, input),
      fail: (id: string, input: Parameters<Core['failJob']>[1]) => core.failJob(id, input),
    },

    /** What the engine could not carry out, open until an administrator retries it. */
    incidents: {
      list: (q?: Parameters<Core['incidents']>[0]) => core.incidents(q),
      retry: (id: string, actor: string) => core.retryIncident(id, actor),
    },

    procedures: {
      ...procedureCommands(ctx),
      loadFolder: (folder: string) => core.loadProcessesFolder(folder),
    },

    departments: {
      save: (input: { code: string; name: string; agency: string }) => saveDepartment(db, input),
    },

    webhooks: {
      set: (department: string, target: { url: string; secret: string }) => upsertWebhook(db, department, target.url, target.secret, ctx.time.now()),
      /** False when the department had none. */
      remove: (department: string) => deleteWebhook(db, department),
    },

    keys: {
      create: (input: NewKeyInput) => createApiKey(db, input),
      revoke: (id: string, by: string) => revokeKey(db, id, ctx.time.now(), by),
      /** The key a bearer token stands for, revoked or not; null when unknown. */
      ofToken: (token: string) => keyOfToken(db, token),
      /** Records that a key was used (shown to administrators as its last use). */
      touch: (id: string) => touchApiKey(db, id, ctx.time.now()),
    },

    /** Personal accounts, password sign-in, sessions (engine/people). */
    people: personal.people,
    sessions: personal.sessions,
    audit: personal.audit,

    /** Notices to the citizen: the administrator's templates and the delivery log (engine/notices). */
    notices: noticesModule(ctx),

    calendars: {
      /** The rule records with their effective dates (holidays, yearly day swaps, cut-off, supplement and scoring rules). */
      rules: async () => {
        await calendars.ready();
        return calendars.rules.list();
      },
      /** Adds a rule record; the open record of the same single kind is closed at its start. Dossiers already received keep their rule set. */
      addRule: async (record: RuleRecord) => {
        await calendars.ready();
        return calendars.rules.add(record);
      },
      setDaySwap: async (calendarId: string, swap: DaySwap) => {
        await calendars.ready();
        return setDaySwap(db, calendars, calendarId, swap);
      },
      removeDaySwap: async (calendarId: string, date: string) => {
        await calendars.ready();
        return removeDaySwap(db, calendars, calendarId, date);
      },
    },

    /** The dossiers' papers: reception checklist, uploads, downloads, the e-result (engine/documents). */
    documents: openDocuments(ctx, options.documents),

    read: { ...engineReads(ctx, calendars), ...peopleReads(db) },
  };
}

export type Engine = ReturnType<typeof openEngine>;
