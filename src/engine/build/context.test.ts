// The build context on the daemon side. The archives in
// src/cli/commands/image/build/testdata/context are what the docker 28.2
// client sent the reference daemon; the messages are that daemon's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FsError } from '../fs/types.ts';
import { concatBytes } from '../layer/bytes.ts';
import { gzipStored } from '../layer/gzip.ts';
import { NO_NAMES, layerTarBytes } from '../layer/tar.ts';
import { LayerTree } from '../layer/tree.ts';
import { openBuildContext, transferBytes } from './context.ts';
import { BuildError } from './types.ts';

const testdata = new URL('../../cli/commands/image/build/testdata/context/', import.meta.url);
const golden = (name: string) => new Uint8Array(readFileSync(new URL(name, testdata)));
const enc = new TextEncoder();
const clock = { now: () => Date.UTC(2026, 11, 6) };

function tarOf(files: Record<string, string>): Uint8Array {
  const tree = LayerTree.from(Object.entries(files).map(([path, content]) => ({ type: 'file' as const, path, content, mode: 0o644 })));
  return layerTarBytes(tree, { names: NO_NAMES });
}

function failure(f: () => unknown): { legacy: string; buildkit: string; early: boolean } {
  try {
    f();
  } catch (e) {
    if (e instanceof BuildError) return { legacy: e.message, buildkit: e.buildkit, early: e.opts.early === true };
    throw e;
  }
  throw new Error('no error');
}

