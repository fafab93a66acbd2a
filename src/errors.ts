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
  | 'PAGE'
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
