/** Usernames are compared in lower case: an SSO claim may differ in case from the registry. */
export const normalizeUsername = (u: string) => u.trim().toLowerCase();

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : 'a username has 2 to 64 characters: letters, digits, dot, underscore, @ or dash, starting with a letter or digit';
}

/** What the engine records as the actor of a person's work: the full name, with the username that makes it unique. */
export const personActor = (p: { fullName: string; username: string }) => `${p.fullName} (@${p.username})`;
