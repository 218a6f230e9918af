// --env-file: docker/cli's ReadKVEnvStrings. Lines are KEY=VALUE (the value
// kept verbatim), or KEY alone (taken from the client's environment, or
// passed as a bare name that unsets nothing); blank lines and lines starting
// with # are skipped. The files' variables come before the -e ones, so -e wins.
import { FsError } from '../engine/fs/types.ts';
import { decodeText } from '../engine/runtime/sh/io.ts';
import type { CliContext } from './command.ts';

const WHITESPACE = ' \t';

function resolvePath(cwd: string, p: string): string {
  return p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`;
}

function readFile(ctx: CliContext, name: string): string {
  const host = ctx.host;
  if (!host) throw new Error(`open ${name}: no such file or directory`);
  try {
    return decodeText(host.fs.readFile(resolvePath(host.cwd, name)));
  } catch (e) {
    if (e instanceof FsError) {
      const why = e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'EISDIR' ? 'is a directory' : e.description.toLowerCase();
      throw new Error(e.code === 'EISDIR' ? `read ${name}: ${why}` : `open ${name}: ${why}`);
    }
    throw e;
  }
}

function parseLines(ctx: CliContext, text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^[ \t]+/, '').replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (eq === 0) throw new Error(`no variable name on line '${line}'`);
    if ([...WHITESPACE].some((w) => key.includes(w))) throw new Error(`variable '${key}' contains whitespaces`);
    if (eq >= 0) out.push(line);
    else {
      const v = ctx.env.get(key);
      out.push(v !== undefined ? `${key}=${v}` : key);
    }
  }
  return out;
}

/** The environment of --env-file files followed by -e values; throws Error(message) as the CLI reports it. */
export function readEnv(ctx: CliContext, files: readonly string[], env: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const text = readFile(ctx, f);
    try {
      out.push(...parseLines(ctx, text));
    } catch (e) {
      throw new Error(`invalid env file (${f}): ${(e as Error).message}`);
    }
  }
  return [...out, ...env];
}
