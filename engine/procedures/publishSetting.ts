// Whether a published version needs a second analyst's approval before it
// takes effect (PUBLISH_REQUIRES_APPROVAL=1). Read at each publication, so a
// change needs no restart.

export function publishRequiresApproval(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.PUBLISH_REQUIRES_APPROVAL ?? '').trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
