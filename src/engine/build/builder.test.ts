// The daemon's builder in BuildKit mode (the default `docker build` of a
// Docker 28 client with buildx): the history rows, image config, cache and
// stages as moby/buildkit's dockerfile2llb (frontend/dockerfile/
// dockerfile2llb/convert.go, v0.22.0 as vendored by moby v28.2.2) and moby's
// exporter (builder/builder-next/exporter/mobyexporter/writer.go) make them.
// The real engine here is 20.10 (an older BuildKit), so these rows come from
// that source, not from a recording.
import { describe, expect, it } from 'vitest';
import { nodeHasher as hasher, nodeYield as yieldTask } from '../../node/platform.ts';
import { Daemon } from '../daemon.ts';
import { UnionFs } from '../fs/union.ts';
import type { HistoryEntry, ImageConfig } from '../image/config.ts';
import { NO_NAMES, layerTarBytes } from '../layer/tar.ts';
import { LayerTree } from '../layer/tree.ts';
import { sequentialIds } from '../platform.ts';
import type { ImageRecipe } from '../registry/catalogue/recipe.ts';
import { HubRegistry } from '../registry/hub.ts';
import { defaultRegistries } from '../registry/router.ts';
import type { ProgramResolver } from '../runtime/namespace.ts';
import type { Program } from '../runtime/process.ts';
import { Scheduler } from '../runtime/scheduler.ts';
import { TEST_EPOCH } from '../testing.ts';
import { encodeArchive } from '../runtime/programs/tar.ts';
import { normalizeCreated } from './builder.ts';
import { BuildError, type BuildEvent, type BuildRequest } from './types.ts';

