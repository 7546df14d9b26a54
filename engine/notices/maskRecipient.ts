/**
 * A recipient as the delivery log shows it: enough to recognise, not enough
 * to contact. "mai.nguyen@example.vn" → "m***@example.vn", "0912345678" → "091****678".
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\s+/g, '');
  if (digits.length <= 6) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
}
