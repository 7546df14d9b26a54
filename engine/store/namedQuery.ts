import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

const names = new Map<string, string>();

/**
 * A query PostgreSQL prepares once per connection instead of parsing and
 * planning it on every call: measured in bench/, the hot statements of a
 * dossier step cost 40–60% less server CPU this way. The name is derived from
 * the text, so the same text always maps to the same prepared statement.
 */
export function named(text: string, values: unknown[]): QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return { name, text, values };
}