const enc = new TextEncoder();
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const RECIPES: ImageRecipe[] = [
  {
    repo: 'library/busybox',
    tags: ['latest'],
    created: '2026-11-23T11:38:00Z',
    config: { Env: [PATH_ENV], Cmd: ['sh'] },
    history: [
      {
        createdBy: '/bin/sh -c #(nop) ADD file:97e6624b2687718d8032c0ade0365e361cedcd7dcee22f3e054b490a4c4666cc in / ',
        entries: () => [
          { type: 'dir', path: '/bin', mode: 0o755 },
          { type: 'file', path: '/bin/busybox', size: 1_984_000, mode: 0o755 },
          { type: 'dir', path: '/etc', mode: 0o755 },
          { type: 'text', path: '/etc/passwd', text: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' },
          { type: 'text', path: '/etc/group', text: 'root:x:0:\nnogroup:x:65534:\n' },
        ],
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', empty: true },
    ],
  },
];

/** `sh -c SCRIPT`: `echo TEXT > /path`, `env > /path` (the process's environment), `false`, anything else succeeds. */
const programs: Record<string, Program> = {
  sh: async (ctx) => {
    const script = ctx.argv[2] ?? '';
    const m = /^echo (.*) > (\S+)$/.exec(script);
    if (m) ctx.fs.writeFile(m[2]!, enc.encode(m[1]! + '\n'));
    const e = /^env > (\S+)$/.exec(script);
    if (e) ctx.fs.writeFile(e[1]!, enc.encode([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join('')));
    if (script === 'false') return 1;
    return 0;
  },
};
const resolve: ProgramResolver = (_fs, name) => {
  const base = name.split('/').pop()!;
  const p = programs[base];
  return p ? { program: p, path: `/bin/${base}` } : null;
};

function daemon(): Daemon {
  const scheduler = new Scheduler(TEST_EPOCH, yieldTask);
  const sha256 = (d: Uint8Array | string) => scheduler.track(hasher.sha256(typeof d === 'string' ? enc.encode(d) : d));
  return new Daemon({ scheduler, ids: sequentialIds(), hasher, registry: defaultRegistries(sha256, new HubRegistry(sha256, RECIPES)), resolve });
}

function context(files: Record<string, string>): Uint8Array {
  const tree = LayerTree.from(Object.entries(files).map(([path, content]) => ({ type: 'file' as const, path, content, mode: 0o644 })));
  return layerTarBytes(tree, { names: NO_NAMES });
}

interface Built {
  id: string;
  events: BuildEvent[];
  config: ImageConfig;
  configJson: string;
  /** The steps BuildKit prints: `[stage n/m] vertex`. */
  vertices: string[];
  cached: string[];
}

async function build(d: Daemon, files: Record<string, string>, o: Partial<BuildRequest> = {}): Promise<Built> {
  const events: BuildEvent[] = [];
  const req: BuildRequest = {
    builder: 'buildkit',
    context: context(files),
    dockerfile: 'Dockerfile',
    tags: [],
    buildArgs: {},
    labels: {},
    noCache: false,
    pull: false,
    rm: true,
    forceRm: false,
    quiet: false,
    ...o,
  };
  const id = await d.clock.runUntil(d.build(req, (e) => events.push(e)));
  const img = d.images.get(id)!;
  const vertices: string[] = [];
  const cached: string[] = [];
  let current = '';
  for (const e of events) {
    if (e.type === 'step') {
      current = e.stageStep === 0 ? '' : `[${e.stageName ? `${e.stageName} ` : ''}${e.stageStep}/${e.stageTotal}] ${e.vertex}`;
      if (current) vertices.push(current);
    }
    if (e.type === 'cached' && current) cached.push(current);
  }
  return { id, events, config: img.config, configJson: img.configJson, vertices, cached };
}

async function failure(d: Daemon, files: Record<string, string>, o: Partial<BuildRequest> = {}): Promise<BuildError> {
  try {
    await build(d, files, o);
  } catch (e) {
    if (e instanceof BuildError) return e;
    throw e;
  }
  throw new Error('the build succeeded');
}

const rows = (c: ImageConfig) => c.history.slice(2).map((h) => (h.empty_layer ? `${h.created_by} (empty)` : h.created_by));

describe('BuildKit history rows (dockerfile2llb commitToHistory)', () => {
  it('writes each instruction as dockerfile2llb does, `# buildkit` only on RUN, COPY and ADD', async () => {
    const d = daemon();
    const b = await build(d, {
      Dockerfile: [
        'FROM busybox',
        'ARG A=b',
        'ENV E=1',
        'LABEL a=b "c d"="e f"',
        'RUN echo hi > /hi',
        'COPY --chmod=644 --chown=1:2 f /f',
        'ADD f /g',
        'WORKDIR /app',
        'WORKDIR /',
        'EXPOSE 80 443/tcp 8000-8001/udp',
        'EXPOSE 80',
        'CMD ["a", "b"]',
        'ENTRYPOINT echo',
        'USER nobody',
        'VOLUME /data /x',
        'STOPSIGNAL SIGTERM',
        'HEALTHCHECK --interval=30s --retries=3 CMD true',
        'SHELL ["/bin/sh", "-c"]',
        'ONBUILD RUN echo x',
        'MAINTAINER me',
        '',
      ].join('\n'),
      f: 'x\n',
    });
    expect(rows(b.config)).toEqual([
      'ARG A=b (empty)',
      'ENV E=1 (empty)',
      'LABEL a=b c d=e f (empty)',
      'RUN |1 A=b /bin/sh -c echo hi > /hi # buildkit',
      'COPY --chown=1:2 --chmod=644 f /f # buildkit',
      'ADD f /g # buildkit',
      'WORKDIR /app',
      'WORKDIR / (empty)',
      // Go's %v of this instruction's nat.PortSet: keys sorted as strings, a range as its ports
      'EXPOSE map[443/tcp:{} 80/tcp:{} 8000/udp:{} 8001/udp:{}] (empty)',
      'EXPOSE map[80/tcp:{}] (empty)',
      'CMD ["a" "b"] (empty)',
      'ENTRYPOINT ["/bin/sh" "-c" "echo"] (empty)',
      'USER nobody (empty)',
      'VOLUME [/data /x] (empty)',
      'STOPSIGNAL SIGTERM (empty)',
      `HEALTHCHECK &{["CMD-SHELL" "true"] "30s" "0s" "0s" "0s" '\\x03'} (empty)`,
      'SHELL [/bin/sh -c] (empty)',
      // ONBUILD: the config only (dispatchOnbuild commits no row)
      'MAINTAINER me (empty)',
    ]);
    expect(b.config.history.slice(2).every((h) => h.comment === 'buildkit.dockerfile.v0')).toBe(true);
    expect(b.config.author).toBe('me');
    expect(b.config.rootfs.diff_ids).toHaveLength(5);
  });

  it('writes the config as the exporter does: OCI field order, empty fields left out, ArgsEscaped from CMD', async () => {
    const d = daemon();
    const b = await build(d, {
      Dockerfile: 'FROM busybox\nEXPOSE 80\nENV E=1\nENTRYPOINT ["top"]\nCMD ["-b"]\nVOLUME /data\nLABEL l=v\nSTOPSIGNAL 9\nHEALTHCHECK CMD true\nONBUILD RUN x\nSHELL ["/bin/bash", "-c"]\nUSER u\n',
    });
    const json = JSON.parse(b.configJson) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['architecture', 'config', 'created', 'history', 'os', 'rootfs']);
    expect(JSON.stringify(json.config)).toBe(
      JSON.stringify({
        User: 'u',
        ExposedPorts: { '80/tcp': {} },
        Env: [PATH_ENV, 'E=1'],
        Entrypoint: ['top'],
        Cmd: ['-b'],
        Volumes: { '/data': {} },
        Labels: { l: 'v' },
        StopSignal: '9',
        ArgsEscaped: true,
        Healthcheck: { Test: ['CMD-SHELL', 'true'] },
        OnBuild: ['RUN x'],
        Shell: ['/bin/bash', '-c'],
      }),
    );
    // no WorkingDir (busybox has none), no OnBuild: null, no container_config or docker_version
    const plain = await build(d, { Dockerfile: 'FROM busybox\nENTRYPOINT echo\n' });
    expect(JSON.stringify((JSON.parse(plain.configJson) as { config: unknown }).config)).toBe(
      JSON.stringify({ Env: [PATH_ENV], Entrypoint: ['/bin/sh', '-c', 'echo'] }),
    );
    // FROM scratch: dockerfile2llb's empty image has WorkingDir "/" and a PATH
    const scratch = await build(d, { Dockerfile: 'FROM scratch\nCOPY f /\n', f: '' });
    expect(scratch.config.config).toEqual({ Env: [PATH_ENV], WorkingDir: '/' });
    // docker image inspect: the image has no comment of its own, so the last row's shows
    expect(d.inspectImage(scratch.id).Comment).toBe('buildkit.dockerfile.v0');
    expect(d.inspectImage(scratch.id).DockerVersion).toBe('');
  });

  it('RUN names every ARG of the stage in declaration order, valued from the stage environment', async () => {
    const d = daemon();
    const b = await build(
      d,
      { Dockerfile: 'FROM busybox\nARG Z=1 B=2\nARG NOVAL\nARG GIVEN\nARG S=1\nENV S=2\nRUN true\n' },
      { buildArgs: { GIVEN: 'g', UNUSED: 'u' } },
    );
    expect(rows(b.config)).toEqual([
      'ARG Z=1 B=2 (empty)',
      'ARG NOVAL (empty)',
      'ARG GIVEN=g (empty)',
      'ARG S=1 (empty)',
      'ENV S=2 (empty)',
      'RUN |5 Z=1 B=2 NOVAL= GIVEN=g S=2 /bin/sh -c true # buildkit',
    ]);
  });

  it('RUN gets ARG values as environment, an ARG after an ENV of the same name winning; the image keeps the ENV', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: 'FROM busybox\nENV V=env\nARG V=arg\nARG W\nRUN env > /env\n' });
    const layer = d.layers.get((d.images.get(b.id)!.chainIds).at(-1)!)!;
    const env = new TextDecoder().decode(new UnionFs([layer.tree], { clock: d.clock }).readFile('/env'));
    expect(env).toContain('V=arg\n');
    expect(env).not.toContain('W=');
    // the executor's environment: the stage's, HOME from runc, no HOSTNAME
    expect(env.split('\n').filter(Boolean).sort()).toEqual([PATH_ENV, 'HOME=/root', 'V=arg'].sort());
    // llb's EnvList: a variable set again goes last
    const again = await build(d, { Dockerfile: 'FROM busybox\nENV A=1 B=2\nENV A=3\nRUN env > /env\n' });
    const layer2 = d.layers.get(d.images.get(again.id)!.chainIds.at(-1)!)!;
    const env2 = new TextDecoder().decode(new UnionFs([layer2.tree], { clock: d.clock }).readFile('/env'));
    expect(env2.split('\n').filter((l) => /^[AB]=/.test(l))).toEqual(['B=2', 'A=3']);
    expect(again.config.config.Env).toEqual([PATH_ENV, 'A=3', 'B=2']);
    // a stage built on another gets its image Env again over its LLB state: the ENV is back over the ARG
    const child = await build(d, { Dockerfile: 'FROM busybox AS base\nENV V=env\nARG V=arg\nFROM base\nRUN env > /env\n' });
    const layer3 = d.layers.get(d.images.get(child.id)!.chainIds.at(-1)!)!;
    const env3 = new TextDecoder().decode(new UnionFs([layer3.tree], { clock: d.clock }).readFile('/env'));
    expect(env3).toContain('V=env\n');
    expect(rows(child.config).at(-1)).toBe('RUN |1 V=env /bin/sh -c env > /env # buildkit');
    expect(b.config.config.Env).toEqual([PATH_ENV, 'V=env']);
  });

  it('a global ARG redeclared in the stage brings its value; ONBUILD triggers run as steps of the stage built on the image', async () => {
    const d = daemon();
    await build(d, { Dockerfile: 'FROM busybox\nONBUILD RUN echo t > /t\nONBUILD ENV T=1\n' }, { tags: ['trig'] });
    const b = await build(d, { Dockerfile: 'ARG G=1\nFROM trig\nARG G\nRUN true\n' });
    expect(b.vertices).toEqual([
      '[1/4] FROM docker.io/library/trig:latest',
      '[2/4] ONBUILD RUN echo t > /t',
      '[3/4] RUN true',
    ]);
    expect(rows(b.config).slice(-4)).toEqual(['RUN /bin/sh -c echo t > /t # buildkit', 'ENV T=1 (empty)', 'ARG G=1 (empty)', 'RUN |1 G=1 /bin/sh -c true # buildkit']);
    expect(b.config.config.OnBuild).toBeUndefined();
  });
});

