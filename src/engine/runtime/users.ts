// Users and groups inside a container: /etc/passwd and /etc/group as
// libcontainer reads them for `docker run -u`, `exec -u` and USER, and as
// id/whoami/ps read them back.
import type { Fs } from '../fs/types.ts';
import { decodeText } from './sh/io.ts';

export interface Credentials {
  uid: number;
  gid: number;
  /** Supplementary groups, the primary one first. */
  groups: readonly number[];
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function lines(fs: Fs, path: string): string[][] {
  try {
    return decodeText(fs.readFile(path))
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

export function passwd(fs: Fs): PasswdEntry[] {
  return lines(fs, '/etc/passwd')
    .filter((f) => f.length >= 4)
    .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '', shell: f[6] ?? '' }));
}

export function groups(fs: Fs): GroupEntry[] {
  return lines(fs, '/etc/group')
    .filter((f) => f.length >= 3)
    .map((f) => ({ name: f[0]!, gid: Number(f[2]), members: (f[3] ?? '').split(',').filter(Boolean) }));
}

export function userName(fs: Fs, uid: number): string | null {
  return passwd(fs).find((p) => p.uid === uid)?.name ?? null;
}

export function groupName(fs: Fs, gid: number): string | null {
  return groups(fs).find((g) => g.gid === gid)?.name ?? null;
}

export interface ExecUser extends Credentials {
  /** The passwd name, null for a uid passwd does not know. */
  name: string | null;
  /** HOME when the environment has none: the passwd entry's, else `/`. */
  home: string;
}

/** Why a -u value cannot be used (the daemon's message). */
export class UserLookupError extends Error {}

const NUMERIC = /^\d+$/;

/**
 * libcontainer's GetExecUser: `name|uid[:group|gid]`. A name must be in
 * passwd; a uid need not be (gid 0 then). An explicit group replaces the
 * supplementary groups; otherwise they are the groups listing the user.
 */
export function resolveUser(fs: Fs, spec: string): ExecUser {
  const [userPart = '', groupPart] = spec === '' ? ['root'] : spec.split(/:(.*)/s);
  const users = passwd(fs);
  let entry: PasswdEntry | undefined;
  let uid: number;
  if (NUMERIC.test(userPart)) {
    uid = Number(userPart);
    entry = users.find((u) => u.uid === uid);
  } else {
    entry = users.find((u) => u.name === userPart);
    if (!entry) {
      if (userPart === 'root') entry = { name: 'root', uid: 0, gid: 0, home: '/root', shell: '/bin/sh' };
      else throw new UserLookupError(`unable to find user ${userPart}: no matching entries in passwd file`);
    }
    uid = entry.uid;
  }
  let gid = entry?.gid ?? 0;
  const all = groups(fs);
  let supplementary: number[];
  if (groupPart !== undefined && groupPart !== '') {
    if (NUMERIC.test(groupPart)) gid = Number(groupPart);
    else {
      const g = all.find((x) => x.name === groupPart);
      if (!g) throw new UserLookupError(`unable to find group ${groupPart}: no matching entries in group file`);
      gid = g.gid;
    }
    supplementary = [gid];
  } else {
    const name = entry?.name;
    supplementary = [gid, ...all.filter((g) => g.gid !== gid && name !== undefined && g.members.includes(name)).map((g) => g.gid)];
  }
  return { uid, gid, groups: [...new Set(supplementary)], name: entry?.name ?? null, home: entry?.home || '/' };
}
