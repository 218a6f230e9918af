// Go's path/filepath.Match, which COPY and ADD sources use for `*`, `?` and
// `[...]` (both builders), and the exclusion patterns of COPY --exclude
// (.dockerignore syntax: `**` crosses directories, a pattern matching a
// directory excludes what is in it).

/** What the legacy builder calls wildcards: `*`, `?` or `[` not escaped by a backslash. */
export function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** A malformed pattern (Go's filepath.ErrBadPattern). */
export class BadPattern extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

/**
 * filepath.Match: `*` is any run of non-`/` characters, `?` one non-`/`
 * character, `[...]` a class (`^` negates, `a-z` ranges), `\` escapes.
 * Throws BadPattern where Go returns ErrBadPattern.
 */
export function goMatch(pattern: string, name: string): boolean {
  const p = [...pattern];
  const s = [...name];
  return matchFrom(p, 0, s, 0);
}

function matchFrom(p: string[], pi: number, s: string[], si: number): boolean {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '*') {
      // Collapse runs of stars; then try every split that does not cross '/'.
      while (pi < p.length && p[pi] === '*') pi++;
      if (pi === p.length) {
        for (let k = si; k < s.length; k++) if (s[k] === '/') return false;
        return true;
      }
      for (let k = si; k <= s.length; k++) {
        if (matchFrom(p, pi, s, k)) return true;
        if (k < s.length && s[k] === '/') break;
      }
      // Go still reports a bad pattern that follows a failed star.
      checkRest(p, pi);
      return false;
    }
    if (si >= s.length) {
      checkRest(p, pi);
      return false;
    }
    if (c === '?') {
      if (s[si] === '/') return false;
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const r = matchClass(p, pi, s[si]!);
      if (!r.ok || s[si] === '/') {
        checkRest(p, r.next);
        return false;
      }
      pi = r.next;
      si++;
      continue;
    }
    let lit = c;
    if (c === '\\') {
      pi++;
      if (pi >= p.length) throw new BadPattern();
      lit = p[pi]!;
    }
    if (s[si] !== lit) {
      checkRest(p, pi + 1);
      return false;
    }
    pi++;
    si++;
  }
  return si === s.length;
}

/** Parses the class at p[pi] === '['; whether `ch` is in it and the index after `]`. */
function matchClass(p: string[], pi: number, ch: string): { ok: boolean; next: number } {
  let i = pi + 1;
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let n = 0;
  for (;;) {
    if (i >= p.length) throw new BadPattern();
    if (p[i] === ']' && n > 0) {
      i++;
      break;
    }
    const lo = classChar(p, i);
    i = lo.next;
    let hi = lo.ch;
    if (p[i] === '-') {
      const h = classChar(p, i + 1);
      hi = h.ch;
      i = h.next;
    }
    if (lo.ch <= ch && ch <= hi) matched = true;
    n++;
  }
  return { ok: matched !== negate, next: i };
}

function classChar(p: string[], i: number): { ch: string; next: number } {
  const c = p[i];
  if (c === undefined || c === '-' || c === ']') throw new BadPattern();
  if (c === '\\') {
    if (i + 1 >= p.length) throw new BadPattern();
    return { ch: p[i + 1]!, next: i + 2 };
  }
  return { ch: c, next: i + 1 };
}

/** Go checks the rest of a pattern for syntax even after a mismatch. */
function checkRest(p: string[], pi: number): void {
  for (let i = pi; i < p.length; i++) {
    if (p[i] === '\\') {
      if (i + 1 >= p.length) throw new BadPattern();
      i++;
    } else if (p[i] === '[') {
      i = matchClass(p, i, '\0').next - 1;
    }
  }
}

/**
 * Whether a path (relative, `/`-separated) is excluded by .dockerignore-style
 * patterns: each is cleaned, `**` matches any number of directories, a
 * pattern that matches a parent excludes the child, `!` re-includes.
 */
export function excluded(patterns: readonly string[], rel: string): boolean {
  let out = false;
  for (const raw of patterns) {
    let pat = raw.trim();
    let negate = false;
    if (pat.startsWith('!')) {
      negate = true;
      pat = pat.slice(1).trim();
    }
    pat = cleanPattern(pat);
    if (pat === '') continue;
    if (matchesPathOrParent(pat, rel)) out = !negate;
  }
  return out;
}

function cleanPattern(p: string): string {
  const parts: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return parts.join('/');
}

function matchesPathOrParent(pat: string, rel: string): boolean {
  const comps = rel.split('/');
  for (let n = comps.length; n >= 1; n--) if (doubleStarMatch(pat.split('/'), comps.slice(0, n))) return true;
  return false;
}

function doubleStarMatch(pat: string[], comps: string[]): boolean {
  if (pat.length === 0) return comps.length === 0;
  const [head, ...rest] = pat;
  if (head === '**') {
    for (let k = 0; k <= comps.length; k++) if (doubleStarMatch(rest, comps.slice(k))) return true;
    return false;
  }
  if (comps.length === 0) return false;
  let ok: boolean;
  try {
    ok = goMatch(head!, comps[0]!);
  } catch {
    ok = false;
  }
  return ok && doubleStarMatch(rest, comps.slice(1));
}
