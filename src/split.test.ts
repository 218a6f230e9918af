// Code splitting stays split: no module the page loads on first use
// (engine/lazy.ts: `lazyModule(name, () => import('./x.ts'))`) may be
// reachable from src/main.ts through static imports, or the bundler puts it
// back into the page's first script (npm run bench measures that script:
// ≤ 250 kB gzip). Import it with `await import()` or through the module's
// own loader (hub.ts loadCatalogue, build.ts loadDigestTable, dispatch.ts
// loadedCli) instead.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Relative specifiers of a file's value imports and re-exports (not `import type`, not `import()`). */
function staticImports(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g;
  for (const m of text.matchAll(re)) {
    if (m[4]) out.push(m[4]);
    else if (!m[1]) out.push(m[3]!);
  }
  return out;
}

function walk(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (!/\.(ts|svelte)$/.test(file)) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!existsSync(target) || seen.has(target)) continue;
      seen.set(target, file);
      queue.push(target);
    }
  }
  return seen;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module loaded through lazyModule, by absolute path. */
function lazyTargets(): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/lazyModule\(\s*'[^']*',\s*\(\)\s*=>\s*import\(\s*'([^']+)'\s*\)/g)) {
      out.push(resolve(dirname(file), m[1]!));
    }
  }
  return out;
}

describe('code splitting', () => {
  it('finds the lazily loaded modules and what the page imports', () => {
    const lazy = lazyTargets();
    expect(lazy.length).toBeGreaterThanOrEqual(8);
    expect(lazy.some((p) => p.endsWith('cli/docker.ts'))).toBe(true);
    expect(staticImports("import type { A } from './a.ts';\nimport { b, type C } from './b.ts';\nexport { d } from './d.ts';\nimport './e.css';\nconst f = await import('./f.ts');")).toEqual(['./b.ts', './d.ts', './e.css']);
  });

  it('no lazily loaded module is statically reachable from the page', () => {
    const reached = walk(join(SRC, 'main.ts'));
    const chain = (file: string) => {
      const path: string[] = [];
      for (let f: string | undefined = file; f; f = reached.get(f) || undefined) path.unshift(relative(SRC, f));
      return path.join(' → ');
    };
    const leaks = lazyTargets().filter((p) => reached.has(p)).map(chain);
    expect(leaks).toEqual([]);
  });
});
