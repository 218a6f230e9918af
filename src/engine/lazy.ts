// Code loaded on first use: the heavy programs containers run (awk, tar,
// package managers, servers ...) and Docker Hub's catalogue. In the browser
// each is a chunk of its own, fetched when first needed or earlier, when the
// page prefetches them once the prompt is up; in Node, a module file read.
//
// A module that is loading is, for the simulated machine, already there: the
// scheduler asks `modulesLoading()` and, in jump mode, never moves the
// virtual clock past a load (as it never moves past tracked hashing).
// The count and the list are per process, as module loading itself is.
import type { Program } from './runtime/process.ts';

export interface LazyModule<M> {
  /** What the module is, for messages (`awk`, `the image catalogue`). */
  readonly name: string;
  /** The module once loaded, else undefined. */
  readonly value: M | undefined;
  /** Loads the module (once; a failed load is tried again next time). */
  load(): Promise<M>;
}

let inFlight = 0;
/** The modules marked `first`, then the others, in the order they were declared. */
const declared: LazyModule<unknown>[] = [];
let firsts = 0;

/** How many lazy modules are loading right now. */
export function modulesLoading(): number {
  return inFlight;
}

/**
 * A module imported on first `load()`. `importer` must be a literal
 * `() => import('./x.ts')` for bundlers to split it. `first`: prefetched
 * before the others (the docker CLI, which the first command needs).
 */
export function lazyModule<M>(name: string, importer: () => Promise<M>, options: { first?: boolean } = {}): LazyModule<M> {
  let value: M | undefined;
  let pending: Promise<M> | null = null;
  const mod: LazyModule<M> = {
    name,
    get value() {
      return value;
    },
    load() {
      if (value !== undefined) return Promise.resolve(value);
      if (!pending) {
        inFlight++;
        pending = importer()
          .then(
            (m) => (value = m),
            (err: unknown) => {
              pending = null;
              throw err;
            },
          )
          .finally(() => inFlight--);
      }
      return pending;
    },
  };
  if (options.first) declared.unshift(mod as LazyModule<unknown>);
  else declared.push(mod as LazyModule<unknown>);
  firsts += options.first ? 1 : 0;
  return mod;
}

/**
 * Loads every lazy module declared so far: those marked `first`, then the
 * others side by side (the page calls it once the prompt is up, so the
 * first `docker run` or `awk` finds its code there). Failures are left for
 * first use to report.
 */
export async function prefetchModules(): Promise<void> {
  const load = (ms: LazyModule<unknown>[]) => Promise.all(ms.map((m) => m.load().catch(() => undefined)));
  await load(declared.slice(0, firsts));
  await load(declared.slice(firsts));
}

/** The names of the lazy modules declared so far and whether each is loaded. */
export function lazyModules(): Array<{ name: string; loaded: boolean }> {
  return declared.map((m) => ({ name: m.name, loaded: m.value !== undefined }));
}

/**
 * A program whose code is in a lazy module: `pick` makes it from the module
 * (once). If the module cannot be loaded (the page lost its server), the
 * command fails as a binary the kernel cannot execute (126) and says why.
 */
export function lazyProgram<M>(mod: LazyModule<M>, pick: (m: M) => Program): Program {
  let program: Program | undefined;
  return async (ctx) => {
    if (!program) {
      let m: M;
      try {
        m = mod.value ?? (await mod.load());
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        ctx.stderr.write(`${ctx.argv[0] ?? mod.name}: cannot load ${mod.name}: ${why}\n`);
        return 126;
      }
      program = pick(m);
    }
    return program(ctx);
  };
}
