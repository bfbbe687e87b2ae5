// Promise failures left alone on purpose, each under a name that says why. Lint forbids the bare
// `.catch(() => undefined)` (eslint.config.js): it says nothing, so a real failure hides behind it.

/**
 * Tidying up after an operation — removing a temp or half-written file, closing a handle after a
 * failed write, draining a stream that was destroyed — whose own outcome (its result, or the first
 * error) is what the caller reports. If the tidying fails too, at worst a stray file stays in a temp
 * folder; reporting that instead would hide the failure that matters.
 */
export function ignoreCleanupFailure(_error: unknown): void {
  // Deliberately nothing: see above.
}

/**
 * A promise its holder awaits later (after other work): marks its rejection as seen now, so the
 * runtime reports no unhandled rejection in between. Awaiting the promise later still throws, so
 * the failure is handled where it is awaited.
 */
export function awaitedLater(promise: Promise<unknown>): void {
  // eslint-disable-next-line no-restricted-syntax -- this is the named helper the rule sends people to
  promise.catch(() => {
    // Seen here; thrown again where the promise is awaited.
  });
}

/**
 * Resolves once `promise` settles, either way: the next job of a queue starts after one that failed.
 * The failure itself reaches whoever awaits that job.
 */
export function settled(promise: Promise<unknown>): Promise<void> {
  return promise.then(
    () => undefined,
    () => undefined,
  );
}