describe('BuildKit history dates (mobyexporter normalizeLayersAndHistory)', () => {
  const row = (created: string, emptyLayer = false): HistoryEntry => ({ created, created_by: 'x', ...(emptyLayer ? { empty_layer: true } : {}) });
  it('rows before the first new layer take its date, the later ones the row above', () => {
    const out = normalizeCreated([row('base1'), row('base2', true), row('', true), row('L1'), row('', true), row('L2'), row('', true)]);
    expect(out.map((h) => h.created)).toEqual(['base1', 'base2', 'L1', 'L1', 'L1', 'L2', 'L2']);
  });
  it('without a new layer, the base\'s last date', () => {
    expect(normalizeCreated([row('base1'), row('', true), row('', true)]).map((h) => h.created)).toEqual(['base1', 'base1', 'base1']);
  });
});

describe('BuildKit cache', () => {
  const df = 'FROM busybox\nARG V=0\nENV E=1\nLABEL l=1\nWORKDIR /app\nCOPY f .\nRUN echo $V > /v\nCMD ["sh"]\n';

  it('the same build again: every step CACHED and the same image ID, though time passed', async () => {
    const d = daemon();
    const a = await build(d, { Dockerfile: df, f: 'one\n' });
    expect(a.cached).toEqual([]);
    await d.clock.runUntil(d.clock.sleep(60_000));
    const b = await build(d, { Dockerfile: df, f: 'one\n' });
    expect(b.cached).toEqual(['[2/4] WORKDIR /app', '[3/4] COPY f .', '[4/4] RUN echo 0 > /v']);
    expect(b.id).toBe(a.id);
  });

  it('a changed file runs its COPY and what follows; --no-cache runs everything (a new image once time passed)', async () => {
    const d = daemon();
    const a = await build(d, { Dockerfile: df, f: 'one\n' });
    await d.clock.runUntil(d.clock.sleep(60_000));
    const b = await build(d, { Dockerfile: df, f: 'two\n' });
    expect(b.cached).toEqual(['[2/4] WORKDIR /app']);
    expect(b.id).not.toBe(a.id);
    const c = await build(d, { Dockerfile: df, f: 'one\n' }, { noCache: true });
    expect(c.cached).toEqual([]);
    expect(c.id).not.toBe(a.id);
  });

  it('a changed build arg busts the RUN that gets it, an ENV busts later RUNs, a LABEL busts none', async () => {
    const d = daemon();
    await build(d, { Dockerfile: df, f: 'one\n' });
    const arg = await build(d, { Dockerfile: df, f: 'one\n' }, { buildArgs: { V: '2' } });
    expect(arg.cached).toEqual(['[2/4] WORKDIR /app', '[3/4] COPY f .']);
    expect(rows(arg.config)).toContain('RUN |1 V=2 /bin/sh -c echo $V > /v # buildkit');
    const env = await build(d, { Dockerfile: df.replace('E=1', 'E=2'), f: 'one\n' });
    expect(env.cached).toEqual(['[2/4] WORKDIR /app', '[3/4] COPY f .']);
    const label = await build(d, { Dockerfile: df.replace('l=1', 'l=2'), f: 'one\n' });
    expect(label.cached).toEqual(['[2/4] WORKDIR /app', '[3/4] COPY f .', '[4/4] RUN echo 0 > /v']);
    expect(label.config.config.Labels).toEqual({ l: '2' });
  });
});

