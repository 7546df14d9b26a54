import type { Request } from 'express';
import type { Readable } from 'node:stream';
import type { ApiKeyRow, ApiRole, PersonRole, ReceptionHook } from '../../engine/index.js';
import type { RequestActor } from '../auth/requestActor.js';

export type JsonSchema = Record<string, unknown>;
export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

export interface ParamSpec {
  schema: JsonSchema;
  description: string;
  required?: boolean;
  /** Path parameters: what is named, for the 404 of a malformed value ("task"). */
  entity?: string;
}

export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for 204. */
  schema?: JsonSchema;
  /** Other representations of the same resource (CSV, XML). */
  alternatives?: Record<string, JsonSchema>;
}

/** Who is calling: the key (null on public routes; for a person, the membership chosen for the route in a key's shape) and the name recorded in history. */
export interface Caller {
  key: ApiKeyRow | null;
  /** The person (signed in) or the system (API key) behind the request; null on public routes. */
  who?: RequestActor | null;
  /** A person acting as an officer: every department of their officer and lead memberships. */
  departments?: string[];
  /** A person's departments as a lead. */
  leadOf?: string[];
  /** Recorded as the actor of engine operations: the key's name, or the user named by the department's software. */
  actor: string;
}

export interface RouteInput<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  params: P;
  query: Q;
  body: B;
  caller: Caller;
  req: Request;
  /** Checks a value against the route's JSON body schema (a JSON part of a multipart body); throws the 400. */
  checkBody?: (value: unknown) => void;
  /** Rows a wrapping route adds to the reception's transaction (the papers of a dossier: documentRoutes.withPapers). */
  withinReception?: ReceptionHook;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
  headers?: Record<string, string>;
  /** Bytes streamed as the body (a document); contentType says what they are. */
  stream?: Readable;
}

/**
 * One endpoint: what the OpenAPI document says about it and what runs. The
 * document and the request checks are both derived from these, so they cannot drift.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/dossiers/{code}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** 'public' needs no token. */
  roles: readonly PersonRole[] | 'public';
  pathParams?: Record<string, ParamSpec>;
  query?: Record<string, ParamSpec>;
  body?: {
    /** application/json (default), an XML body read as text, or multipart/form-data streamed by the handler (api/http/multipartBody.ts). */
    kind?: 'json' | 'xml' | 'multipart';
    /** A JSON body that may also come as multipart/form-data with files (the JSON in one part); the handler reads the parts. */
    multipart?: { schema: JsonSchema; description?: string };
    schema: JsonSchema;
    required?: boolean;
    description?: string;
  };
  responses: Record<number, ResponseSpec>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler(input: RouteInput<any, any, any>): Promise<Reply>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown, location?: string): Reply => ({ status: 201, body, ...(location ? { headers: { Location: location } } : {}) });
export const noContent = (): Reply => ({ status: 204 });

export function isRole(key: ApiKeyRow | null, ...roles: ApiRole[]): boolean {
  return !!key && roles.includes(key.role);
}
