/**
 * Gives the main thread back to the browser (input, rendering) between pieces of a long job: `scheduler.yield()` where
 * the browser has it (the job's next piece then runs before other queued tasks), else a new task.
 */
interface Scheduler {
  yield(): Promise<void>;
}

/** Resolves in a later task, after the browser has had the chance to handle input and paint. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((ok) => setTimeout(ok, 0));
}
