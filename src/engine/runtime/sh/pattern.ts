// Shell patterns (case, ${x#pat}, globbing, find -name): * ? [...] with
// backslash quoting the next character, compiled to regular expressions.
import type { Fs } from '../../fs/types.ts';
import { joinPath, resolvePath } from './path.ts';

const cache = new Map<string, RegExp>();

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: 'a-zA-Z0-9_',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** The regex source for a pattern; null when it has no special characters. */
function translate(pat: string, pathname: boolean): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '\\') {
      i++;
      if (i < pat.length) re += escapeRe(pat[i]!);
      else re += '\\\\';
    } else if (c === '*') {
      re += pathname ? '[^/]*' : '[\\s\\S]*';
    } else if (c === '?') {
      re += pathname ? '[^/]' : '[\\s\\S]';
    } else if (c === '[') {
      const r = bracket(pat, i);
      if (r) {
        re += r.re;
        i = r.end;
      } else re += '\\[';
    } else re += escapeRe(c);
  }
  return re;
}

function bracket(pat: string, start: number): { re: string; end: number } | null {
  let i = start + 1;
  let neg = false;
  if (pat[i] === '!' || pat[i] === '^') {
    neg = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === ']' && !first) return { re: `[${neg ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && pat[i + 1] === ':') {
      const close = pat.indexOf(':]', i + 2);
      if (close > 0) {
        const cls = CLASSES[pat.slice(i + 2, close)];
        if (cls !== undefined) {
          body += cls;
          i = close + 1;
          continue;
        }
      }
    }
    if (c === '\\' && i + 1 < pat.length) {
      i++;
      body += escapeRe(pat[i]!);
      continue;
    }
    if (c === '-' && body && pat[i + 1] !== ']' && i + 1 < pat.length) {
      body += '-';
      continue;
    }
    body += escapeRe(c);
  }
  return null;
}

/** Compiles a whole-string match for `pat`. */
export function patternRegex(pat: string, opts: { pathname?: boolean; nocase?: boolean } = {}): RegExp {
  const key = `${opts.pathname ? 'p' : '-'}${opts.nocase ? 'i' : '-'}${pat}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${translate(pat, !!opts.pathname)})$`, opts.nocase ? 'i' : '');
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

export function matchPattern(s: string, pat: string, nocase = false): boolean {
  return patternRegex(pat, { nocase }).test(s);
}

/** Whether a pattern has an unquoted * ? or [...]. */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracket(pat, i)) return true;
  }
  return false;
}

/** Removes the backslashes that quote characters in a pattern. */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1');
}

/** Quotes every pattern character in `s`. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/**
 * Pathname expansion: the paths matching `pat` (relative to `cwd` unless
 * absolute), sorted; empty when nothing matches.
 */
export function glob(fs: Fs, cwd: string, pat: string): string[] {
  const abs = pat.startsWith('/');
  const segs = pat.split('/');
  const trailing = segs.length > 1 && segs[segs.length - 1] === '';
  if (trailing) segs.pop();
  let paths: string[] = [abs ? '/' : ''];
  if (abs) segs.shift();
  for (let si = 0; si < segs.length; si++) {
    const seg = segs[si]!;
    const last = si === segs.length - 1;
    const next: string[] = [];
    if (seg === '') continue;
    if (!hasGlob(seg)) {
      const name = unescapePattern(seg);
      for (const p of paths) next.push(p === '' ? name : joinPath(p, name));
    } else {
      const re = patternRegex(seg, { pathname: true });
      const dot = seg.startsWith('.') || seg.startsWith('\\.');
      for (const p of paths) {
        let names: string[];
        try {
          const dir = resolvePath(cwd, p === '' ? '.' : p);
          if (fs.stat(dir).type !== 'dir') continue;
          names = fs.readdir(dir);
        } catch {
          continue;
        }
        for (const n of names) {
          if (n.startsWith('.') && !dot) continue;
          if (n === '.' || n === '..') continue;
          if (re.test(n)) next.push(p === '' ? n : joinPath(p, n));
        }
      }
    }
    paths = next;
    if (!last) {
      paths = paths.filter((p) => {
        try {
          return fs.stat(resolvePath(cwd, p)).type === 'dir';
        } catch {
          return false;
        }
      });
    }
  }
  paths = paths.filter((p) => {
    try {
      const st = fs.lstat(resolvePath(cwd, p));
      if (trailing) return fs.stat(resolvePath(cwd, p)).type === 'dir' || st.type === 'dir';
      return true;
    } catch {
      return false;
    }
  });
  if (trailing) paths = paths.map((p) => p + '/');
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