describe('BuildKit stages', () => {
  const multi = [
    'FROM busybox AS base',
    'RUN echo a > /a',
    'FROM base AS unused',
    'RUN echo u > /u',
    'FROM base AS derived',
    'RUN echo d > /d',
    'FROM scratch AS out',
    'COPY --from=base /a /a',
    'COPY --from=derived /d /d',
    '',
  ].join('\n');

  it('builds only the stages the target needs; FROM scratch and FROM <stage> are no steps', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: multi });
    expect(b.vertices).toEqual([
      '[base 1/2] FROM docker.io/library/busybox:latest@' + b.vertices[0]!.split('@')[1],
      '[base 2/2] RUN echo a > /a',
      '[derived 1/1] RUN echo d > /d',
      '[out 1/2] COPY --from=base /a /a',
      '[out 2/2] COPY --from=derived /d /d',
    ]);
    expect(rows(b.config)).toEqual([]);
    expect(b.config.history.map((h) => h.created_by)).toEqual(['COPY /a /a # buildkit', 'COPY /d /d # buildkit']);
  });

  it('--target stops at a stage; unnamed stages are stage-N; COPY --from an index or an image', async () => {
    const d = daemon();
    const t = await build(d, { Dockerfile: multi }, { target: 'derived' });
    expect(t.vertices.map((v) => v.replace(/@sha256:\w+/, ''))).toEqual([
      '[base 1/2] FROM docker.io/library/busybox:latest',
      '[base 2/2] RUN echo a > /a',
      '[derived 1/1] RUN echo d > /d',
    ]);
    const u = await build(d, { Dockerfile: 'FROM busybox\nRUN echo a > /a\nFROM busybox\nCOPY --from=0 /a /a\n' });
    expect(u.vertices.map((v) => v.replace(/@sha256:\w+/, ''))).toEqual([
      '[stage-0 1/2] FROM docker.io/library/busybox:latest',
      '[stage-0 2/2] RUN echo a > /a',
      '[stage-1 1/2] FROM docker.io/library/busybox:latest',
      '[stage-1 2/2] COPY --from=0 /a /a',
    ]);
    const img = await build(d, { Dockerfile: 'FROM scratch\nCOPY --from=busybox /etc/group /g\n' });
    expect(img.vertices).toEqual(['[stage-0 1/1] COPY --from=busybox /etc/group /g']);
    const single = await build(d, { Dockerfile: 'FROM busybox\nRUN true\n' });
    expect(single.vertices.map((v) => v.replace(/@sha256:\w+/, ''))).toEqual(['[1/2] FROM docker.io/library/busybox:latest', '[2/2] RUN true']);
  });

  it('a stage built on another runs its ONBUILD lines and keeps its ARGs', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: 'FROM busybox AS a\nARG X=1\nONBUILD RUN echo o > /o\nFROM a\nRUN true\n' });
    expect(b.vertices.slice(1)).toEqual(['[stage-1 1/2] ONBUILD RUN echo o > /o', '[stage-1 2/2] RUN true']);
    expect(rows(b.config)).toEqual(['ARG X=1 (empty)', 'RUN |1 X=1 /bin/sh -c echo o > /o # buildkit', 'RUN |1 X=1 /bin/sh -c true # buildkit']);
  });
});