describe('openBuildContext', () => {
  it('reads the archive docker/cli cuts short (-f outside the context) and leaves out the generated Dockerfile and .dockerignore', () => {
    const c = openBuildContext({ context: golden('outside-dockerfile.tar'), dockerfile: '.dockerfile.f28a4d78329be542252f', builder: 'legacy' }, clock);
    expect(c.dockerfile).toEqual({ name: '.dockerfile.f28a4d78329be542252f', text: 'FROM busybox\n', bytes: 13 });
    expect(c.dockerignore.patterns).toEqual(['.dockerignore', '.dockerfile.f28a4d78329be542252f']);
    expect(c.fs.readdir('/')).toEqual(['f']);
  });

  it('keeps the Dockerfile and .dockerignore when .dockerignore does not name them', () => {
    const c = openBuildContext({ context: golden('dir-with-dockerignore.tar'), dockerfile: 'Dockerfile', builder: 'legacy' }, clock);
    expect(c.fs.readdir('/')).toEqual(['.dockerignore', 'Dockerfile', 'link', 'other', 'sub']);
    expect(c.fs.readlink('/link')).toBe('sub/a.txt');
    expect(new TextDecoder().decode(c.fs.readFile('/link'))).toBe('hi\n');
    expect(c.dockerignore.bytes).toBe(28);
  });

  it('removes them when it does (measured: COPY . /ctx then lists only /ctx/keep)', () => {
    const tar = tarOf({ Dockerfile: 'FROM busybox\n', '.dockerignore': 'Dockerfile\n.dockerignore\nx*\n', keep: '' });
    for (const builder of ['legacy', 'buildkit'] as const) {
      const c = openBuildContext({ context: tar, dockerfile: 'Dockerfile', builder }, clock);
      expect(c.dockerfile.text).toBe('FROM busybox\n');
      expect(c.fs.readdir('/')).toEqual(['keep']);
    }
  });

  it('other files .dockerignore names stay: filtering is the client\'s (measured: a tar on stdin)', () => {
    const tar = tarOf({ Dockerfile: 'FROM busybox\n', '.dockerignore': 'x*\n', xa: '', keep: '' });
    const c = openBuildContext({ context: tar, dockerfile: '', builder: 'legacy' }, clock);
    expect(c.fs.readdir('/')).toEqual(['.dockerignore', 'Dockerfile', 'keep', 'xa']);
  });

  it('the default name is Dockerfile; both builders fall back to dockerfile, BuildKit in any directory', () => {
    const tar = tarOf({ dockerfile: 'FROM busybox\n', 'sub/dockerfile': 'FROM busybox\n' });
    expect(openBuildContext({ context: tar, dockerfile: '', builder: 'legacy' }, clock).dockerfile.name).toBe('dockerfile');
    expect(openBuildContext({ context: tar, dockerfile: '', builder: 'buildkit' }, clock).dockerfile.name).toBe('dockerfile');
    expect(openBuildContext({ context: tar, dockerfile: 'sub/Dockerfile', builder: 'buildkit' }, clock).dockerfile.name).toBe('sub/dockerfile');
    expect(failure(() => openBuildContext({ context: tar, dockerfile: 'sub/Dockerfile', builder: 'legacy' }, clock)).legacy).toBe(
      'Cannot locate specified Dockerfile: sub/Dockerfile',
    );
  });

  it('no Dockerfile: the daemon\'s messages (measured: a tar on stdin without one)', () => {
    const tar = tarOf({ f: 'a\n' });
    expect(failure(() => openBuildContext({ context: tar, dockerfile: '', builder: 'legacy' }, clock))).toEqual({
      legacy: 'Cannot locate specified Dockerfile: Dockerfile',
      buildkit: 'failed to read dockerfile: open Dockerfile: no such file or directory',
      early: true,
    });
    expect(failure(() => openBuildContext({ context: tar, dockerfile: 'sub/Df', builder: 'legacy' }, clock)).legacy).toBe('Cannot locate specified Dockerfile: sub/Df');
    expect(failure(() => openBuildContext({ context: tar, dockerfile: '../f', builder: 'legacy' }, clock)).legacy).toBe('Cannot locate specified Dockerfile: ../f');
    expect(failure(() => openBuildContext({ context: new Uint8Array(0), dockerfile: 'Dockerfile', builder: 'legacy' }, clock)).legacy).toBe(
      'Cannot locate specified Dockerfile: Dockerfile',
    );
  });

  it('a directory as the Dockerfile (measured: -f ctx/sub)', () => {
    const tar = layerTarBytes(LayerTree.from([{ type: 'dir', path: 'sub', mode: 0o755 }]), { names: NO_NAMES });
    const ids = { randomHex: () => '', randomInt: () => 1021456122 };
    expect(failure(() => openBuildContext({ context: tar, dockerfile: 'sub', builder: 'legacy' }, clock, ids)).legacy).toBe(
      'unexpected error reading Dockerfile: read /var/lib/docker/tmp/docker-builder1021456122/sub: is a directory',
    );
  });

  it('an empty Dockerfile (measured: `docker build - </dev/null`)', () => {
    expect(failure(() => openBuildContext({ context: golden('stdin-empty.tar'), dockerfile: 'Dockerfile', builder: 'legacy' }, clock))).toEqual({
      legacy: 'the Dockerfile (Dockerfile) cannot be empty',
      buildkit: 'the Dockerfile cannot be empty',
      early: true,
    });
  });

  it('a gzip context is read; broken compressed contexts fail as measured', () => {
    const tar = golden('stdin-dockerfile.tar');
    const gz = concatBytes([...gzipStored([tar])]);
    expect(openBuildContext({ context: gz, dockerfile: 'Dockerfile', builder: 'legacy' }, clock).dockerfile.text).toBe('FROM busybox\n');
    expect(failure(() => openBuildContext({ context: enc.encode('BZhxyz'), dockerfile: '', builder: 'legacy' }, clock)).legacy).toBe(
      'bzip2 data invalid: invalid compression level',
    );
    const badGzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, ...enc.encode('garbage')]);
    expect(failure(() => openBuildContext({ context: badGzip, dockerfile: '', builder: 'legacy' }, clock)).legacy).toBe('unexpected EOF');
  });

  it('a context that is no tar fails the API call', () => {
    const f = failure(() => openBuildContext({ context: enc.encode('not a tar at all'.repeat(40)), dockerfile: '', builder: 'legacy' }, clock));
    expect(f.early).toBe(true);
    expect(f.legacy).toMatch(/^Error processing tar file\(.+\): $/);
  });

  it('is read-only', () => {
    const c = openBuildContext({ context: golden('stdin-dockerfile.tar'), dockerfile: 'Dockerfile', builder: 'legacy' }, clock);
    expect(() => c.fs.writeFile('/x', new Uint8Array(1))).toThrow(FsError);
    expect(() => c.fs.rm('/Dockerfile')).toThrow(FsError);
    expect(c.fs.exists('/Dockerfile')).toBe(true);
  });
});

describe('transferBytes', () => {
  it('counts the bytes of the files the sources name, directories by their contents, once each', () => {
    const c = openBuildContext({ context: tarOf({ Dockerfile: 'FROM busybox\n', 'app/a.txt': 'aaaa', 'app/sub/b.txt': 'bb', 'c.txt': 'c' }), dockerfile: 'Dockerfile', builder: 'buildkit' }, clock);
    expect(transferBytes(c.fs, ['app'])).toBe(6);
    expect(transferBytes(c.fs, ['app/', './c.txt', 'app/a.txt'])).toBe(7);
    expect(transferBytes(c.fs, ['.'])).toBe(6 + 1 + 13);
    expect(transferBytes(c.fs, ['missing'])).toBe(0);
  });
});
