// What an instance waits on, at any depth. bpmn-engine lists a running
// embedded sub-process as one postponed activity; the user tasks, jobs and
// message waits inside it (and inside sub-processes nested in it) are listed
// by the sub-process itself, together with its own entry. A multi-instance
// element lists its instances the same way (and a multi-instance
// sub-process lists every instance's content from each instance again), so
// entries are kept once per execution.

/* eslint-disable @typescript-eslint/no-explicit-any */

export function everyPostponed(postponed: any[]): any[] {
  const found: any[] = [];
  const seen = new Set<string>();
  // An explicit stack: nesting depth is bounded at deploy, but no recursion is needed.
  const pending = [...postponed].reverse();
  while (pending.length > 0) {
    const api = pending.pop();
    const key = api?.executionId;
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    found.push(api);
    // An instance's content is listed by its element's entry already (each
    // instance would list every instance's content again: quadratic).
    if (isInstance(api)) continue;
    const listed: any[] | null = api?.type === 'bpmn:SubProcess' && typeof api.getPostponed === 'function'
      ? api.getPostponed()
      // A task's api lists nothing; its execution lists its instances.
      : isMultiInstanceRoot(api) ? api.owner?.execution?.getPostponed?.() ?? null : null;
    if (!listed) continue;
    const inner = listed.filter((child) => child.executionId !== api.executionId);
    pending.push(...inner.reverse());
  }
  return found;
}

/** One instance of a multi-instance element: its execution id is its root's plus `_index`. */
export function isInstance(api: any): boolean {
  const content = api?.content ?? {};
  return content.isMultiInstance === true && typeof content.index === 'number' && api.executionId === `${content.parent?.executionId}_${content.index}`;
}

/** The element's entry that stands for all of its instances (never waited on itself). */
export function isMultiInstanceRoot(api: any): boolean {
  return (api?.content?.isMultiInstance === true || api?.owner?.isMultiInstance === true) && !isInstance(api);
}
