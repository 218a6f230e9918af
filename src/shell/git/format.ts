// How git log and git show print a commit: the header (default or
// --oneline, with --decorate's ref names), then its changes against its
// first parent (-p's patch or --stat's diffstat), and --graph's margin for
// a history without merges.
import * as git from 'isomorphic-git';
import type { GitRun } from './run.ts';
import { exactRenames, fileStats, flattenTree, statGraph } from './diffstat.ts';
import { unifiedPatch } from './patch.ts';
import { byteOrder } from './status.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** git's default date: `Sun Dec 6 10:20:00 2026 +0000`, in the commit's own zone. */
export function gitDate(timestamp: number, timezoneOffset: number): string {
  const east = -timezoneOffset;
  const d = new Date((timestamp + east * 60) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}${pad(Math.abs(east) % 60)}`;
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${zone}`
  );
}

export interface CommitFormat {
  oneline: boolean;
  patch: boolean;
  stat: boolean;
  /** Ref names by commit (--decorate), already in git's order. */
  decorations?: Map<string, string[]>;
}

/** --decorate's names: `HEAD -> master` first, then every other ref in reverse order of its full name. */
export async function decorations(run: GitRun, dir: string): Promise<Map<string, string[]>> {
  const fs = run.gfs;
  const current = await git.currentBranch({ fs, dir, fullname: true }).catch(() => undefined);
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => null);
  const refs: Array<{ full: string; short: string }> = [];
  for (const b of await git.listBranches({ fs, dir })) refs.push({ full: `refs/heads/${b}`, short: b });
  for (const { remote } of await git.listRemotes({ fs, dir })) {
    for (const b of await git.listBranches({ fs, dir, remote })) refs.push({ full: `refs/remotes/${remote}/${b}`, short: `${remote}/${b}` });
  }
  for (const t of await git.listTags({ fs, dir })) refs.push({ full: `refs/tags/${t}`, short: `tag: ${t}` });
  refs.sort((a, b) => byteOrder(b.full, a.full));
  const out = new Map<string, string[]>();
  const add = (oid: string, name: string, front = false) => {
    const list = out.get(oid) ?? [];
    if (front) list.unshift(name);
    else list.push(name);
    out.set(oid, list);
  };
  for (const r of refs) {
    if (r.full === current) continue;
    const oid = await git.resolveRef({ fs, dir, ref: r.full }).catch(() => null);
    if (oid) add(oid, r.short);
  }
  if (head) add(head, current ? `HEAD -> ${current.slice('refs/heads/'.length)}` : 'HEAD', true);
  return out;
}

/** One commit as git prints it (ending with a newline). */
export async function commitText(run: GitRun, dir: string, oid: string, f: CommitFormat): Promise<string> {
  const { commit: c } = await git.readCommit({ fs: run.gfs, dir, oid, cache: run.cache });
  const msg = c.message.replace(/\n+$/, '');
  const names = f.decorations?.get(oid);
  const deco = names?.length ? ` (${names.join(', ')})` : '';
  let out: string;
  if (f.oneline) out = `${oid.slice(0, 7)}${deco} ${msg.split('\n')[0]}\n`;
  else {
    out = `commit ${oid}${deco}\n`;
    if (c.parent.length > 1) out += `Merge: ${c.parent.map((p) => p.slice(0, 7)).join(' ')}\n`;
    out += `Author: ${c.author.name} <${c.author.email}>\nDate:   ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n\n`;
    out += msg.split('\n').map((l) => `    ${l}\n`).join('');
  }
  if ((!f.patch && !f.stat) || c.parent.length > 1) return out;
  const diff = await changesText(run, dir, c.parent[0] ?? null, c.tree, f.stat);
  return diff ? out + (f.oneline ? '' : '\n') + diff : out;
}

/** The patch (or diffstat) from a commit's parent to its tree. */
async function changesText(run: GitRun, dir: string, parent: string | null, tree: string, stat: boolean): Promise<string> {
  const parentTree = parent ? (await git.readCommit({ fs: run.gfs, dir, oid: parent, cache: run.cache })).commit.tree : null;
  const before = await flattenTree(run, dir, parentTree);
  const after = await flattenTree(run, dir, tree);
  const paths = new Set<string>();
  for (const [p, e] of before) if (after.get(p)?.oid !== e.oid || after.get(p)?.mode !== e.mode) paths.add(p);
  for (const p of after.keys()) if (!before.has(p)) paths.add(p);
  const blob = async (o: string | undefined) => (o ? (await git.readBlob({ fs: run.gfs, dir, oid: o, cache: run.cache })).blob : null);
  const renames = exactRenames(before, after);
  if (stat) {
    const stats = await fileStats(
      [...paths],
      (p, side) => blob((side === 'before' ? before : after).get(p)?.oid),
      (p) => ({ before: before.get(p)?.mode, after: after.get(p)?.mode }),
      renames,
    );
    return statGraph(stats);
  }
  const dec = new TextDecoder();
  let out = '';
  const gone = new Set(renames.values());
  for (const p of [...paths].filter((x) => !gone.has(x)).sort(byteOrder)) {
    const from = renames.get(p);
    const b = before.get(from ?? p);
    const a = after.get(p);
    out += unifiedPatch(p, { data: await blob(b?.oid), oid: b?.oid, mode: b?.mode, path: from }, { data: await blob(a?.oid), oid: a?.oid, mode: a?.mode }, dec);
  }
  return out;
}

/**
 * Commits one after another: a blank line between them in the default
 * format; with `graph`, git's margin for a line of history (`* ` on a
 * commit's first line, `| ` below it while more commits follow).
 */
export function joinCommits(texts: string[], oneline: boolean, graph: boolean): string {
  let out = '';
  texts.forEach((text, i) => {
    const last = i === texts.length - 1;
    const block = (i > 0 && !oneline ? '\n' : '') + text;
    if (!graph) {
      out += block;
      return;
    }
    const lines = block.slice(0, -1).split('\n');
    const first = i > 0 && !oneline ? 1 : 0;
    lines.forEach((line, k) => {
      const margin = k === first ? '* ' : k < first || !last ? '| ' : '  ';
      out += margin + line + '\n';
    });
  });
  return out;
}
