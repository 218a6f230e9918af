// A deterministic daemon and a `docker` runner for the image and system
// command tests: the engine's test daemon, a few fake programs, and
// runDocker on its virtual clock. Pure TS; tests pass in Node's hasher.
import type { CliContext, ServerInfo } from '../../command.ts';
import { runDocker } from '../../dispatch.ts';
import { Daemon } from '../../../engine/daemon.ts';
import { sequentialIds, type Hasher } from '../../../engine/platform.ts';
import type { Program } from '../../../engine/runtime/process.ts';
import type { ProgramResolver } from '../../../engine/runtime/namespace.ts';
import { Scheduler } from '../../../engine/runtime/scheduler.ts';
import { HubRegistry } from '../../../engine/registry/hub.ts';
import { defaultRegistries } from '../../../engine/registry/router.ts';
import type { ImageRecipe } from '../../../engine/registry/catalogue/recipe.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

/** Berth's daemon speaks API 1.50, as Docker 28.2. */
export const SERVER_1_50: ServerInfo = { apiVersion: '1.50', osType: 'linux', experimental: false };

const enc = new TextEncoder();

/**
 * Fake programs: `sh -c 'echo TEXT > /path'` writes a file, `echo` prints,
 * `sleep N` sleeps on the virtual clock, `true` exits 0.
 */
const programs: Record<string, Program> = {
  sh: async (ctx) => {
    const script = ctx.argv[2] ?? '';
    const m = /^echo (.*) > (\S+)$/.exec(script);
    if (m) {
      ctx.fs.writeFile(m[2]!, enc.encode(m[1]! + '\n'));
      return 0;
    }
    const s = /^sleep (\d+)$/.exec(script);
    if (s) await ctx.sleep(Number(s[1]) * 1000);
    return 0;
  },
  echo: async (ctx) => {
    ctx.stdout.write(ctx.argv.slice(1).join(' ') + '\n');
    return 0;
  },
  sleep: async (ctx) => {
    await ctx.sleep(Number(ctx.argv[1]) * 1000);
    return 0;
  },
  true: async () => 0,
};

const resolve: ProgramResolver = (_fs, name) => {
  const base = name.split('/').pop()!;
  const p = programs[base];
  return p ? { program: p, path: `/bin/${base}` } : null;
};

export interface Result {
  stdout: string;
  stderr: string;
  status: number;
}

export interface Harness {
  daemon: Daemon;
  /** Runs `docker ARGS...` to completion on the virtual clock. */
  docker(args: string[], opts?: { stdin?: string; env?: Record<string, string>; server?: ServerInfo | null }): Promise<Result>;
  /** Lets virtual time pass. */
  sleep(ms: number): Promise<void>;
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The registry of these tests: small stand-ins for the images the
 * fidelity transcripts use, so that the goldens do not follow the catalogue.
 */
export const RECIPES: ImageRecipe[] = [
  {
    repo: 'library/busybox',
    tags: ['latest', '1.37', 'stable'],
    created: '2026-11-23T11:38:00Z',
    config: { Env: [PATH_ENV], Cmd: ['sh'] },
    history: [
      {
        createdBy: '/bin/sh -c #(nop) ADD file:97e6624b2687718d8032c0ade0365e361cedcd7dcee22f3e054b490a4c4666cc in / ',
        entries: () => [
          { type: 'dir', path: '/bin', mode: 0o755 },
          { type: 'file', path: '/bin/busybox', size: 1_984_000, mode: 0o755 },
          { type: 'dir', path: '/etc', mode: 0o755 },
          { type: 'text', path: '/etc/hostname', text: 'busybox\n' },
        ],
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', empty: true },
    ],
  },
  {
    repo: 'library/debian',
    tags: ['bookworm-slim'],
    created: '2026-11-23T11:39:00Z',
    config: { Env: [PATH_ENV], Cmd: ['bash'] },
    history: [
      {
        createdBy: '/bin/sh -c #(nop) ADD file:69f41a813cc70ff7b5f1f3d8e2a4c6b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4 in / ',
        entries: () => [
          { type: 'dir', path: '/usr', mode: 0o755 },
          { type: 'file', path: '/usr/lib.so', size: 2_500_000, mode: 0o644 },
        ],
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    ],
  },
];

export function harness(hasher: Hasher, yieldTask: () => Promise<void>): Harness {
  const scheduler = new Scheduler(TEST_EPOCH, yieldTask);
  const sha256 = (d: Uint8Array | string) =>
    scheduler.track(hasher.sha256(typeof d === 'string' ? new TextEncoder().encode(d) : d));
  const daemon = new Daemon({
    scheduler,
    ids: sequentialIds(),
    hasher,
    registry: defaultRegistries(sha256, new HubRegistry(sha256, RECIPES)),
    resolve,
  });
  return {
    daemon,
    async docker(args, opts = {}) {
      let stdout = '';
      let stderr = '';
      let input = opts.stdin;
      const ctx: CliContext = {
        stdout: { write: (s) => void (stdout += s) },
        stderr: { write: (s) => void (stderr += s) },
        stdin: {
          read: async () => {
            const chunk = input ?? null;
            input = undefined;
            return chunk;
          },
        },
        env: new Map([['HOME', '/root'], ...Object.entries(opts.env ?? {})]),
        tty: false,
        daemon,
        server: opts.server === undefined ? SERVER_1_50 : opts.server,
      };
      const status = await daemon.clock.runUntil(runDocker(args, ctx));
      return { stdout, stderr, status };
    },
    async sleep(ms) {
      await daemon.clock.runUntil(daemon.clock.sleep(ms));
    },
  };
}
