// git show [--stat] [<commit>]: the commit as `git log` prints it, then its
// changes against its first parent (a patch, or --stat's diffstat).
import * as git from 'isomorphic-git';
import { fatal, requireRepo, type GitRun } from '../run.ts';
import { fileStats, flattenTree, statGraph } from '../diffstat.ts';
import { unifiedPatch } from '../patch.ts';
import { ambiguous, gitDate, resolveRevision } from './log.ts';

export async function show(run: GitRun, argv: string[]): Promise<number> {
  const dir = requireRepo(run);
  let stat = false;
  let oneline = false;
  const revs: string[] = [];
  for (const a of argv) {
    if (a === '--stat') stat = true;
    else if (a === '--oneline') oneline = true;
    else if (a.startsWith('-')) throw fatal(`unrecognized argument: ${a}`);
    else revs.push(a);
  }
  const rev = revs[0] ?? 'HEAD';
  const oid = await resolveRevision(run, dir, rev);
  if (!oid) {
    if (rev === 'HEAD') throw fatal(`your current branch '${await git.currentBranch({ fs: run.gfs, dir })}' does not have any commits yet`);
    throw ambiguous(rev);
  }
  const { commit: c } = await git.readCommit({ fs: run.gfs, dir, oid, cache: run.cache });
  const msg = c.message.replace(/\n+$/, '');
  let out = oneline
    ? `${oid.slice(0, 7)} ${msg.split('\n')[0]}\n`
    : `commit ${oid}\nAuthor: ${c.author.name} <${c.author.email}>\nDate:   ${gitDate(c.author.timestamp, c.author.timezoneOffset)}\n\n` +
      msg.split('\n').map((l) => `    ${l}\n`).join('');
  if (c.parent.length <= 1) {
    const parentTree = c.parent[0] ? (await git.readCommit({ fs: run.gfs, dir, oid: c.parent[0], cache: run.cache })).commit.tree : null;
    const before = await flattenTree(run, dir, parentTree);
    const after = await flattenTree(run, dir, c.tree);
    const paths = new Set<string>();
    for (const [p, e] of before) if (after.get(p)?.oid !== e.oid || after.get(p)?.mode !== e.mode) paths.add(p);
    for (const p of after.keys()) if (!before.has(p)) paths.add(p);
    const blob = async (o: string | undefined) => (o ? (await git.readBlob({ fs: run.gfs, dir, oid: o, cache: run.cache })).blob : null);
    const sep = oneline ? '' : '\n';
    if (stat) {
      const stats = await fileStats(
        [...paths],
        (p, side) => blob((side === 'before' ? before : after).get(p)?.oid),
        (p) => ({ before: before.get(p)?.mode, after: after.get(p)?.mode }),
      );
      if (stats.length) out += sep + statGraph(stats);
    } else if (paths.size) {
      out += sep;
      const dec = new TextDecoder();
      for (const p of [...paths].sort()) {
        const b = before.get(p);
        const a = after.get(p);
        out += unifiedPatch(p, { data: await blob(b?.oid), oid: b?.oid, mode: b?.mode }, { data: await blob(a?.oid), oid: a?.oid, mode: a?.mode }, dec);
      }
    }
  }
  run.out(out);
  return 0;
}
