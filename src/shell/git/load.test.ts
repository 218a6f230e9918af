// git's code stays out of the page's first script and out of the prefetch:
// nothing the page imports statically reaches isomorphic-git, and git's
// module is not a lazyModule (those are prefetched once the prompt is up).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every file the page reaches through static value imports (relative and bare). */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set([entry]);
  const packages = new Set<string>();
  const queue = [entry];
  const re = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^;'"]*?\s*from\s+)?['"]([^'"]+)['"]/g;
  while (queue.length) {
    const file = queue.shift()!;
    for (const m of readFileSync(file, 'utf8').matchAll(re)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      if (!/\.(ts|svelte)$/.test(target) || !existsSync(target) || files.has(target)) continue;
      files.add(target);
      queue.push(target);
    }
  }
  return { files, packages };
}

describe('git loads when first run', () => {
  it('is not reachable through static imports from the page nor from the host (the chunk the prompt needs)', () => {
    for (const entry of ['main.ts', 'shell/host.ts', 'cli/docker.ts']) {
      const { files, packages } = reachable(join(SRC, entry));
      if (entry === 'shell/host.ts') expect(files.has(join(SRC, 'shell/git/load.ts'))).toBe(true);
      expect([...files].filter((f) => f.startsWith(join(SRC, 'shell/git/')) && !f.endsWith('/load.ts')), entry).toEqual([]);
      expect([...packages].filter((p) => ['isomorphic-git', 'buffer', 'pako'].includes(p)), entry).toEqual([]);
    }
  });

  it('is not declared as a prefetched lazy module', () => {
    for (const f of ['shell/programs.ts', 'shell/git/load.ts', 'cli/commands/image/build/git.ts']) {
      expect(readFileSync(join(SRC, f), 'utf8'), f).not.toMatch(/lazyModule\([^)]*git/);
    }
  });
});
