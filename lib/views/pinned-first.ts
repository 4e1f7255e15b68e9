import { nextTask } from './view-cache';

/**
 * The pinned numbers go first: every other view of a source waits while a pinned answer of that
 * source is pending. On a cold worker the sidebar asks for its extras (forecast, charts, insights)
 * right after it shows the numbers it kept, while the source is still being read: without this,
 * their computations (hundreds of ms) would run between the pinned numbers' computation and their
 * answer, each continuation waiting on the same read.
 */
export function createPinnedFirst() {
  const pending = new Map<string, Set<Promise<void>>>();
  return {
    /** `answer` is a pinned answer of `source` (returned as is). */
    track<T>(source: string, answer: Promise<T>): Promise<T> {
      let set = pending.get(source);
      if (!set) pending.set(source, (set = new Set()));
      const own = set;
      const settle = () => {
        own.delete(done);
        if (!own.size && pending.get(source) === own) pending.delete(source);
      };
      const done: Promise<void> = answer.then(settle, settle);
      own.add(done);
      return answer;
    },
    /** Runs `run` once no pinned answer of `source` is pending (and one task later, so an answer settled is sent first). */
    async after<T>(source: string, run: () => Promise<T>): Promise<T> {
      let waited = false;
      for (let set = pending.get(source); set?.size; set = pending.get(source)) {
        await Promise.all([...set]);
        waited = true;
      }
      if (waited) await nextTask();
      return run();
    },
  };
}
