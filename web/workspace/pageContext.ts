// What a page module needs from the shell, without importing the shell.
export type { Page, PageContext } from '../app.js';
export { ApiError } from '../client.js';
