import type { JsonSchema } from '../http/route.js';
import { closed, dateTime, nullableDateTime, ref } from './schemas.js';

// Drafts, publication with an effective time and approval, and the diff of two versions.

const nullableText: JsonSchema = { type: ['string', 'null'] };
const elementRef = { id: { type: 'string' }, name: { type: 'string' } };
const lintProblem = closed(
  {
    elementId: nullableText,
    message: { type: 'string' },
    rule: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning'] },
  },
  ['elementId', 'message', 'rule', 'severity'],
);

const DRAFT_PROPERTIES: Record<string, JsonSchema> = {
  id: { type: 'string', format: 'uuid' },
  procedureCode: { ...nullableText, description: 'Read from the file; null while the file does not parse.' },
  name: nullableText,
  basedOnVersion: { type: ['integer', 'null'], description: 'The published version the draft was started from.' },
  status: ref('DraftStatus'),
  createdBy: { type: 'string' },
  createdAt: dateTime,
  updatedBy: { type: 'string' },
  updatedAt: dateTime,
  publishRequestedBy: nullableText,
  publishRequestedAt: nullableDateTime,
  effectiveAt: { ...nullableDateTime, description: 'When the version takes effect once published (asked for, or the published version’s).' },
  publishedVersion: { type: ['integer', 'null'] },
  link: { type: 'string', description: 'Where the designer opens it (share it with a colleague).' },
};

export const PUBLISHING_SCHEMAS: Record<string, JsonSchema> = {
  DraftStatus: { type: 'string', enum: ['draft', 'awaiting_approval', 'published'], description: 'draft: being written; awaiting_approval: a second analyst approves it; published: it became `publishedVersion`.' },
  DraftSummary: closed(DRAFT_PROPERTIES),
  DraftList: closed({ items: { type: 'array', items: ref('DraftSummary') }, approvalRequired: { type: 'boolean' } }),
  Draft: closed({
    ...DRAFT_PROPERTIES,
    problems: { type: 'array', items: lintProblem, description: 'The deploy rules’ verdict on the file: an error stops its publication.' },
    approvalRequired: { type: 'boolean', description: 'Publishing waits for a second analyst (PUBLISH_REQUIRES_APPROVAL).' },
  }),
  Publication: closed({ effectiveAt: { ...dateTime, description: 'When dossiers start getting the new version (default now); not in the past.' } }, []),
  PublishResult: closed(
    {
      draft: ref('DraftSummary'),
      version: { anyOf: [ref('DeployResult'), { type: 'null' }], description: 'The published version; null while it awaits approval.' },
      warnings: { type: 'array', items: lintProblem },
    },
  ),
  VersionDiff: closed({
    code: { type: 'string' },
    from: { type: 'integer' },
    to: { type: 'integer' },
    same: { type: 'boolean', description: 'Nothing listed changed.' },
    elements: closed({
      added: { type: 'array', items: closed(elementRef) },
      removed: { type: 'array', items: closed(elementRef) },
      changed: {
        type: 'array',
        items: closed(
          {
            ...elementRef,
            previousName: { type: 'string' },
            aspects: { type: 'array', items: { type: 'string', enum: ['name', 'department', 'deadline', 'clock', 'counted', 'form', 'resultDocuments'] } },
          },
          ['id', 'name', 'aspects'],
        ),
      },
    }),
    departments: { type: 'array', items: closed({ ...elementRef, from: nullableText, to: nullableText }) },
    deadlines: { type: 'array', items: closed({ id: { ...nullableText, description: 'null: the procedure’s own deadline.' }, name: { type: 'string' }, from: nullableText, to: nullableText }) },
    forms: {
      type: 'array',
      items: closed({
        id: { ...nullableText, description: 'null: the reception form.' },
        name: { type: 'string' },
        change: { type: 'string', enum: ['added', 'removed', 'changed'] },
        fields: closed({ added: { type: 'array', items: { type: 'string' } }, removed: { type: 'array', items: { type: 'string' } }, changed: { type: 'array', items: { type: 'string' } } }),
      }),
    },
    procedure: { type: 'array', items: closed({ attribute: { type: 'string' }, from: nullableText, to: nullableText }) },
  }),
};
