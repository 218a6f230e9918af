// git's unified patch for one file: the `diff --git` header, then hunks
// with three lines of context and the enclosing "function" line (git's
// default: the nearest line above that starts with a letter, `_` or `$`).

export interface Side {
  data: Uint8Array | null;
  oid?: string;
  mode?: string;
  /** The old path of a renamed file (before side only). */
  path?: string;
}

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

/** The edit script by longest common subsequence (the files Berth's users diff are small). */
export function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i]!, a: i++, b: j++ });
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ kind: '+', text: b[j]!, a: i, b: j++ });
    else ops.push({ kind: '-', text: a[i]!, a: i++, b: j });
  }
  // git shows deletions before additions within a change
  for (let k = 0; k < ops.length; ) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    let e = k;
    while (e < ops.length && ops[e]!.kind !== ' ') e++;
    const run = ops.slice(k, e);
    ops.splice(k, e - k, ...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    k = e;
  }
  return ops;
}

function split(text: string): { lines: string[]; eofNewline: boolean } {
  if (text === '') return { lines: [], eofNewline: true };
  const eofNewline = text.endsWith('\n');
  const lines = (eofNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, eofNewline };
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start : start},${count}`);

export function unifiedPatch(path: string, before: Side, after: Side, dec: TextDecoder): string {
  const abbrev = (oid?: string) => (oid ?? '0'.repeat(40)).slice(0, 7);
  if (before.path) {
    // an exact rename: no content to show
    let header = `diff --git a/${before.path} b/${path}\n`;
    if (before.mode !== after.mode) header += `old mode ${before.mode}\nnew mode ${after.mode}\n`;
    return header + `similarity index 100%\nrename from ${before.path}\nrename to ${path}\n`;
  }
  let out = `diff --git a/${path} b/${path}\n`;
  if (!before.data) out += `new file mode ${after.mode}\nindex 0000000..${abbrev(after.oid)}\n`;
  else if (!after.data) out += `deleted file mode ${before.mode}\nindex ${abbrev(before.oid)}..0000000\n`;
  else if (before.mode !== after.mode) out += `old mode ${before.mode}\nnew mode ${after.mode}\nindex ${abbrev(before.oid)}..${abbrev(after.oid)}\n`;
  else out += `index ${abbrev(before.oid)}..${abbrev(after.oid)} ${after.mode}\n`;
  const binary = [before.data, after.data].some((d) => d?.subarray(0, 8000).includes(0));
  if (binary) return out + `Binary files ${before.data ? `a/${path}` : '/dev/null'} and ${after.data ? `b/${path}` : '/dev/null'} differ\n`;
  const A = split(before.data ? dec.decode(before.data) : '');
  const B = split(after.data ? dec.decode(after.data) : '');
  if (!A.lines.length && !B.lines.length) return out;
  out += `--- ${before.data ? `a/${path}` : '/dev/null'}\n+++ ${after.data ? `b/${path}` : '/dev/null'}\n`;
  const ops = editScript(A.lines, B.lines);
  const lastA = A.lines.length - 1;
  const lastB = B.lines.length - 1;
  const changes = ops.map((o, k) => (o.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  let h = 0;
  while (h < changes.length) {
    let start = Math.max(0, changes[h]! - 3);
    let end = changes[h]!;
    while (h < changes.length && changes[h]! - end <= 7) end = changes[h++]!;
    end = Math.min(ops.length - 1, end + 3);
    const slice = ops.slice(start, end + 1);
    const aStart = slice.find((o) => o.kind !== '+')?.a ?? ops[start]!.a;
    const bStart = slice.find((o) => o.kind !== '-')?.b ?? ops[start]!.b;
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    let func = '';
    for (let k = aStart - 1; k >= 0; k--) {
      if (/^[A-Za-z_$]/.test(A.lines[k]!)) {
        func = ' ' + A.lines[k]!.slice(0, 80).replace(/\s+$/, '');
        break;
      }
    }
    out += `@@ -${range(aCount ? aStart + 1 : aStart, aCount)} +${range(bCount ? bStart + 1 : bStart, bCount)} @@${func}\n`;
    for (const o of slice) {
      out += `${o.kind}${o.text}\n`;
      const endsA = o.kind !== '+' && o.a === lastA && !A.eofNewline;
      const endsB = o.kind !== '-' && o.b === lastB && !B.eofNewline;
      if ((o.kind === '-' && endsA) || (o.kind === '+' && endsB) || (o.kind === ' ' && (endsA || endsB))) out += '\\ No newline at end of file\n';
    }
    start = end;
  }
  return out;
}
