// Calendar definitions are shared by reference (presets, compiled calendars);
// freezing them turns an accidental edit into an error instead of silently
// diverging from the schedules already cached from them.

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
