import type { Page } from 'playwright-core';

/**
 * English words that must never reach a person who chose Vietnamese.
 * Only words that are not also Vietnamese syllables written without marks
 * ("an", "to", "do", "on" are Vietnamese too), and no product names (BPMN,
 * PDF, QR, CSV, FEEL stay as they are).
 */
export const ENGLISH_WORDS: readonly string[] = [
  'the', 'and', 'with', 'must', 'should', 'cannot', 'could', 'would', 'is', 'are', 'was', 'were', 'been',
  'not', 'this', 'that', 'there', 'which', 'from', 'into', 'for', 'of', 'or', 'you', 'your',
  'error', 'errors', 'failed', 'fail', 'invalid', 'required', 'missing', 'unknown', 'undefined', 'null', 'nan',
  'exist', 'exists', 'found', 'denied', 'forbidden', 'unauthorized', 'expired', 'revoked',
  'save', 'saved', 'cancel', 'submit', 'delete', 'close', 'open', 'loading', 'search', 'filter', 'next', 'previous',
  'dossier', 'dossiers', 'task', 'tasks', 'step', 'steps', 'department', 'procedure', 'deadline', 'warning', 'warnings',
  'status', 'processing', 'received', 'resolved', 'returned', 'withdrawn', 'supplement', 'apology',
  'sign', 'signed', 'password', 'user', 'people', 'settings', 'publish', 'published', 'draft', 'version',
  'service', 'script', 'gateway', 'event', 'start', 'end', 'timer', 'message',
];

const ENGLISH = new Set(ENGLISH_WORDS);

/** The English words of a text, in order of first appearance, each once. */
export function englishWordsIn(text: string): string[] {
  const seen = new Set<string>();
  // Split on anything that is not a letter; Vietnamese letters with marks are
  // letters too, so "Mở" stays one word and never matches.
  for (const word of text.split(/[^\p{L}]+/u)) {
    const lower = word.toLowerCase();
    if (ENGLISH.has(lower)) seen.add(lower);
  }
  return [...seen];
}

/**
 * The English words visible on the page right now: the body's rendered text,
 * open dialogs included, plus placeholders, titles and aria labels a person
 * reads or hears. Hidden elements do not count (innerText skips them).
 */
export async function englishWordsOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const parts = [document.body?.innerText ?? ''];
    for (const el of Array.from(document.querySelectorAll('[placeholder],[title],[aria-label]'))) {
      const box = (el as HTMLElement).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(attr);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
  return englishWordsIn(text);
}
