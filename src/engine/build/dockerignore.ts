// `.dockerignore`: how docker/cli reads the file (BuildKit's
// dockerignore.ReadAll) and how moby's patternmatcher matches context paths
// against it. Facts checked on the reference engine (a build whose context
// listing shows what was sent), see dockerignore.test.ts.
//
// Reading: a UTF-8 BOM on the first line is dropped; a line starting with
// `#` (before any trimming) is a comment; the rest is trimmed, blank lines
// are dropped; `!` marks an exception (spaces after it trimmed too); the
// pattern is cleaned like Go's filepath.Clean and one leading `/` removed.
//
// Matching: the patterns are read in order and the last one that matches
// wins (`!` ones re-include). A pattern matches a path when it matches the
// path itself or one of its parent directories (`MatchesOrParentMatches`).
// `*` and `?` never cross a `/`; `**` crosses any number of them; `[a-c]`,
// `[^a]` classes and `\` escapes are as in Go's filepath.Match, whose
// syntax errors refuse the whole file (`syntax error in pattern`).

/** A pattern the matcher refuses; `message` is moby's text. */
export class DockerignoreError extends Error {
  override name = 'DockerignoreError';
}

const BOM = '\uFEFF';

/** Go's strings.TrimSpace (ASCII and Unicode white space). */
function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '');
}

/** Go's path.Clean (filepath.Clean on Linux). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The patterns of a `.dockerignore` file, as docker/cli reads them (BuildKit dockerignore.ReadAll). */
export function readDockerignore(content: string | Uint8Array): string[] {
  let text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  if (text.startsWith(BOM)) text = text.slice(1);
  const lines = text.split('\n');
  // bufio.ScanLines: no empty last token after a final newline; a trailing CR is dropped.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  for (let line of lines) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.startsWith('#')) continue;
    let pattern = trimSpace(line);
    if (pattern === '') continue;
    const invert = pattern[0] === '!';
    if (invert) pattern = trimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}

// ------------------------------------------------------------ Go's filepath.Match syntax

/** Go's getEsc inside a character class: the next (possibly escaped) character, or null when malformed. */
function classChar(chunk: string, i: number): number | null {
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') return null;
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) return null;
  }
  const cp = chunk.codePointAt(i)!;
  i += cp > 0xffff ? 2 : 1;
  // Go refuses a class that ends right after a character (no closing bracket).
  if (i >= chunk.length) return null;
  return i;
}

/** Whether Go's filepath.Match would refuse `pattern` with ErrBadPattern. */
function badGlob(pattern: string): boolean {
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 >= pattern.length) return true;
      i += 2;
      continue;
    }
    if (c !== '[') {
      i++;
      continue;
    }
    i++;
    if (pattern[i] === '^') i++;
    let ranges = 0;
    for (;;) {
      if (pattern[i] === ']' && ranges > 0) {
        i++;
        break;
      }
      const next = classChar(pattern, i);
      if (next === null) return true;
      i = next;
      if (pattern[i] === '-') {
        const hi = classChar(pattern, i + 1);
        if (hi === null) return true;
        i = hi;
      }
      ranges++;
    }
  }
  return false;
}

// ------------------------------------------------------------ patterns

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** Characters moby escapes when turning a pattern into a regular expression. */
const REGEX_META = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
/** Characters a `u`-mode JavaScript expression takes escaped; any other escaped character stands for itself. */
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
/** Escapes RE2 and JavaScript read alike. */
const SHARED_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 't', 'n', 'r', 'f', 'v']);

export class Pattern {
  readonly exclusion: boolean;
  /** The cleaned pattern without its `!`. */
  readonly text: string;
  private readonly type: MatchType;
  private readonly regexp: RegExp | null = null;

  constructor(raw: string) {
    let p = cleanPath(trimSpace(raw));
    this.exclusion = p[0] === '!';
    if (this.exclusion) {
      if (p.length === 1) throw new DockerignoreError('illegal exclusion pattern: "!"');
      p = p.slice(1);
    }
    if (badGlob(p)) throw new DockerignoreError('syntax error in pattern');
    this.text = p;
    // moby's Pattern.compile: a regular expression unless a cheaper test does.
    let re = '^';
    let type: MatchType = 'exact';
    const chars = [...p];
    // Whether the expression is inside a character class: a `u`-mode
    // expression wants `-` escaped only there, and a `]` outside one escaped.
    let inClass = false;
    for (let k = 0, i = 0; k < chars.length; i++) {
      const ch = chars[k++]!;
      if (ch === '*') {
        if (chars[k] === '*') {
          k++;
          if (chars[k] === '/') k++;
          if (k >= chars.length) {
            if (type === 'exact') type = 'prefix';
            else {
              re += '.*';
              type = 'regexp';
            }
          } else {
            re += '(.*/)?';
            type = 'regexp';
          }
          if (i === 0) type = 'suffix';
        } else {
          re += '[^/]*';
          type = 'regexp';
        }
      } else if (ch === '?') {
        re += '[^/]';
        type = 'regexp';
      } else if (REGEX_META.has(ch)) {
        re += `\\${ch}`;
      } else if (ch === '\\') {
        if (k < chars.length) {
          const next = chars[k++]!;
          if (SHARED_ESCAPES.has(next) || SYNTAX.has(next) || (inClass && next === '-')) re += `\\${next}`;
          else re += next;
          type = 'regexp';
        } else {
          re += '\\\\';
        }
      } else if (ch === '[' || ch === ']') {
        if (ch === '[') re += inClass ? '\\[' : '[';
        else re += inClass ? ']' : '\\]';
        inClass = ch === '[';
        type = 'regexp';
      } else {
        re += ch;
      }
    }
    this.type = type;
    if (type === 'regexp') {
      try {
        // `u`: `?` and `[^/]` take one code point, as Go's take one rune.
        this.regexp = new RegExp(`${re}$`, 'su');
      } catch {
        throw new DockerignoreError('syntax error in pattern');
      }
    }
  }

