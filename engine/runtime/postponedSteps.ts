// What an instance waits on, at any depth. bpmn-engine lists a running
// embedded sub-process as one postponed activity; the user tasks, jobs and
// message waits inside it (and inside sub-processes nested in it) are listed
// by the sub-process itself, together with its own entry.

/* eslint-disable @typescript-eslint/no-explicit-any */

export function everyPostponed(postponed: any[]): any[] {
  const found: any[] = [];
  // An explicit stack: nesting depth is bounded at deploy, but no recursion is needed.
  const pending = [...postponed].reverse();
  while (pending.length > 0) {
    const api = pending.pop();
    found.push(api);
    if (api?.type !== 'bpmn:SubProcess' || typeof api.getPostponed !== 'function') continue;
    const inner = (api.getPostponed() as any[]).filter((child) => child.executionId !== api.executionId);
    pending.push(...inner.reverse());
  }
  return found;
}
