// `docker build`'s context on the client side. The tars in testdata/context
// are what the docker 28.2 client sent the reference daemon
// (DOCKER_BUILDKIT=0), captured on the API socket; the errors are its output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../command.ts';
import { CliError } from '../../../command.ts';
import { UnionFs } from '../../../../engine/fs/union.ts';
import type { Fs } from '../../../../engine/fs/types.ts';
import { LayerTree } from '../../../../engine/layer/tree.ts';
import { readLayerTarSync } from '../../../../engine/layer/tar.ts';
import { openBuildContext } from '../../../../engine/build/context.ts';
import { isArchive, isGitURL, isURL, prepareContext, prepareContextFromBytes, type ContextOptions } from './context.ts';

const dir = new URL('./testdata/context/', import.meta.url);
const golden = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const enc = new TextEncoder();
const dec = new TextDecoder();

function host(now = Date.UTC(2026, 11, 6, 10, 26, 7)) {
  const clock = { t: now, now: () => clock.t };
  const fs = new UnionFs([new LayerTree()], { clock });
  fs.mkdir('/work', { recursive: true });
  return { fs, clock };
}

function cli(fs: Fs, cwd: string, stdin = ''): CliContext {
  let done = false;
  return {
    stdout: { write: () => {} },
    stderr: { write: () => {} },
    stdin: { read: async () => (done || !stdin ? null : ((done = true), stdin)) },
    env: new Map(),
    tty: false,
    host: { fs, cwd },
    daemon: null,
  };
}

/** Writes a tar's entries under `root` with their modes and mtimes (the host the reference build had). */
function hostFromTar(fs: UnionFs, clock: { t: number }, tar: Uint8Array, root: string): void {
  const src = new UnionFs([readLayerTarSync(tar)], { clock: { now: () => 0 } });
  const dirs: Array<[string, number, number]> = [];
  fs.mkdir(root, { recursive: true });
  const walk = (p: string) => {
    for (const name of src.readdir(p || '/')) {
      const from = `${p}/${name}`;
      const to = `${root}${from}`;
      const st = src.lstat(from);
      if (st.type === 'dir') {
        fs.mkdir(to);
        dirs.push([to, st.mode, st.mtime]);
        walk(from);
      } else if (st.type === 'symlink') {
        clock.t = st.mtime;
        fs.symlink(src.readlink(from), to);
      } else {
        fs.writeFile(to, src.readFile(from));
        fs.chmod(to, st.mode);
        fs.utimes(to, st.mtime);
      }
    }
  };
  walk('');
  for (const [p, mode, mtime] of dirs.reverse()) {
    fs.chmod(p, mode);
    fs.utimes(p, mtime);
  }
}

async function failure(p: Promise<unknown>): Promise<[string, number]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CliError) return [e.message, e.status];
    throw e;
  }
  throw new Error('no error');
}

const fixed: ContextOptions = { randomId: () => 'f28a4d78329be542252f'.padEnd(64, '0') };

