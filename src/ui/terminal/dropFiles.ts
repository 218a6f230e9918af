// Files dropped on the terminal: the page's machine cannot read the learner's
// disk, so each file is copied into the shell's working directory (an
// archive saved by a real `docker save`, a Dockerfile...) and its name is
// typed at the prompt, as a terminal types the path of a file dropped on it.
// An existing file is never replaced: the copy takes a free name (a-1.tar).
import type { Fs } from '../../engine/fs/types.ts';

/** Berth keeps files in memory: a bigger file is refused. */
export const DROP_LIMIT = 512 * 1024 * 1024;

export interface DropHost {
  cwd(): string;
  readonly fs: Pick<Fs, 'exists' | 'writeFile'>;
}

export interface DroppedFile {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export type DropResult =
  | { ok: true; name: string; path: string }
  | { ok: false; name: string; reason: 'too-big'; size: number }
  | { ok: false; name: string; reason: 'failed'; detail: string };

export async function dropFiles(host: DropHost, files: readonly DroppedFile[]): Promise<{ dir: string; results: DropResult[] }> {
  const dir = host.cwd();
  const results: DropResult[] = [];
  for (const file of files) {
    if (file.size > DROP_LIMIT) {
      results.push({ ok: false, name: file.name, reason: 'too-big', size: file.size });
      continue;
    }
    try {
      const bytes = await file.bytes();
      const name = freeName(host, dir, safeName(file.name));
      const path = join(dir, name);
      host.fs.writeFile(path, bytes);
      results.push({ ok: true, name, path });
    } catch (error) {
      results.push({ ok: false, name: file.name, reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { dir, results };
}

/** The words to type for the copied files: shell-quoted names and a space after. */
export function typedNames(results: readonly DropResult[]): string {
  const names = results.filter((r) => r.ok).map((r) => quote(r.name));
  return names.length ? `${names.join(' ')} ` : '';
}

export function quote(word: string): string {
  return /^[A-Za-z0-9._+,@%=:/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A name a directory can hold: no slash or NUL, not '.' or '..'. */
function safeName(name: string): string {
  const s = name.replace(/[/\0]/g, '_');
  return s === '' || s === '.' || s === '..' ? 'dropped-file' : s;
}

function freeName(host: DropHost, dir: string, name: string): string {
  if (!host.fs.exists(join(dir, name))) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!host.fs.exists(join(dir, candidate))) return candidate;
  }
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