  /** The pattern against one slash-separated path (no parent directories). */
  match(path: string): boolean {
    switch (this.type) {
      case 'exact':
        return path === this.text;
      case 'prefix':
        return path.startsWith(this.text.slice(0, -2));
      case 'suffix': {
        const suffix = this.text.slice(2);
        if (path.endsWith(suffix)) return true;
        return suffix[0] === '/' && path === suffix.slice(1);
      }
      case 'regexp':
        return this.regexp!.test(path);
    }
  }
}

/** Per pattern, whether a directory matched it: what a walk hands down to the directory's entries. */
export type ParentMatches = readonly boolean[];

/** moby's PatternMatcher over a `.dockerignore`'s patterns. */
export class Matcher {
  readonly patterns: readonly Pattern[];
  /** Whether any pattern is a `!` exception. */
  readonly exclusions: boolean;

  /** Throws DockerignoreError for a malformed pattern. */
  constructor(patterns: readonly string[]) {
    const out: Pattern[] = [];
    for (const raw of patterns) {
      if (trimSpace(raw) === '') continue;
      out.push(new Pattern(raw));
    }
    this.patterns = out;
    this.exclusions = out.some((p) => p.exclusion);
  }

  /** Whether `path` (relative to the context, slash-separated) is excluded: it or a parent directory matches, and no later exception re-includes it. */
  matches(path: string): boolean {
    const file = cleanPath(path);
    if (file === '.') return false;
    const parents = parentDirs(file);
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let m = p.match(file);
      if (!m) m = parents.some((d) => p.match(d));
      if (m) matched = !p.exclusion;
    }
    return matched;
  }

  /**
   * The same answer during a walk from the root, reusing the parent
   * directory's results (moby's MatchesUsingParentResults); `parent` is
   * undefined for entries of the root.
   */
  matchesWithParent(path: string, parent: ParentMatches | undefined): { excluded: boolean; info: ParentMatches } {
    const info: boolean[] = [];
    let matched = false;
    this.patterns.forEach((p, i) => {
      let m = parent?.[i] ?? false;
      if (!m) {
        if (p.exclusion !== matched) {
          info[i] = false;
          return;
        }
        m = p.match(path);
        if (!m && parent === undefined) m = parentDirs(path).some((d) => p.match(d));
      }
      info[i] = m;
      if (m) matched = !p.exclusion;
    });
    return { excluded: matched, info };
  }

  /**
   * Whether a walk must still enter an excluded directory: some exception
   * names a path under it (moby's archive walk checks the pattern's text).
   */
  mayReinclude(dir: string): boolean {
    if (!this.exclusions) return false;
    const slash = `${dir}/`;
    return this.patterns.some((p) => p.exclusion && `${p.text}/`.startsWith(slash));
  }

  /**
   * The deprecated `Matches` docker/cli still uses to decide whether the
   * Dockerfile and `.dockerignore` need re-including: parent directories
   * are tried only as deep as the pattern has parts.
   */
  matchesShallow(path: string): boolean {
    const file = cleanPath(path);
    if (file === '.') return false;
    const slash = file.lastIndexOf('/');
    const parentDirsList = slash < 0 ? null : file.slice(0, slash).split('/');
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let m = p.match(file);
      if (!m && parentDirsList !== null) {
        const depth = p.text.split('/').length;
        if (depth <= parentDirsList.length) m = p.match(parentDirsList.slice(0, depth).join('/'));
      }
      if (m) matched = !p.exclusion;
    }
    return matched;
  }
}

/** "a/b/c" → ["a", "a/b"]. */
function parentDirs(file: string): string[] {
  const parts = file.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

/**
 * docker/cli's TrimBuildFilesFromExcludes: the `.dockerignore` and the
 * Dockerfile are sent even when a pattern excludes them (the daemon needs
 * them), unless the Dockerfile comes from stdin.
 */
export function keepBuildFiles(patterns: readonly string[], dockerfile: string, dockerfileFromStdin: boolean): string[] {
  let out = [...patterns];
  if (new Matcher(out).matchesShallow('.dockerignore')) out = [...out, '!.dockerignore'];
  if (!dockerfileFromStdin && new Matcher(out).matchesShallow(dockerfile)) out = [...out, `!${dockerfile}`];
  return out;
}