describe('the context tar, byte for byte as docker/cli sends it', () => {
  it('a directory with a symlink, subdirectories, an exception under an excluded directory', async () => {
    const real = golden('dir-with-dockerignore.tar');
    const { fs, clock } = host();
    hostFromTar(fs, clock, real, '/work/c2');
    // what .dockerignore left out on the reference host
    fs.writeFile('/work/c2/sub/deep/b.md', enc.encode('x\n'));
    const got = await prepareContext(cli(fs, '/work/c2'), '.');
    expect(got.dockerfile).toBe('Dockerfile');
    expect(got.dockerfileText).toBe('FROM busybox\nCOPY . /ctx\nRUN find /ctx | sort\n');
    expect(got.sentBytes).toBe(6656);
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('long names (USTAR prefix, PAX path), a non-ASCII name, a setuid file, an absolute symlink', async () => {
    const real = golden('long-and-unicode-names.tar');
    const { fs, clock } = host();
    hostFromTar(fs, clock, real, '/work/c7');
    const got = await prepareContext(cli(fs, '/work'), 'c7');
    expect(got.tar.length).toBe(10240);
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('one small Dockerfile: 2048 bytes (`Sending build context to Docker daemon  2.048kB`)', async () => {
    const { fs } = host();
    fs.mkdir('/work/c1');
    fs.writeFile('/work/c1/Dockerfile', enc.encode('FROM busybox\nRUN true\n'));
    const got = await prepareContext(cli(fs, '/work'), 'c1');
    expect(got.tar.length).toBe(2048);
    expect(dec.decode(got.tar.subarray(0, 10))).toBe('Dockerfile');
  });

  it('-f outside the context: a generated name, .dockerignore made, the archive cut after the last data', async () => {
    const real = golden('outside-dockerfile.tar');
    const { fs, clock } = host();
    fs.mkdir('/work/c3/ctx', { recursive: true });
    fs.writeFile('/work/c3/Df', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/c3/ctx/f', enc.encode('a\n'));
    fs.utimes('/work/c3/ctx/f', 0o15305234171 * 1000);
    const got = await prepareContext(cli(fs, '/work/c3'), 'ctx', 'Df', { ...fixed, now: () => 0o15305234171 * 1000 + 123 });
    void clock;
    expect(got.dockerfile).toBe('.dockerfile.f28a4d78329be542252f');
    expect(got.dockerfileText).toBe('FROM busybox\n');
    expect(got.tar.length).toBe(2607);
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('-f outside the context with a .dockerignore there: its header kept, the name appended', async () => {
    const real = golden('outside-dockerfile-existing-ignore.tar');
    const { fs } = host();
    fs.mkdir('/work/c3/ctx', { recursive: true });
    fs.writeFile('/work/c3/Df', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/c3/ctx/f', enc.encode('a\n'));
    fs.utimes('/work/c3/ctx/f', 0o15305234171 * 1000);
    fs.writeFile('/work/c3/ctx/.dockerignore', enc.encode('zzz\n'));
    fs.utimes('/work/c3/ctx/.dockerignore', 0o15305234211 * 1000);
    const got = await prepareContext(cli(fs, '/work/c3'), 'ctx', 'Df', {
      randomId: () => 'feba06aab31f4a9272f1'.padEnd(64, '0'),
      now: () => 0o15305234211 * 1000,
    });
    expect(got.tar.length).toBe(2573);
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('`-` with a Dockerfile on stdin: a one-file context named Dockerfile', async () => {
    const real = golden('stdin-dockerfile.tar');
    const { fs } = host();
    const got = await prepareContext(cli(fs, '/work', 'FROM busybox\n'), '-', undefined, { now: () => 0o15305234173 * 1000 });
    expect(got.dockerfile).toBe('Dockerfile');
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('`-` with nothing on stdin: an empty Dockerfile (1536 bytes; the daemon refuses it)', async () => {
    const real = golden('stdin-empty.tar');
    const { fs } = host();
    const got = await prepareContext(cli(fs, '/work'), '-', undefined, { now: () => readMtime(real) * 1000 });
    expect(got.tar.length).toBe(1536);
    expect(Buffer.from(got.tar).equals(Buffer.from(real))).toBe(true);
  });

  it('-f - with a directory: the Dockerfile from stdin under a generated name', async () => {
    const { fs } = host();
    fs.mkdir('/work/ctx');
    fs.writeFile('/work/ctx/f', enc.encode('a\n'));
    const got = await prepareContext(cli(fs, '/work'), 'ctx', '-', fixed);
    // measured: `docker build -f - ctx </dev/null` sends 2.095kB
    expect(got.tar.length).toBe(2095);
    expect(got.dockerfile).toBe('.dockerfile.f28a4d78329be542252f');
  });
});

function readMtime(tar: Uint8Array): number {
  return parseInt(dec.decode(tar.subarray(136, 147)), 8);
}

describe('.dockerignore while walking: the entries the reference engine sent', () => {
  const data = JSON.parse(readFileSync(new URL('dockerignore-cases.json', dir), 'utf8')) as {
    files: string[];
    cases: Array<{ dockerignore: string; sent: string[] }>;
  };
  it.each(data.cases.map((c, i) => [i, c] as const))('case %i', async (_i, c) => {
    const { fs } = host();
    for (const f of data.files) {
      const path = `/work/ctx/${f}`;
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
      fs.writeFile(path, enc.encode(`${f}\n`));
    }
    fs.writeFile('/work/ctx/Dockerfile', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/ctx/.dockerignore', enc.encode(c.dockerignore));
    const got = await prepareContext(cli(fs, '/work'), 'ctx');
    const names = [...new UnionFs([readLayerTarSync(got.tar)], { clock: { now: () => 0 } }).readdir('/')];
    expect(names.length).toBeGreaterThan(0);
    expect(tarNames(got.tar).sort()).toEqual([...c.sent].sort());
  });
});

/** The names in a tar, as `tar tf` lists them. */
function tarNames(tar: Uint8Array): string[] {
  const out: string[] = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const name = dec.decode(h.subarray(0, 100)).replace(/\0.*$/s, '');
    const prefix = dec.decode(h.subarray(345, 500)).replace(/\0.*$/s, '');
    out.push(prefix ? `${prefix}/${name}` : name);
    const size = parseInt(dec.decode(h.subarray(124, 136)).replace(/\0.*$/s, '') || '0', 8);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('errors, as docker/cli prints them (exit status 1)', () => {
  function setup() {
    const { fs } = host();
    fs.mkdir('/work/c3/ctx', { recursive: true });
    fs.writeFile('/work/c3/Df', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/c3/ctx/f', enc.encode('a\n'));
    return fs;
  }

  it.each([
    ['nosuch', undefined, 'unable to prepare context: path "nosuch" not found'],
    ['~', undefined, 'unable to prepare context: path "~" not found'],
    ['Df', undefined, 'unable to prepare context: context must be a directory: /work/c3/Df'],
    ['ctx', undefined, 'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/c3/ctx/Dockerfile: no such file or directory'],
    ['ctx', 'nope', 'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/c3/nope: no such file or directory'],
    ['ctx', '/abs/nope', 'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /abs: no such file or directory'],
    ['-', '-', "invalid argument: can't use stdin for both build context and dockerfile"],
    ['http://127.0.0.1:1/x.tar', undefined, 'unable to prepare context: unable to download remote context http://127.0.0.1:1/x.tar: Get "http://127.0.0.1:1/x.tar": dial tcp 127.0.0.1:1: connect: connection refused'],
  ])('docker build -f %s %s', async (arg, f, message) => {
    const fs = setup();
    expect(await failure(prepareContext(cli(fs, '/work/c3'), arg, f))).toEqual([message, 1]);
  });

  it('symlinks on the way to the Dockerfile are followed; the error names the lstat that failed (measured)', async () => {
    const fs = setup();
    fs.symlink('nowhere', '/work/c3/ctx/dangling');
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx', 'ctx/dangling'))).toEqual([
      'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/c3/ctx/nowhere: no such file or directory',
      1,
    ]);
    fs.symlink('../../outside.df', '/work/c3/ctx/link.df');
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx', 'ctx/link.df'))).toEqual([
      'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /work/outside.df: no such file or directory',
      1,
    ]);
  });

  it('a .dockerignore that is a directory (measured)', async () => {
    const fs = setup();
    fs.writeFile('/work/c3/ctx/Dockerfile', enc.encode('FROM busybox\n'));
    fs.mkdir('/work/c3/ctx/.dockerignore');
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx'))).toEqual([
      'error reading .dockerignore: read /work/c3/ctx/.dockerignore: is a directory',
      1,
    ]);
  });

  it('a Dockerfile .dockerignore excludes is sent all the same (measured: *.dev and -f Dockerfile.dev)', async () => {
    const fs = setup();
    fs.writeFile('/work/c3/ctx/Dockerfile.dev', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/c3/ctx/.dockerignore', enc.encode('*.dev\n'));
    fs.writeFile('/work/c3/ctx/other.dev', enc.encode(''));
    const got = await prepareContext(cli(fs, '/work/c3'), 'ctx', 'ctx/Dockerfile.dev');
    expect(tarNames(got.tar)).toEqual(['.dockerignore', 'Dockerfile.dev', 'f']);
  });

  it('a Dockerfile symlinked out of the context: docker/cli opens -f as typed, "" without -f (measured)', async () => {
    const fs = setup();
    fs.symlink('../Df', '/work/c3/ctx/Dockerfile');
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx'))).toEqual(['unable to open Dockerfile: open : no such file or directory', 1]);
    const got = await prepareContext(cli(fs, '/work/c3'), 'ctx', 'ctx/Dockerfile', fixed);
    expect(got.dockerfile).toBe('.dockerfile.f28a4d78329be542252f');
    expect(got.dockerfileText).toBe('FROM busybox\n');
  });

  it('-q with a URL context: docker/cli prints its empty progress buffer first (measured: a blank line)', async () => {
    const fs = setup();
    let err = '';
    const c = { ...cli(fs, '/work/c3'), stderr: { write: (t: string) => void (err += t) } };
    await failure(prepareContext(c, 'http://127.0.0.1:1/x.tar', undefined, { quiet: true }));
    expect(err).toBe('\n');
    err = '';
    await failure(prepareContext(c, 'http://127.0.0.1:1/x.tar'));
    expect(err).toBe('');
  });

  it('stdin that lost bytes on the way (a gzip through the text streams) is refused, not built', async () => {
    const fs = setup();
    const gz = new TextDecoder().decode(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x41]));
    expect(await failure(prepareContext(cli(fs, '/work/c3', gz), '-'))).toEqual([
      "unable to prepare context: binary data cannot pass through the simulator's text streams (build from a directory instead)",
      1,
    ]);
  });

  it('a Dockerfile on stdin and -f naming another: ambiguous', async () => {
    const fs = setup();
    expect(await failure(prepareContext(cli(fs, '/work/c3', 'FROM busybox\n'), '-', 'Df'))).toEqual([
      'unable to prepare context: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles',
      1,
    ]);
  });

  it('BuildKit: buildx\'s own texts, wrapped in `ERROR: failed to build:`', async () => {
    const fs = setup();
    const bk: ContextOptions = { builder: 'buildkit' };
    expect(await failure(prepareContext(cli(fs, '/work/c3', 'FROM busybox\n'), '-', 'Df', bk))).toEqual([
      'ERROR: failed to build: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles',
      1,
    ]);
    expect(await failure(prepareContext(cli(fs, '/work/c3'), '-', '-', bk))).toEqual([
      "ERROR: failed to build: invalid argument: can't use stdin for both build context and dockerfile",
      1,
    ]);
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'nosuch', undefined, bk))).toEqual(['ERROR: failed to build: unable to prepare context: path "nosuch" not found', 1]);
  });

  it('a malformed .dockerignore stops the build before anything is sent', async () => {
    const fs = setup();
    fs.writeFile('/work/c3/ctx/Dockerfile', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/c3/ctx/.dockerignore', enc.encode('[\n'));
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx'))).toEqual(['error checking context: syntax error in pattern', 1]);
    fs.writeFile('/work/c3/ctx/.dockerignore', enc.encode('!\n'));
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'ctx'))).toEqual(['error checking context: illegal exclusion pattern: "!"', 1]);
  });

  it('BuildKit (buildx): a file is no context; a missing Dockerfile is the daemon\'s to report', async () => {
    const fs = setup();
    const bk: ContextOptions = { builder: 'buildkit' };
    expect(await failure(prepareContext(cli(fs, '/work/c3'), 'Df', undefined, bk))).toEqual(['ERROR: failed to build: unable to prepare context: path "Df" not found', 1]);
    const got = await prepareContext(cli(fs, '/work/c3'), 'ctx', undefined, bk);
    expect(got.dockerfile).toBe('Dockerfile');
    expect(tarNames(got.tar)).toEqual(['f']);
  });
});

describe('where the Dockerfile is', () => {
  it('-f is relative to the working directory, and may name a file deeper in the context', async () => {
    const { fs } = host();
    fs.mkdir('/work/app/sub', { recursive: true });
    fs.writeFile('/work/app/sub/Dockerfile.dev', enc.encode('FROM busybox\n'));
    const got = await prepareContext(cli(fs, '/work'), 'app', 'app/sub/Dockerfile.dev');
    expect(got.dockerfile).toBe('sub/Dockerfile.dev');
    expect(got.definitionName).toBe('sub/Dockerfile.dev');
    const bk = await prepareContext(cli(fs, '/work'), 'app', 'app/sub/Dockerfile.dev', { builder: 'buildkit' });
    expect(bk.dockerfile).toBe('sub/Dockerfile.dev');
    expect(bk.definitionName).toBe('Dockerfile.dev');
  });

  it('a lower-case dockerfile is taken when there is no Dockerfile (measured)', async () => {
    const { fs } = host();
    fs.mkdir('/work/lower');
    fs.writeFile('/work/lower/dockerfile', enc.encode('FROM busybox\n'));
    const got = await prepareContext(cli(fs, '/work'), 'lower');
    expect(got.dockerfile).toBe('dockerfile');
    expect(got.tar.length).toBe(2048);
  });

  it('the root directory as the context', async () => {
    const { fs } = host();
    fs.writeFile('/Dockerfile', enc.encode('FROM busybox\n'));
    fs.writeFile('/.dockerignore', enc.encode('work\n'));
    const got = await prepareContext(cli(fs, '/work'), '/');
    expect(got.dockerfile).toBe('Dockerfile');
    expect(tarNames(got.tar)).toEqual(['.dockerignore', 'Dockerfile']);
  });

  it('a context reached through a symlink is resolved', async () => {
    const { fs } = host();
    fs.mkdir('/work/real');
    fs.writeFile('/work/real/Dockerfile', enc.encode('FROM busybox\n'));
    fs.symlink('real', '/work/link');
    const got = await prepareContext(cli(fs, '/work'), 'link');
    expect(tarNames(got.tar)).toEqual(['Dockerfile']);
  });

  it('a tar on stdin is the context as is; -f names the Dockerfile in it', async () => {
    const { fs } = host();
    fs.mkdir('/work/c');
    fs.writeFile('/work/c/Df', enc.encode('FROM busybox\n'));
    const inner = await prepareContext(cli(fs, '/work'), 'c', 'c/Df');
    const got = await prepareContext(cli(fs, '/work', dec.decode(inner.tar)), '-', 'Df');
    expect(got.dockerfile).toBe('Df');
    expect(Buffer.from(got.tar).equals(Buffer.from(inner.tar))).toBe(true);
  });
});

describe('kinds of context', () => {
  it('a git URL: cloned into a temporary directory, sent like a local one, the clone removed after', async () => {
    const { fs } = host();
    fs.mkdir('/tmp', { recursive: true });
    const got = await prepareContext(cli(fs, '/work'), 'https://github.com/berth-samples/friendlyhello.git');
    expect(got.dockerfile).toBe('Dockerfile');
    expect(got.dockerfileText).toContain('FROM python:2.7-slim\n');
    expect(tarNames(got.tar)).toEqual(expect.arrayContaining(['Dockerfile', 'app.py', 'requirements.txt']));
    expect(fs.readdir('/tmp')).toEqual([]);
    expect(await failure(prepareContext(cli(fs, '/work'), 'https://github.com/berth-samples/friendlyhello.git', 'nope'))).toEqual([
      expect.stringMatching(/^unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat \/tmp\/docker-build-git\d+\/nope: no such file or directory$/),
      1,
    ]);
  });

  it('URLs and git URLs as docker/cli tells them apart', () => {
    expect(isURL('https://example.com/x.tar.gz')).toBe(true);
    expect(isGitURL('https://example.com/x.tar.gz')).toBe(false);
    expect(isGitURL('https://github.com/docker/rootfs.git#container:docker')).toBe(true);
    expect(isGitURL('github.com/docker/rootfs')).toBe(true);
    expect(isGitURL('git@github.com:docker/rootfs.git')).toBe(true);
    expect(isGitURL('git://github.com/docker/rootfs')).toBe(true);
    expect(isURL('ftp://x')).toBe(false);
  });

  it('archives on stdin: tar or a compression magic; text is a Dockerfile', () => {
    expect(isArchive(golden('stdin-dockerfile.tar'))).toBe(true);
    expect(isArchive(enc.encode('FROM busybox\n'))).toBe(false);
    expect(isArchive(new Uint8Array(0))).toBe(false);
    expect(isArchive(new Uint8Array([0x1f, 0x8b, 0x08, 0]))).toBe(true);
    expect(isArchive(enc.encode('BZh91AY'))).toBe(true);
  });

  it('a compressed archive on stdin goes to the daemon as it came (measured: `BZhxyz` sends 6B)', () => {
    const bz = enc.encode('BZhxyz');
    const got = prepareContextFromBytes(bz, undefined);
    expect(got.tar).toBe(bz);
    expect(got.sentBytes).toBe(6);
    expect(got.dockerfile).toBe('');
  });
});

describe('what the daemon side makes of it', () => {
  const clock = { now: () => 0 };

  it('-f outside the context: the daemon reads the generated Dockerfile and COPY . sees only the context', async () => {
    const { fs } = host();
    fs.mkdir('/work/ctx');
    fs.writeFile('/work/Dockerfile.dev', enc.encode('FROM busybox\nCOPY . /ctx\n'));
    fs.writeFile('/work/ctx/app.js', enc.encode('x\n'));
    for (const builder of ['legacy', 'buildkit'] as const) {
      const sent = await prepareContext(cli(fs, '/work/ctx'), '.', '../Dockerfile.dev', { builder });
      const c = openBuildContext({ context: sent.tar, dockerfile: sent.dockerfile, builder }, clock);
      expect(c.dockerfile.text).toBe('FROM busybox\nCOPY . /ctx\n');
      expect(c.fs.readdir('/')).toEqual(['app.js']);
    }
  });

  it('a Dockerfile .dockerignore names is sent, read, then left out of the context', async () => {
    const { fs } = host();
    fs.mkdir('/work/ctx');
    fs.writeFile('/work/ctx/Dockerfile', enc.encode('FROM busybox\n'));
    fs.writeFile('/work/ctx/.dockerignore', enc.encode('Dockerfile\n.dockerignore\n*.log\n'));
    fs.writeFile('/work/ctx/keep', enc.encode(''));
    fs.writeFile('/work/ctx/x.log', enc.encode('log\n'));
    const sent = await prepareContext(cli(fs, '/work'), 'ctx');
    expect(tarNames(sent.tar)).toEqual(['.dockerignore', 'Dockerfile', 'keep']);
    const c = openBuildContext({ context: sent.tar, dockerfile: sent.dockerfile, builder: 'legacy' }, clock);
    expect(c.fs.readdir('/')).toEqual(['keep']);
  });
});
