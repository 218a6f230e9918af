// The client side of image references: distribution/reference as docker/cli
// and the API client vendor it (ParseNormalizedNamed, ParseAnyReference,
// FamiliarMatch), with its exact error texts. The CLI parses references
// itself before it calls the daemon (`docker pull Busybox` fails without
// "Error response from daemon").

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const NAME_TOTAL_LENGTH_MAX = 255;

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);

/** A parsed, normalized reference (reference.Named with optional tag and digest). */
export interface NamedRef {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** An error of the reference library: the CLI prints its text and exits 1. */
export class ReferenceError extends Error {}

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const head = i < 0 ? '' : name.slice(0, i);
  if (i < 0 || (!/[.:]/.test(head) && head !== 'localhost' && head.toLowerCase() === head)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = head;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/** go-digest's Digest.Validate for a digest the reference grammar accepted. */
function validateDigest(d: string): void {
  const i = d.indexOf(':');
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const sizes: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
  const size = sizes[algorithm];
  if (size === undefined) {
    if (!anchoredDigestRegexp.test(d)) throw new ReferenceError('invalid checksum digest format');
    throw new ReferenceError('unsupported digest algorithm');
  }
  if (encoded.length !== size) throw new ReferenceError('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(encoded)) throw new ReferenceError('invalid checksum digest format');
}

/** reference.Parse: any reference, domain not normalized. */
function parse(s: string): NamedRef {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError('repository name must have at least one component');
    if (referenceRegexp.test(s.toLowerCase())) throw new ReferenceError('repository name must be lowercase');
    throw new ReferenceError('invalid reference format');
  }
  const name = anchoredNameRegexp.exec(m[1]!);
  const domain = name?.[1] ?? '';
  const path = name ? name[2]! : m[1]!;
  if (path.length > NAME_TOTAL_LENGTH_MAX) {
    throw new ReferenceError(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const ref: NamedRef = { domain, path };
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    validateDigest(m[3]);
    ref.digest = m[3];
  }
  return ref;
}

/** reference.ParseNormalizedNamed: "busybox" is docker.io/library/busybox. */
export function parseNormalizedNamed(s: string): NamedRef {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

/**
 * reference.ParseAnyReference: a 64-hex ID or a bare digest is a digest
 * reference (returned as null), anything else a normalized name.
 */
export function parseAnyReference(s: string): NamedRef | null {
  if (anchoredIdentifierRegexp.test(s)) return null;
  if (anchoredDigestRegexp.test(s)) {
    try {
      validateDigest(s);
      return null;
    } catch {
      // not a digest: parse it as a name
    }
  }
  return parseNormalizedNamed(s);
}

export function isNameOnly(r: NamedRef): boolean {
  return r.tag === undefined && r.digest === undefined;
}

/** reference.TagNameOnly: adds ":latest" to a bare name. */
export function tagNameOnly(r: NamedRef): NamedRef {
  return isNameOnly(r) ? { ...r, tag: 'latest' } : r;
}

/** docker.io/library/busybox */
export function fullName(r: NamedRef): string {
  return r.domain === '' ? r.path : `${r.domain}/${r.path}`;
}

/** ref.String(): docker.io/library/busybox:latest */
export function referenceString(r: NamedRef): string {
  return fullName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}

/** reference.FamiliarName: busybox, user/app, localhost:5000/app. */
export function familiarName(r: NamedRef): string {
  if (r.domain !== DEFAULT_DOMAIN) return fullName(r);
  if (r.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = r.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return r.path;
}

/** reference.FamiliarString: busybox:latest, busybox@sha256:... */
export function familiarString(r: NamedRef): string {
  return familiarName(r) + (r.tag !== undefined ? `:${r.tag}` : '') + (r.digest !== undefined ? `@${r.digest}` : '');
}

/** Go's path.ErrBadPattern. */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

/** reference.FamiliarMatch: the pattern against "name:tag", then against the name alone. */
export function familiarMatch(pattern: string, r: NamedRef): boolean {
  const matched = pathMatch(pattern, familiarString(r));
  if (matched) return true;
  try {
    return pathMatch(pattern, familiarName(r));
  } catch {
    return false;
  }
}

/**
 * Go's path.Match: `*` any run of non-`/` characters, `?` one non-`/`
 * character, `[...]` a class (`^` negates, `a-z` ranges), `\` escapes.
 * Throws BadPatternError for a malformed pattern (Go reports it even when
 * the name already failed to match, as long as it reaches the bad part).
 */
export function pathMatch(pattern: string, name: string): boolean {
  let pat = [...pattern];
  let nm = [...name];
  Pattern: while (pat.length > 0) {
    const [star, chunk, rest] = scanChunk(pat);
    pat = rest;
    if (star && chunk.length === 0) {
      // trailing * matches the rest of the name unless it has a /
      return !nm.includes('/');
    }
    const [t, ok, err] = matchChunk(chunk, nm);
    if (ok && (t.length === 0 || pat.length > 0)) {
      nm = t;
      continue;
    }
    if (err) throw new BadPatternError();
    if (star) {
      for (let i = 0; i < nm.length && nm[i] !== '/'; i++) {
        const [t2, ok2, err2] = matchChunk(chunk, nm.slice(i + 1));
        if (ok2) {
          if (pat.length === 0 && t2.length > 0) continue;
          nm = t2;
          continue Pattern;
        }
        if (err2) throw new BadPatternError();
      }
    }
    // Before returning false, Go checks the rest of the pattern for syntax errors.
    while (pat.length > 0) {
      const [, chunk2, rest2] = scanChunk(pat);
      pat = rest2;
      const [, , err3] = matchChunk(chunk2, []);
      if (err3) throw new BadPatternError();
    }
    return false;
  }
  return nm.length === 0;
}

function scanChunk(pattern: string[]): [boolean, string[], string[]] {
  let star = false;
  while (pattern.length > 0 && pattern[0] === '*') {
    pattern = pattern.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  Scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case '\\':
        if (i + 1 < pattern.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break Scan;
        break;
    }
  }
  return [star, pattern.slice(0, i), pattern.slice(i)];
}

/** Returns [rest of name, matched, bad pattern]. */
function matchChunk(chunk: string[], s: string[]): [string[], boolean, boolean] {
  let failed = false;
  let c = chunk;
  while (c.length > 0) {
    if (!failed && s.length === 0) failed = true;
    switch (c[0]) {
      case '[': {
        let r = '';
        if (!failed) {
          r = s[0]!;
          s = s.slice(1);
        }
        c = c.slice(1);
        let negated = false;
        if (c.length > 0 && c[0] === '^') {
          negated = true;
          c = c.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (c.length > 0 && c[0] === ']' && nrange > 0) {
            c = c.slice(1);
            break;
          }
          const lo = getEsc(c);
          if (!lo) return [[], false, true];
          c = lo[1];
          let hi = lo[0];
          if (c[0] === '-') {
            const h = getEsc(c.slice(1));
            if (!h) return [[], false, true];
            hi = h[0];
            c = h[1];
          }
          const cp = r.codePointAt(0) ?? -1;
          if (lo[0].codePointAt(0)! <= cp && cp <= hi.codePointAt(0)!) match = true;
          nrange++;
        }
        if (match === negated) failed = true;
        break;
      }
      case '?':
        if (!failed) {
          if (s[0] === '/') failed = true;
          s = s.slice(1);
        }
        c = c.slice(1);
        break;
      case '\\':
        c = c.slice(1);
        if (c.length === 0) return [[], false, true];
        if (!failed) {
          if (c[0] !== s[0]) failed = true;
          s = s.slice(1);
        }
        c = c.slice(1);
        break;
      default:
        if (!failed) {
          if (c[0] !== s[0]) failed = true;
          s = s.slice(1);
        }
        c = c.slice(1);
    }
  }
  if (failed) return [[], false, false];
  return [s, true, false];
}

function getEsc(chunk: string[]): [string, string[]] | null {
  if (chunk.length === 0 || chunk[0] === '-' || chunk[0] === ']') return null;
  let c = chunk;
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) return null;
  }
  const r = c[0]!;
  c = c.slice(1);
  if (c.length === 0) return null;
  return [r, c];
}