describe('BuildKit leaves', () => {
  it('no intermediate images, no containers, and no pulled base in the image store', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: 'FROM busybox\nRUN echo a > /a\nRUN echo b > /b\n' }, { tags: ['app'] });
    expect(d.images.all().map((i) => i.id)).toEqual([b.id]);
    expect(d.images.get(b.id)!.parent).toBe('');
    expect(d.containers.size).toBe(0);
    // the base is in BuildKit's cache: the next build pulls nothing and finds it
    const again = await build(d, { Dockerfile: 'FROM busybox\nRUN echo a > /a\nRUN echo b > /b\n' });
    expect(again.id).toBe(b.id);
  });

  it('a failed RUN: BuildKit\'s message, exit 1, its lines, and nothing left behind', async () => {
    const d = daemon();
    const e = await failure(d, { Dockerfile: 'FROM busybox\nRUN false\n' });
    expect(e.buildkit).toBe('process "/bin/sh -c false" did not complete successfully: exit code: 1');
    expect(e.exitCode).toBe(1);
    expect(e.opts.line).toEqual({ start: 2, end: 2 });
    expect(d.images.all()).toEqual([]);
    expect(d.containers.size).toBe(0);
  });

  it('a bad EXPOSE fails as nat.ParsePortSpecs does', async () => {
    const d = daemon();
    expect((await failure(d, { Dockerfile: 'FROM busybox\nEXPOSE 80/xyz\n' })).buildkit).toBe('invalid proto: xyz');
    expect((await failure(d, { Dockerfile: 'FROM busybox\nEXPOSE 70000\n' })).buildkit).toBe('invalid containerPort: 70000');
  });
});

