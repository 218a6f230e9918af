import { describe, expect, it } from 'vitest';
import type { Program, ProcessContext } from './process.ts';
import { tableResolver } from './resolve.ts';
import { MemFs } from './sh/testing.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('tableResolver', () => {
  it('runs a #! script through its interpreter, as execve does (image entrypoint scripts)', async () => {
    const fs = new MemFs();
    fs.mkdir('/bin');
    fs.writeFile('/bin/sh', enc('ELF'), { mode: 0o755 });
    fs.writeFile('/entrypoint.sh', enc('#!/bin/sh -e\necho hi\n'), { mode: 0o755 });
    fs.writeFile('/notes.txt', enc('#!/bin/sh\n'), { mode: 0o644 });
    let seen: string[] = [];
    const sh: Program = async (ctx) => {
      seen = ctx.argv;
      return 7;
    };
    const resolve = tableResolver({ busybox: new Map(), gnu: new Map([['sh', sh]]), byPath: new Map() });
    const env = new Map([['PATH', '/bin']]);
    const found = resolve(fs, '/entrypoint.sh', env)!;
    expect(found.path).toBe('/entrypoint.sh');
    const ctx = { argv: ['/entrypoint.sh', 'nginx', '-g', 'daemon off;'], env, resolve: (n: string, e: Map<string, string>) => resolve(fs, n, e)?.program ?? null } as unknown as ProcessContext;
    expect(await found.program(ctx)).toBe(7);
    expect(seen).toEqual(['/bin/sh', '-e', '/entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    // not executable: no program
    expect(resolve(fs, '/notes.txt', env)).toBeNull();
  });
});
