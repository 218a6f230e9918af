// apk on alpine:3.22. Expected lines follow apk-tools 2.14's messages
// (src/commit.c: "(%d/%d) Installing %s (%s)", "OK: %d MiB in %d packages";
// src/solver.c/commit.c: "ERROR: unable to select packages:", "(no such
// package)", "required by: world[...]"; src/app_update.c).
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';

const P = packagePrograms();
const run = (fs: UnionFs, argv: string[]) => runProgram(P.get(argv[0]!)!, argv, fs);
const dec = new TextDecoder();

describe('apk', () => {
  it('add curl: fetches the indexes, installs its dependencies first, runs the busybox trigger, OK line', async () => {
    const fs = containerFs('alpine:latest');
    const r = await run(fs, ['apk', 'add', 'curl']);
    expect(r).toMatchObject({
      status: 0,
      out:
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\n' +
        'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n' +
        '(1/9) Installing brotli-libs (1.1.0-r2)\n(2/9) Installing c-ares (1.34.5-r0)\n(3/9) Installing libunistring (1.3-r0)\n(4/9) Installing libidn2 (2.3.7-r0)\n' +
        '(5/9) Installing libpsl (0.21.5-r3)\n(6/9) Installing nghttp2-libs (1.65.0-r0)\n(7/9) Installing zstd-libs (1.5.7-r0)\n(8/9) Installing libcurl (8.14.1-r1)\n(9/9) Installing curl (8.14.1-r1)\n' +
        'Executing busybox-1.37.0-r18.trigger\nOK: 13 MiB in 25 packages\n',
    });
    expect(r.elapsed).toBeGreaterThan(1000);
    expect(fs.stat('/usr/bin/curl').mode & 0o111).toBeTruthy();
    expect(dec.decode(fs.readFile('/lib/apk/db/installed'))).toContain('P:curl\nV:8.14.1-r1\nA:x86_64\n');
    expect(dec.decode(fs.readFile('/etc/apk/world'))).toBe('curl\n');
    expect((await run(fs, ['apk', 'info'])).out).toBe('brotli-libs\nc-ares\nlibunistring\nlibidn2\nlibpsl\nnghttp2-libs\nzstd-libs\nlibcurl\ncurl\n');
    // the indexes are cached now: no fetch, nothing new to install
    expect((await run(fs, ['apk', 'add', 'curl'])).out).toBe('OK: 13 MiB in 25 packages\n');
  });

  it('an unknown package: ERROR: unable to select packages (exit 1)', async () => {
    const r = await run(containerFs('alpine:latest'), ['apk', 'add', 'nosuch']);
    expect(r.status).toBe(1);
    expect(r.err).toBe('ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n');
  });

  it('update', async () => {
    const r = await run(containerFs('alpine:latest'), ['apk', 'update']);
    expect(r.out).toMatch(/\nOK: \d+ distinct packages available\n$/);
    expect(r.out).toContain('[https://dl-cdn.alpinelinux.org/alpine/v3.22/main]\n');
  });

  it('releases without an index say so', async () => {
    expect(await run(containerFs('alpine:3.5'), ['apk', 'add', 'curl'])).toMatchObject({ status: 1, err: "apk: Alpine 3.5.3's repositories are not simulated by Berth\n" });
  });

  it('--no-cache fetches the indexes every time and keeps none; del purges the package and what only it needed', async () => {
    const fs = containerFs('alpine:latest');
    await run(fs, ['apk', 'add', '--no-cache', 'curl']);
    expect(fs.exists('/var/cache/apk/APKINDEX.66df2a6a.tar.gz')).toBe(false);
    expect((await run(fs, ['apk', 'add', '--no-cache', 'curl'])).out).toMatch(/^fetch .*\nfetch .*\nOK: 13 MiB in 25 packages\n$/);
    const d = await run(fs, ['apk', 'del', 'curl']);
    expect(d.out).toMatch(/^\(1\/9\) Purging curl \(8\.14\.1-r1\)\n\(2\/9\) Purging libcurl \(8\.14\.1-r1\)\n[^]*\(9\/9\) Purging brotli-libs \(1\.1\.0-r2\)\nExecuting busybox-1\.37\.0-r18\.trigger\nOK: 8 MiB in 16 packages\n$/);
    expect(fs.exists('/usr/bin/curl')).toBe(false);
    expect((await run(fs, ['apk', 'info'])).out).toBe('');
  });
});
