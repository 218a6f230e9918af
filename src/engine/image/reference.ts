// Image references, parsed and normalised as Docker's distribution/reference
// does: "busybox" is docker.io/library/busybox:latest; "localhost:5000/x"
// keeps its registry; a digest pins content.
import { DaemonError } from '../errors/errors.ts';
import { Errors } from '../errors/messages.ts';

export const DEFAULT_DOMAIN = 'docker.io';
export const DEFAULT_TAG = 'latest';
const LEGACY_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const NAME_TOTAL_MAX = 255;

export interface Reference {
  /** Registry host (docker.io for Docker Hub). */
  domain: string;
  /** Repository path inside the registry (library/busybox). */
  path: string;
  tag?: string;
  digest?: string;
}

/** docker.io/library/busybox */
export function fullName(r: Reference): string {
  return `${r.domain}/${r.path}`;
}

/** busybox, user/app, localhost:5000/app — the name as the CLI shows it. */
export function familiarName(r: Reference): string {
  if (r.domain !== DEFAULT_DOMAIN) return fullName(r);
  return r.path.startsWith(OFFICIAL_PREFIX) && r.path.indexOf('/', OFFICIAL_PREFIX.length) < 0
    ? r.path.slice(OFFICIAL_PREFIX.length)
    : r.path;
}

/** busybox:latest, busybox@sha256:..., user/app:v1 */
export function familiarString(r: Reference): string {
  let s = familiarName(r);
  if (r.tag !== undefined) s += `:${r.tag}`;
  if (r.digest !== undefined) s += `@${r.digest}`;
  return s;
}

/** docker.io/library/busybox:latest */
export function canonicalString(r: Reference): string {
  let s = fullName(r);
  if (r.tag !== undefined) s += `:${r.tag}`;
  if (r.digest !== undefined) s += `@${r.digest}`;
  return s;
}

/** Adds the default tag when neither tag nor digest is given. */
export function withDefaultTag(r: Reference): Reference {
  return r.tag === undefined && r.digest === undefined ? { ...r, tag: DEFAULT_TAG } : r;
}

function splitDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (
    i < 0 ||
    (!name.slice(0, i).includes('.') && !name.slice(0, i).includes(':') && name.slice(0, i) !== 'localhost' &&
      name.slice(0, i).toLowerCase() === name.slice(0, i))
  ) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = name.slice(0, i);
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return { domain, remainder };
}

function validDomain(domain: string): boolean {
  // host[:port], host may be an IPv6 literal in brackets
  const m = /^(\[[0-9a-fA-F:]+\]|[^:]+)(?::([0-9]+))?$/.exec(domain);
  if (!m) return false;
  const host = m[1]!;
  if (host.startsWith('[')) return true;
  return host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

/**
 * Parses a reference as the CLI and daemon do (ParseNormalizedNamed).
 * Throws DaemonError("invalid reference format...") on bad input.
 */
export function parseReference(input: string): Reference {
  if (input === '' || input.length > 4096) throw Errors.invalidReference();
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw Errors.invalidReference();
    if (digest.startsWith('sha256:') && !SHA256_HEX.test(digest.slice(7))) throw Errors.invalidReference();
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw Errors.invalidReference();
  }
  if (rest === '') throw Errors.invalidReference();
  // "sha256:<64 hex>" alone, or 64 hex alone, is an ID, not a name
  if (SHA256_HEX.test(rest) && tag === undefined && digest === undefined) {
    throw new DaemonError(
      'invalid-parameter',
      `invalid repository name (${rest}), cannot specify 64-byte hexadecimal strings`,
    );
  }
  const { domain, remainder } = splitDomain(rest);
  if (!validDomain(domain)) throw Errors.invalidReference();
  const components = remainder.split('/');
  if (!components.every((c) => COMPONENT.test(c))) {
    if (remainder.toLowerCase() !== remainder && components.every((c) => COMPONENT.test(c.toLowerCase()))) {
      throw Errors.invalidReferenceUppercase(remainder);
    }
    throw Errors.invalidReference();
  }
  if (`${domain}/${remainder}`.length > NAME_TOTAL_MAX) throw Errors.invalidReference();
  const ref: Reference = { domain, path: remainder };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** True when the text looks like an image ID or a prefix of one (hex only). */
export function looksLikeIdPrefix(s: string): boolean {
  const h = s.startsWith('sha256:') ? s.slice(7) : s;
  return /^[a-f0-9]{1,64}$/.test(h);
}
