/** A value that is a function; zod v4's z.function() is not a schema, so check it by hand. */
export const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

/** A moderator-shaped object: what createModerator returns, or a test double. */
export const isModerator = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { moderate?: unknown }).moderate === 'function';
