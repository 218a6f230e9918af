// COPY --chmod (BuildKit): an octal mode up to 07777, or a symbolic one as
// chmod(1) takes it (`u+x,go-w`, `a=rX`), applied to each copied entry.

export type ChmodSpec = { octal: number } | { symbolic: Clause[] };

interface Clause {
  who: number; // mask of the bits the clause may touch
  ops: { op: '+' | '-' | '='; perm: string }[];
}

export class ChmodError extends Error {}

/** Parses --chmod; throws ChmodError with BuildKit's message. */
export function parseChmod(s: string): ChmodSpec {
  const bad = () => new ChmodError(`invalid chmod parameter: '${s}'. it should be octal string and between 0 and 07777`);
  if (/^[0-9]+$/.test(s)) {
    if (!/^[0-7]+$/.test(s)) throw bad();
    const n = parseInt(s, 8);
    if (n > 0o7777) throw bad();
    return { octal: n };
  }
  // A symbolic mode (tonistiigi/dchapes-mode): a malformed one is its ErrSyntax.
  const clauses: Clause[] = [];
  for (const part of s.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(part);
    if (!m) throw new ChmodError('invalid syntax');
    let who = 0;
    for (const w of m[1]!) who |= w === 'u' ? 0o4700 : w === 'g' ? 0o2070 : w === 'o' ? 0o0007 : 0o6777;
    if (m[1] === '') who = 0o6777;
    // `t` (sticky) counts unless the clause is for "other" alone.
    if (/t/.test(m[2]!) && (m[1] === '' || /[uga]/.test(m[1]!))) who |= 0o1000;
    const ops = [...m[2]!.matchAll(/([-+=])([rwxXst]*)/g)].map((x) => ({ op: x[1] as '+' | '-' | '=', perm: x[2]! }));
    clauses.push({ who, ops });
  }
  return { symbolic: clauses };
}

/** The mode an entry gets: `old` is its own mode (permission bits with setuid/setgid/sticky). */
export function applyChmod(spec: ChmodSpec, old: number, isDir: boolean): number {
  if ('octal' in spec) return spec.octal;
  let mode = old & 0o7777;
  for (const c of spec.symbolic) {
    for (const { op, perm } of c.ops) {
      let bits = 0;
      for (const p of perm) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X') {
          if (op === '-' || isDir || (mode & 0o111) !== 0) bits |= 0o111;
        } else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
      }
      bits &= c.who;
      if (op === '+') mode |= bits;
      else if (op === '-') mode &= ~bits;
      else mode = (mode & ~c.who) | bits;
    }
  }
  return mode & 0o7777;
}
