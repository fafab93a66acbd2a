/**
 * `build()` on the first call, the same value on every call after. The zod schemas are built
 * this way: a zod 4 schema binds its methods per instance, and the first schemas a process
 * builds also pay for compiling zod's own code, ~20 ms of CPU at every cold start (import,
 * createModerator(), first verdict) that needs no schema when the options are the defaults and
 * the packs and model the shipped ones (each of those is read without zod, and tests hold that
 * reading equal to the schema's).
 */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
