import { AtelierError } from '../../../src-main/contract/errors';

/** The AtelierError a call fails with (the test fails when it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<AtelierError> {
  try {
    await promise;
  } catch (error) {
    return error as AtelierError;
  }
  throw new Error('expected a failure');
}
