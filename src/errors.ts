/**
 * Every error decorum throws is a DecorumError with a stable `code`, so callers can branch
 * on `err.code` instead of parsing messages. Messages say what to fix: file, line, rule id, option.
 */
export type DecorumErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_OPTION'
  | 'RULE_PACK'
  | 'UNSAFE_PATTERN'
  | 'MODEL_FORMAT'
  | 'FIXTURE'
  | 'IO';

export interface DecorumErrorDetails {
  file?: string;
  line?: number;
  ruleId?: string;
  field?: string;
  option?: string;
}

export class DecorumError extends Error {
  readonly code: DecorumErrorCode;
  readonly details: DecorumErrorDetails;

  constructor(code: DecorumErrorCode, message: string, details: DecorumErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecorumError';
    this.code = code;
    this.details = details;
  }
}

export function isDecorumError(value: unknown): value is DecorumError {
  return value instanceof DecorumError;
}

/** Longest quote of a value an error message makes. */
const SHOWN_LIMIT = 60;

/**
 * A value as an error message quotes it: its JSON when it has one (cut to SHOWN_LIMIT
 * characters), else its type. Never throws, whatever a caller passed: `String(x)` throws for an
 * object without a prototype and `JSON.stringify` for a BigInt, and a message that throws while
 * reporting bad input turns a clear error into a TypeError from inside decorum.
 */
export function shown(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // No JSON for it (a BigInt, a cycle, a throwing toJSON): its type is the quote.
  }
  if (json === undefined) return typeof value === 'object' ? 'an object' : typeof value;
  return json.length > SHOWN_LIMIT ? `${json.slice(0, SHOWN_LIMIT - 1)}…` : json;
}

/** What kind of value a caller passed, as a message names it: "null", "an array", or its typeof. */
export function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Throws INVALID_INPUT unless `value` is a string. `call` is the argument as the caller wrote
 * it ("readModel(file)"), `field` its name: the message says which argument of which call.
 */
export function expectString(value: unknown, call: string, field: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new DecorumError('INVALID_INPUT', `${call}: ${field} must be a string, got ${kindOf(value)}`, { field });
  }
}
