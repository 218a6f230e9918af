// Test helpers: a container's file system built from a catalogue image (or
// from a few files), and a process context over it with a virtual clock.
import { UnionFs } from '../../../fs/union.ts';
import { LayerTree } from '../../../layer/tree.ts';
import { buildTree } from '../../../registry/catalogue/build.ts';
import { CATALOGUE } from '../../../registry/catalogue/images.ts';
import type { EntryRecipe } from '../../../registry/catalogue/recipe.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { stringInput } from '../../sh/io.ts';

export const T0 = Date.UTC(2026, 10, 23, 13, 0, 0);

export interface Clock {
  t: number;
}

/** A container's union: an empty read-write layer over the image's layers (or over `entries`). */
export function containerFs(image: string | EntryRecipe[], clock: Clock = { t: T0 }): UnionFs {
  let lower: LayerTree[];
  if (typeof image === 'string') {
    const [repo, tag = 'latest'] = image.split(':') as [string, string?];
    const full = repo.includes('/') ? repo : `library/${repo}`;
    const recipe = CATALOGUE.find((r) => r.repo === full && r.tags.includes(tag));
    if (recipe === undefined) throw new Error(`no catalogue image ${image}`);
    lower = recipe.history.flatMap((h) => ('entries' in h ? [buildTree(h.entries())] : [])).reverse();
  } else lower = [buildTree(image)];
  return new UnionFs([new LayerTree(), ...lower], { clock: { now: () => clock.t } });
}

export interface RunResult {
  out: string;
  err: string;
  /** stdout and stderr as they interleaved. */
  all: string;
  status: number;
  /** Virtual ms the program took. */
  elapsed: number;
}

/** Runs a program with argv over `fs`; stdin is `input` (empty: end of input at once). */
export async function runProgram(program: Program, argv: string[], fs: UnionFs, o: { input?: string; tty?: boolean; clock?: Clock; cwd?: string } = {}): Promise<RunResult> {
  const clock = o.clock ?? { t: T0 };
  const start = clock.t;
  let out = '';
  let err = '';
  let all = '';
  const ctx: ProcessContext = {
    argv,
    env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root']]),
    cwd: o.cwd ?? '/',
    fs,
    stdin: stringInput(o.input ?? ''),
    stdout: { write: (s) => ((out += s), (all += s)) },
    stderr: { write: (s) => ((err += s), (all += s)) },
    tty: o.tty ?? false,
    pid: 1,
    hostname: 'test',
    sleep: async (ms) => {
      clock.t += ms;
    },
    now: () => clock.t,
    spawn: async () => 127,
    resolve: () => null,
    processes: () => [],
    listen: () => null,
    onSignal: () => {},
    yield: async () => {},
  };
  const status = await program(ctx);
  return { out, err, all, status, elapsed: clock.t - start };
}
