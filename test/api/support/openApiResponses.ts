import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Response } from 'supertest';

// Checks a response against the OpenAPI document the server publishes: the
// status must be documented for the operation, the media type listed, and a
// JSON body valid against its schema. The harness runs this on every
// response, so no test can forget it.

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

const DOC_ID = 'urn:test:openapi';
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Static segments win over parameters when two templates match. */
  specificity: number;
}

export class ResponseChecker {
  private readonly ajv: Ajv2020;
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();
  /** operation → statuses seen, for coverage assertions. */
  readonly seen = new Map<string, Set<number>>();

  constructor(private readonly document: Doc) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, DOC_ID);
    this.operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.keys(methods).map((method) => ({
        method,
        template,
        pattern: new RegExp(`^${template.split('/').map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`),
        specificity: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      })),
    );
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
      this.validators.set(pointer, v);
    }
    return v;
  }

  private problem(res: Response, where: string): void {
    const type = String(res.headers['content-type'] ?? '').split(';')[0];
    if (type !== 'application/problem+json') throw new Error(`${where}: ${res.status} with ${type || 'no content type'}, expected application/problem+json`);
    const v = this.validator('/components/schemas/Problem');
    // A binary parser (set for a document's bytes) leaves the text in the body.
    const text = typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';
    if (!v(JSON.parse(text))) throw new Error(`${where}: the problem does not match the Problem schema: ${this.ajv.errorsText(v.errors)}`);
  }

  check(method: string, url: string, res: Response): void {
    const path = new URL(url, 'http://x').pathname;
    const where = `${method.toUpperCase()} ${url} → ${res.status}`;
    // The reference's own assets (scripts, styles) are not API operations.
    if (path.startsWith('/api/docs/')) {
      if (res.status !== 200) this.problem(res, where);
      return;
    }
    const candidates = this.operations.filter((o) => o.pattern.test(path)).sort((a, b) => b.specificity - a.specificity);
    const op = candidates.find((o) => o.method === method.toLowerCase());
    if (!op) {
      // No such operation: the answer is a problem (404 unknown path, 405 other method).
      if (![404, 405].includes(res.status)) throw new Error(`${where}: no documented operation, yet not 404/405`);
      this.problem(res, where);
      return;
    }
    const key = `${op.method.toUpperCase()} ${op.template}`;
    (this.seen.get(key) ?? this.seen.set(key, new Set()).get(key)!).add(res.status);
    const response = this.document.paths[op.template][op.method].responses[String(res.status)];
    if (!response) throw new Error(`${where}: status ${res.status} is not documented for ${key}`);
    const type = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    if (!response.content) {
      if (res.text) throw new Error(`${where}: documented without a body, got ${type}: ${res.text.slice(0, 200)}`);
      return;
    }
    if (!response.content[type]) throw new Error(`${where}: content type ${type || '(none)'} not documented (${Object.keys(response.content).join(', ')})`);
    if (!type.includes('json')) {
      // Binary answers (a document's bytes) are read as a Buffer.
      const bytes = Buffer.isBuffer(res.body) ? res.body.length : 0;
      if ((typeof res.text !== 'string' || !res.text.length) && !bytes) throw new Error(`${where}: empty ${type} body`);
      return;
    }
    const pointer = `/paths/${escape(op.template)}/${op.method}/responses/${res.status}/content/${escape(type)}/schema`;
    const v = this.validator(pointer);
    const text = typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';
    if (!v(JSON.parse(text))) {
      throw new Error(`${where}: the body does not match the documented schema: ${this.ajv.errorsText(v.errors, { separator: '\n  ' })}\n${text.slice(0, 1500)}`);
    }
  }
}
