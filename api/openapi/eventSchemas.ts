import type { JsonSchema } from '../http/route.js';
import { closed, dateTime, nullableDateTime, ref, UUID } from './schemas.js';

// What a dossier waits on besides its steps: messages from other agencies,
// external jobs done by a department's software, incidents.

const DATA: JsonSchema = { type: 'object', description: 'Merged into the dossier data; checked against the catching element’s onestop:formSchema.' };
const NAME: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

const LEG = closed({ id: UUID, elementId: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, dueAt: nullableDateTime });

export const EVENT_SCHEMAS: Record<string, JsonSchema> = {
  WaitingOn: closed({
    tasks: { type: 'array', items: LEG, description: 'Open steps of officers.' },
    jobs: { type: 'array', items: LEG, description: 'Open external jobs (service and send tasks).' },
    timers: { type: 'array', items: closed({ elementId: { type: 'string' }, name: { type: 'string' }, dueAt: nullableDateTime }) },
    messages: {
      type: 'array',
      items: closed({ elementId: { type: 'string' }, name: { type: 'string' }, messageName: { type: 'string' }, department: { type: ['string', 'null'] }, dueAt: nullableDateTime }),
      description: 'Awaited messages; `dueAt` is a receive task’s reply deadline.',
    },
    incidents: { type: 'array', items: closed({ id: { type: 'string' }, kind: { type: 'string' }, elementId: { type: ['string', 'null'] }, message: { type: 'string' }, createdAt: dateTime }) },
  }),
  MessageInput: closed({ name: { ...NAME, description: 'The BPMN message’s name.' }, dossierCode: { type: 'string', minLength: 1, maxLength: 60 }, data: DATA }, ['name', 'dossierCode']),
  MessageDelivered: closed({
    dossierCode: { type: 'string' },
    triggered: { type: 'array', items: { type: 'string' }, description: 'Element ids of the receive tasks and catch events the message ended.' },
    tasks: { type: 'array', items: ref('RoutedTask'), description: 'Steps routed because of it.' },
  }),
  FetchJobsInput: closed(
    {
      jobType: { ...NAME, description: 'onestop:jobType of the service or send task.' },
      department: { type: 'string', pattern: '^[A-Z0-9_.-]{2,40}$', description: 'Only this department’s jobs (an officer’s own always).' },
      max: { type: 'integer', minimum: 1, maximum: 100 },
      lockSeconds: { type: 'integer', minimum: 1, maximum: 86_400, description: 'The lock expires after this; the job can then be fetched again.' },
    },
    ['jobType', 'max', 'lockSeconds'],
  ),
  LockedJob: closed({
    id: UUID,
    jobType: { type: 'string' },
    elementId: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    dossierCode: { type: 'string' },
    procedureCode: { type: 'string' },
    data: { type: 'object' },
    retries: { type: ['integer', 'null'] },
    lockedUntil: dateTime,
    dueAt: nullableDateTime,
  }),
  LockedJobs: closed({ items: { type: 'array', items: ref('LockedJob') } }),
  CompleteJobInput: closed({ data: DATA }, []),
  JobCompleted: closed({ dossierCode: { type: 'string' }, status: ref('DossierStatus'), tasks: { type: 'array', items: ref('RoutedTask') } }),
  FailJobInput: closed(
    {
      message: { type: 'string', minLength: 1, maxLength: 2000 },
      retries: { type: 'integer', minimum: 0, maximum: 100, description: 'Attempts left; 0 turns the job into an incident.' },
      retryInSeconds: { type: 'integer', minimum: 0, maximum: 86_400 * 30 },
    },
    ['message', 'retries'],
  ),
  JobFailed: closed({ id: UUID, retries: { type: 'integer' }, incidentId: { type: ['string', 'null'] } }),
  Incident: closed({
    id: { type: 'string' },
    dossierCode: { type: 'string' },
    kind: { type: 'string', enum: ['job-failed', 'process-error'] },
    elementId: { type: ['string', 'null'] },
    jobId: { type: ['string', 'null'], format: 'uuid' },
    message: { type: 'string' },
    status: { type: 'string', enum: ['open', 'resolved'] },
    createdAt: dateTime,
    resolvedAt: nullableDateTime,
    resolvedBy: { type: ['string', 'null'] },
  }),
  IncidentList: closed({ items: { type: 'array', items: ref('Incident') } }),
};