describe('legacy builder: the context tar as sent', () => {
  it('a context whose tar names owners (GNU tar on stdin) misses the cache of the same files sent without names (measured)', async () => {
    const d = daemon();
    const df = 'FROM busybox\nCOPY f /\n';
    const member = (name: string, text: string, owner: string) => ({
      name, typeflag: '0', mode: 0o644, uid: 0, gid: 0, uname: owner, gname: owner, size: text.length, mtime: 0, linkname: '', data: enc.encode(text),
    });
    const tar = (owner: string) => encodeArchive([member('./Dockerfile', df, owner), member('./f', 'x\n', owner)]);
    const legacy = async (context: Uint8Array) => {
      const events: BuildEvent[] = [];
      const req: BuildRequest = { builder: 'legacy', context, dockerfile: '', tags: [], buildArgs: {}, labels: {}, noCache: false, pull: false, rm: true, forceRm: false, quiet: false };
      await d.clock.runUntil(d.build(req, (e) => events.push(e)));
      return events.filter((e) => e.type === 'cached').length;
    };
    expect(await legacy(tar(''))).toBe(0);
    expect(await legacy(tar(''))).toBe(1);
    expect(await legacy(tar('root'))).toBe(0);
    expect(await legacy(tar('root'))).toBe(1);
  });

  it('CMD and ENTRYPOINT leave ArgsEscaped out of the image (resolveCmdLine on Linux; measured in a saved config)', async () => {
    const d = daemon();
    const context = encodeArchive([{ name: 'Dockerfile', typeflag: '0', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', size: 24, mtime: 0, linkname: '', data: enc.encode('FROM busybox\nCMD echo hi\n') }]);
    const req: BuildRequest = { builder: 'legacy', context, dockerfile: '', tags: [], buildArgs: {}, labels: {}, noCache: false, pull: false, rm: true, forceRm: false, quiet: false };
    const id = await d.clock.runUntil(d.build(req, () => {}));
    const json = d.images.get(id)!.configJson;
    expect(json).toContain('"Cmd":["/bin/sh","-c","echo hi"],"Image"');
    expect(json).not.toContain('ArgsEscaped');
  });

  it('labels in each intermediate image as the reference engine wrote them (container_config {} for a step\'s own container)', async () => {
    const d = daemon();
    const df = 'FROM busybox\nRUN true\nCOPY Dockerfile /\nENV A=1\nLABEL a=b\nCMD ["x"]\n';
    const context = encodeArchive([{ name: 'Dockerfile', typeflag: '0', mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', size: df.length, mtime: 0, linkname: '', data: enc.encode(df) }]);
    const req: BuildRequest = { builder: 'legacy', context, dockerfile: '', tags: [], buildArgs: {}, labels: {}, noCache: false, pull: false, rm: true, forceRm: false, quiet: false };
    let id = await d.clock.runUntil(d.build(req, () => {}));
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const img = d.images.get(id)!;
      const json = JSON.parse(img.configJson) as { config: { Labels: unknown }; container_config: { Labels: unknown; Cmd: string[] } };
      seen.push(`${JSON.stringify(json.container_config.Labels)} ${JSON.stringify(json.config.Labels)} | ${json.container_config.Cmd.at(-1)}`);
      id = img.parent;
    }
    // docker image inspect of the chain on dockerd 20.10 (.ContainerConfig.Labels, .Config.Labels)
    expect(seen).toEqual([
      '{"a":"b"} {"a":"b"} | CMD ["x"]',
      '{"a":"b"} {"a":"b"} | LABEL a=b',
      '{} null | ENV A=1',
      // the same file sent by docker/cli (uid 0, no names, 0644) had this tarsum on the reference engine
      'null null | #(nop) COPY file:8e6f7a7bceb3109019f0f8f7569c800a51dfc9543629c81c7a8dab2fe789a89e in / ',
      'null null | true',
    ]);
  });
});

describe('BuildKit base images', () => {
  it('a base in the image store is used as it is: its vertex has no digest (ResolveImageConfig prefers local); one from the registry is pinned', async () => {
    const d = daemon();
    const remote = await build(d, { Dockerfile: 'FROM busybox\n' });
    expect(remote.vertices[0]).toMatch(/^\[1\/1\] FROM docker\.io\/library\/busybox:latest@sha256:[0-9a-f]{64}$/);
    await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
    const local = await build(d, { Dockerfile: 'FROM busybox\n' });
    expect(local.vertices).toEqual(['[1/1] FROM docker.io/library/busybox:latest']);
    expect(local.id).toBe(remote.id);
  });
});

describe('STOPSIGNAL', () => {
  it('refuses what signal.ParseSignal refuses, in both builders', async () => {
    const d = daemon();
    expect((await failure(d, { Dockerfile: 'FROM busybox\nSTOPSIGNAL SIGFOO\n' })).buildkit).toBe('Invalid signal: SIGFOO');
    expect((await failure(d, { Dockerfile: 'FROM busybox\nSTOPSIGNAL 0\n' }, { builder: 'legacy' })).message).toBe('Invalid signal: 0');
    const ok = await build(d, { Dockerfile: 'FROM busybox\nSTOPSIGNAL sigrtmin+3\n' });
    expect(ok.config.config.StopSignal).toBe('sigrtmin+3');
  });
});

describe('BuildKit resolves the images first', () => {
  it('loads the metadata of each image the target needs once (bases and COPY --from images); a bad name fails before any step', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: 'FROM busybox AS a\nFROM busybox\nCOPY --from=busybox /etc/group /g\nCOPY --from=a /etc/group /h\n' });
    expect(b.events.filter((e) => e.type === 'metadata')).toEqual([{ type: 'metadata', ref: 'docker.io/library/busybox:latest' }]);
    const e = await failure(d, { Dockerfile: 'FROM busybox\nRUN true\nCOPY --from=Busybox /a /b\n' });
    expect(e.buildkit).toBe('failed to parse stage name "Busybox": invalid reference format: repository name (library/Busybox) must be lowercase');
    expect(e.opts.line).toEqual({ start: 3, end: 3 });
    expect(e.opts.early).toBe(true);
    expect((await failure(d, { Dockerfile: 'FROM busybox:a:b\n' })).buildkit).toBe('failed to parse stage name "busybox:a:b": invalid reference format');
  });
});

describe('BuildKit WORKDIR', () => {
  it('makes the directories it creates as the USER (an existing one keeps its owner, but still makes a layer)', async () => {
    const d = daemon();
    const b = await build(d, { Dockerfile: 'FROM busybox\nUSER nobody\nWORKDIR /home/app/src\nWORKDIR /etc\n' });
    const img = d.images.get(b.id)!;
    const fs = new UnionFs(img.chainIds.map((c) => d.layers.get(c)!.tree).reverse(), { clock: d.clock });
    expect([fs.stat('/home/app').uid, fs.stat('/home/app/src').uid, fs.stat('/home/app/src').gid]).toEqual([65534, 65534, 65534]);
    expect(fs.stat('/etc').uid).toBe(0);
    expect(rows(b.config)).toEqual(['USER nobody (empty)', 'WORKDIR /home/app/src', 'WORKDIR /etc']);
    // the empty layer of WORKDIR /etc: an empty tar's DiffID
    expect(b.config.rootfs.diff_ids.at(-1)).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });
});

describe('BuildKit: an image it cannot resolve', () => {
  it('names it as written, says what containerd\'s resolver says, and suggests a near name (dockerfile2llb, util/suggest)', async () => {
    const d = daemon();
    expect((await failure(d, { Dockerfile: 'FROM busybx\n' })).buildkit).toBe(
      'busybx: failed to resolve source metadata for docker.io/library/busybx:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed (did you mean busybox?)',
    );
    expect((await failure(d, { Dockerfile: 'FROM busybox:nosuch\n' })).buildkit).toBe(
      'busybox:nosuch: failed to resolve source metadata for docker.io/library/busybox:nosuch: docker.io/library/busybox:nosuch: not found',
    );
    // resolved before any step runs: the RUN never starts
    const events: BuildEvent[] = [];
    const req: BuildRequest = { builder: 'buildkit', context: context({ Dockerfile: 'FROM busybox AS build\nRUN true\nFROM scratch\nCOPY --from=buidl /a /a\n' }), dockerfile: 'Dockerfile', tags: [], buildArgs: {}, labels: {}, noCache: false, pull: false, rm: true, forceRm: false, quiet: false };
    const e = await d.clock.runUntil(d.build(req, (x) => events.push(x))).catch((x: unknown) => x as BuildError);
    expect((e as BuildError).buildkit).toMatch(/^buidl: failed to resolve source metadata for docker\.io\/library\/buidl:latest: pull access denied, .* \(did you mean build\?\)$/);
    expect((e as BuildError).opts).toMatchObject({ line: { start: 4, end: 4 } });
    expect(events.filter((x) => x.type === 'step')).toEqual([]);
  });
});

describe('BuildKit asks the registry each time', () => {
  it('an image pushed since the last build is the base of the next (not in the image store either way)', async () => {
    const d = daemon();
    const publish = async (text: string) => {
      const b = await build(d, { Dockerfile: `FROM busybox\nRUN echo ${text} > /v\n` }, { tags: ['127.0.0.1:5000/base'] });
      await d.clock.runUntil(d.imageService.push('127.0.0.1:5000/base', () => {}));
      d.imageService.remove('127.0.0.1:5000/base', true);
      return b.id;
    };
    await publish('one');
    const first = await build(d, { Dockerfile: 'FROM 127.0.0.1:5000/base\n' });
    await publish('two');
    const second = await build(d, { Dockerfile: 'FROM 127.0.0.1:5000/base\n' });
    expect(second.vertices[0]).not.toBe(first.vertices[0]);
    expect(second.config.rootfs.diff_ids.at(-1)).not.toBe(first.config.rootfs.diff_ids.at(-1));
    expect(d.images.all().filter((i) => d.refs.tagsOf(i.id).length > 0)).toEqual([]);
  });
});

describe('BuildKit --target', () => {
  it('an unknown target: dockerfile2llb\'s message with util/suggest\'s near stage name', async () => {
    const d = daemon();
    expect((await failure(d, { Dockerfile: 'FROM busybox AS build\nFROM busybox\n' }, { target: 'biuld' })).buildkit).toBe('target stage "biuld" could not be found (did you mean build?)');
    expect((await failure(d, { Dockerfile: 'FROM busybox AS build\n' }, { target: 'nothing' })).buildkit).toBe('target stage "nothing" could not be found');
    expect((await failure(d, { Dockerfile: 'FROM busybox\n' }, { target: 'stage-1' })).buildkit).toBe('target stage "stage-1" could not be found (did you mean stage-0?)');
  });
});

describe('BuildKit step names (processCmdEnv)', () => {
  it('substitute the stage\'s variables: RUN keeps quotes and unset variables, COPY and WORKDIR do not', async () => {
    const d = daemon();
    const b = await build(d, {
      Dockerfile: 'FROM busybox\nARG D=dir\nENV F=f\nrun echo "$D" $UNSET \'$F\'\nCOPY "$F" /$D/\nWORKDIR /$D/$UNSET\n',
      f: '',
    });
    expect(b.vertices.slice(1)).toEqual(['[2/4] RUN echo "dir" $UNSET \'$F\'', '[3/4] COPY f /dir/', '[4/4] WORKDIR /dir/']);
  });
});

describe('BuildKit RUN as a user the image does not know', () => {
  it('fails with runc\'s words', async () => {
    const d = daemon();
    expect((await failure(d, { Dockerfile: 'FROM busybox\nUSER nosuch\nRUN true\n' })).buildkit).toBe('unable to find user nosuch: no matching entries in passwd file');
  });
});
