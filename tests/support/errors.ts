import { isDecorumError, type DecorumError } from '../../src/errors.js';

/** The DecorumError `fn` throws; fails the test when it throws nothing or something else. */
export function thrownDecorumError(fn: () => unknown): DecorumError {
  try {
    fn();
  } catch (e) {
    if (isDecorumError(e)) return e;
    throw e;
  }
  throw new Error('expected a DecorumError');
}
