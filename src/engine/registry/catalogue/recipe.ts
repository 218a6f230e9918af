// Catalogue images are described compactly: a few real text files, names of
// programs, and declared sizes. The layer trees are generated from these on
// pull, so pulling ubuntu costs kilobytes while `docker images` shows 78MB.
import type { RunConfig } from '../../image/config.ts';

export type EntryRecipe =
  | { type: 'dir'; path: string; mode?: number }
  | { type: 'file'; path: string; size: number; mode?: number }
  | { type: 'text'; path: string; text: string; mode?: number }
  | { type: 'symlink'; path: string; target: string };

export interface LayerRecipe {
  /** The history entry's created_by. */
  createdBy: string;
  entries: () => EntryRecipe[];
}

export interface HistoryRecipe {
  createdBy: string;
  /** A metadata-only step (CMD, ENV, LABEL ...): no layer. */
  empty?: boolean;
}

export interface ImageRecipe {
  /** Repository path in the registry, e.g. library/busybox. */
  repo: string;
  tags: string[];
  created: string;
  config: RunConfig;
  /** History top to bottom as `docker history` lists it reversed; layers in order. */
  history: Array<HistoryRecipe | LayerRecipe>;
  /** Only Windows images: pulling fails on a Linux engine. */
  windowsOnly?: boolean;
}

export const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Splits `size` bytes into `count` generated files under `dir` (shared libraries, data). */
export function bulk(dir: string, prefix: string, count: number, size: number, ext = '.so'): EntryRecipe[] {
  const out: EntryRecipe[] = [{ type: 'dir', path: dir }];
  const each = Math.floor(size / count);
  for (let i = 0; i < count; i++) {
    const s = i === count - 1 ? size - each * (count - 1) : each;
    out.push({ type: 'file', path: `${dir}/${prefix}${i}${ext}`, size: s, mode: 0o644 });
  }
  return out;
}

export function dirs(...paths: string[]): EntryRecipe[] {
  return paths.map((p) => ({
    type: 'dir' as const,
    path: p,
    mode: p === '/tmp' || p === '/var/tmp' ? 0o1777 : p === '/root' ? 0o700 : 0o755,
  }));
}

export function text(path: string, body: string, mode = 0o644): EntryRecipe {
  return { type: 'text', path, text: body, mode };
}

export function programs(dir: string, names: string[], size: number): EntryRecipe[] {
  return names.map((n) => ({ type: 'file' as const, path: `${dir}/${n}`, size, mode: 0o755 }));
}

export function links(dir: string, names: string[], target: string): EntryRecipe[] {
  return names.map((n) => ({ type: 'symlink' as const, path: `${dir}/${n}`, target }));
}

/**
 * A RUN step's created_by as the classic builder records it: the shell form
 * prefixed with `/bin/sh -c `, line continuations removed, comment lines
 * (which the Dockerfile parser drops) left out.
 */
export function classicRun(dockerfileLines: string): string {
  const kept = dockerfileLines.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
  return `/bin/sh -c ${kept.replace(/\\\n/g, '').trim()}`;
}
