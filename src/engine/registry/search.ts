// `docker search` on the daemon's side: moby's registry search service
// (registry/search.go, search_endpoint_v1.go, search_session.go at v28.2.2)
// over Docker Hub's v1 search endpoint (https://index.docker.io/v1/search),
// which Berth answers itself: no request leaves the page. A term naming
// another registry (`localhost:5000/x`) goes to that registry's v1 API, which
// registry:2 does not have.
import { DaemonError } from '../errors/errors.ts';
import type { ConnectResult, Listener } from '../runtime/process.ts';
import { HubRegistry } from './hub.ts';
import type { Registry } from './registry.ts';

/** One search hit as the API returns it (moby registry.SearchResult). */
export interface SearchResult {
  name: string;
  description: string;
  starCount: number;
  isOfficial: boolean;
  /** Deprecated: Docker Hub no longer has automated builds, and moby forces it to false. */
  isAutomated: boolean;
}

/** The API's filters (filters.Args): each key with its values in the order given. */
export type SearchFilters = ReadonlyMap<string, readonly string[]>;

export interface SearchOptions {
  /** The `limit` query parameter; 0 or absent is the Hub's default of 25. */
  limit?: number;
  filters?: SearchFilters;
}

/**
 * A repository as Docker Hub's search lists it: its short description and
 * star count. One row for each catalogue repository (a test checks the two
 * agree). Descriptions are the Hub's short descriptions; star counts are
 * what `docker search` printed in 2025 (ubuntu 17862, alpine 11477, redis
 * 13623, debian 5319, hello-world 2489, mongo 10504, python 9940, centos
 * 7780, tomcat 3676, busybox 3243 were read off published `docker search`
 * outputs of 2024–2025, nginx 21173 off one of 2026); node, rabbitmq and
 * registry are rounded estimates of the Hub pages in 2025. The community and
 * Microsoft rows come from older outputs: training/sinatra (no description,
 * 18 stars), nigelpoulton/tu-demo (first 44 characters attested, 16 stars);
 * the microsoft/* repositories are deprecated and their counts are guesses.
 */
export const HUB_LISTINGS: ReadonlyArray<{ repo: string; description: string; stars: number }> = [
  { repo: 'library/nginx', description: 'Official build of Nginx.', stars: 21173 },
  { repo: 'library/ubuntu', description: 'Ubuntu is a Debian-based Linux operating system based on free software.', stars: 17862 },
  { repo: 'library/node', description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13900 },
  { repo: 'library/redis', description: 'Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.', stars: 13623 },
  { repo: 'library/alpine', description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!', stars: 11477 },
  { repo: 'library/mongo', description: 'MongoDB document databases provide high availability and easy scalability.', stars: 10504 },
  { repo: 'library/python', description: 'Python is an interpreted, interactive, object-oriented, open-source programming language.', stars: 9940 },
  { repo: 'library/centos', description: 'DEPRECATED; The official build of CentOS.', stars: 7780 },
  { repo: 'library/debian', description: "Debian is a Linux distribution that's composed entirely of free and open-source software.", stars: 5319 },
  { repo: 'library/rabbitmq', description: 'RabbitMQ is an open source multi-protocol messaging broker.', stars: 5300 },
  { repo: 'library/registry', description: 'Distribution implementation for storing and distributing of container images and artifacts', stars: 4100 },
  { repo: 'library/tomcat', description: 'Apache Tomcat is an open source implementation of the Java Servlet and JavaServer Pages technologies', stars: 3676 },
  { repo: 'library/busybox', description: 'Busybox base image.', stars: 3243 },
  { repo: 'library/hello-world', description: 'Hello World! (an example of minimal Dockerization)', stars: 2489 },
  { repo: 'microsoft/dotnet', description: 'Official images for working with .NET Core and ASP.NET Core', stars: 1900 },
  { repo: 'microsoft/iis', description: 'Internet Information Services (IIS) installed in a Windows Server Core base OS image', stars: 900 },
  { repo: 'microsoft/nanoserver', description: 'Nano Server base OS image for Windows containers', stars: 600 },
  { repo: 'training/sinatra', description: '', stars: 18 },
  { repo: 'nigelpoulton/tu-demo', description: 'Voting web server used for various Pluralsight courses and talks', stars: 16 },
];

/** moby's defaultSearchLimit: what the Hub is asked for when the client sends no limit. */
const DEFAULT_LIMIT = 25;

/** The docker daemon's User-Agent header (as the router's requests send it). */
const USER_AGENT = 'docker/28.2.2 go/go1.24.3 git-commit/e77ff99 kernel/6.8.0-berth os/linux arch/amd64';

const invalid = (m: string) => new DaemonError('invalid-parameter', m);

/** What a search reaches: the Hub (for what learners pushed) and, for other registries, the network. */
export interface SearchSources {
  /** Repositories pushed to Docker Hub (public, no stars, no description). */
  pushed(): Promise<string[]>;
  /** A TCP connection from the daemon's host; absent: nothing but the Hub answers. */
  dial?(host: string, port: number): ConnectResult;
  /** Whether a registry host is secure (moby's isSecureIndex). */
  isSecure?(domain: string): boolean;
}

/**
 * What the daemon's registry (the router of registry/router.ts) offers a
 * search: its Hub's pushed repositories, its dial and its insecure-registries.
 */
export function searchSources(registry: Registry): SearchSources {
  const r = registry as unknown as { hub?: Registry; dial?: (host: string, port: number) => ConnectResult; isSecure?: (domain: string) => boolean };
  const hub = r.hub ?? registry;
  return {
    pushed: async () => (hub instanceof HubRegistry ? (await hub.pushed.catalog()).map((c) => c.path) : []),
    ...(typeof r.dial === 'function' ? { dial: (host: string, port: number) => r.dial!(host, port) } : {}),
    ...(typeof r.isSecure === 'function' ? { isSecure: (domain: string) => r.isSecure!.call(registry, domain) } : {}),
  };
}

/**
 * moby's Service.Search: validates the filters, asks the registry the term
 * names (Docker Hub by default) for `limit` results, then keeps those the
 * filters let through.
 */
export async function searchImages(term: string, opts: SearchOptions, sources: SearchSources): Promise<SearchResult[]> {
  const filters = opts.filters ?? new Map<string, readonly string[]>();
  for (const key of filters.keys()) {
    if (key !== 'is-automated' && key !== 'is-official' && key !== 'stars') throw invalid(`invalid filter '${key}'`);
  }
  // "is-automated" is deprecated: filtering for true yields nothing, before anything else is asked
  if (boolFilter(filters, 'is-automated')) return [];
  const isOfficial = boolFilter(filters, 'is-official');
  let minStars = 0;
  for (const v of filters.get('stars') ?? []) {
    const n = atoi(v);
    if (typeof n === 'string') throw invalid(`invalid filter 'stars=${v}': ${n}`);
    if (n > minStars) minStars = n;
  }
  const unfiltered = await searchUnfiltered(term, opts.limit ?? 0, sources);
  return unfiltered
    .filter((r) => (filters.has('is-official') ? r.isOfficial === isOfficial : true))
    .filter((r) => (filters.has('stars') ? r.starCount >= minStars : true))
    .map((r) => ({ ...r, isAutomated: false }));
}

/** filters.Args.GetBoolOrDefault(key, false). */
function boolFilter(filters: SearchFilters, key: string): boolean {
  const values = filters.get(key);
  if (!values) return false;
  if (values.length === 0) throw invalid(`invalid filter '${key}'`);
  const isFalse = values.includes('0') || values.includes('false');
  const isTrue = values.includes('1') || values.includes('true');
  if (isFalse === isTrue) throw invalid(`invalid filter '${key}=[${values.join(' ')}]'`);
  return isTrue;
}

/** strconv.Atoi: the number, or the error's text. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return Number(n);
}

/** moby's splitReposSearchTerm: the registry a term names (docker.io unless its first part looks like a host) and the rest. */
function splitTerm(term: string): { index: string; remote: string } {
  const slash = term.indexOf('/');
  if (slash < 0) return { index: 'docker.io', remote: term };
  const first = term.slice(0, slash);
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return { index: 'docker.io', remote: term };
  return { index: first, remote: term.slice(slash + 1) };
}

async function searchUnfiltered(term: string, limit: number, sources: SearchSources): Promise<SearchResult[]> {
  if (term.includes('://')) throw invalid(`invalid repository name: repository name (${term}) should not have a scheme`);
  const split = splitTerm(term);
  const index = split.index === 'index.docker.io' ? 'docker.io' : split.index;
  if (index === 'docker.io') {
    // the official index: `library/foo` is searched as `foo`; its endpoint is never pinged
    const remote = split.remote.startsWith('library/') ? split.remote.slice('library/'.length) : split.remote;
    const n = checkLimit(limit);
    return hubSearch(await hubListings(sources), remote, n);
  }
  const endpoint = await v1Endpoint(index, sources);
  const n = checkLimit(limit);
  return endpoint.search(split.remote, n);
}

/** searchRepositories' check of the limit (after the endpoint answered its ping). */
function checkLimit(limit: number): number {
  const n = limit === 0 ? DEFAULT_LIMIT : limit;
  if (n < 1 || n > 100) throw invalid(`limit ${n} is outside the range of [1, 100]`);
  return n;
}

interface Listing {
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

/** Everything Docker Hub's search can find: the catalogue's repositories and what learners pushed. */
async function hubListings(sources: SearchSources): Promise<Listing[]> {
  const listed: Listing[] = HUB_LISTINGS.map((l) => ({
    name: l.repo.startsWith('library/') ? l.repo.slice('library/'.length) : l.repo,
    description: l.description,
    stars: l.stars,
    official: l.repo.startsWith('library/'),
  }));
  const known = new Set(listed.map((l) => l.name));
  for (const path of await sources.pushed()) {
    if (!known.has(path)) listed.push({ name: path, description: '', stars: 0, official: false });
  }
  return listed;
}

/**
 * Docker Hub's answer to /v1/search?q=term&n=limit. The Hub matches a term
 * in the repository's name anywhere (`deb` finds `neurodebian`), and in its
 * description at the start of a word (`java` finds node, "a JavaScript-based
 * platform"), regardless of case. It ranks the repository named exactly by
 * the term first, then the rest by stars: published outputs mostly follow
 * stars after the exact match, though the Hub's relevance score is its own.
 */
export function hubSearch(listings: readonly Listing[], term: string, limit: number): SearchResult[] {
  const q = term.toLowerCase();
  if (q === '') return [];
  const word = new RegExp(`(^|[^\\p{L}\\p{N}])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
  const hits = listings.filter((l) => l.name.toLowerCase().includes(q) || word.test(l.description.toLowerCase()));
  const exact = (l: Listing) => (l.name.toLowerCase() === q ? 0 : 1);
  hits.sort((a, b) => exact(a) - exact(b) || b.stars - a.stars || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return hits.slice(0, limit).map((l) => ({ name: l.name, description: l.description, starCount: l.stars, isOfficial: l.official, isAutomated: false }));
}

/** A registry's v1 endpoint after its ping answered. */
interface V1Endpoint {
  search(remote: string, limit: number): Promise<SearchResult[]>;
}

/**
 * newV1Endpoint: pings https://host/v1/_ping; a registry that is not secure
 * (loopback, insecure-registries) is tried again over plain HTTP. Any HTTP
 * answer will do (registry:2's 404 too): the ping checks no status.
 */
async function v1Endpoint(index: string, sources: SearchSources): Promise<V1Endpoint> {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(index)!;
  const host = m[1]!;
  const portText = m[2];
  if (portText !== undefined && portText !== '' && !/^\d+$/.test(portText)) {
    throw invalid(`parse "https://${index}": invalid port ":${portText}" after host`);
  }
  const port = portText ? Number(portText) : 443;
  const secure = sources.isSecure ? sources.isSecure(index) : true;
  const dial = (): ConnectResult => (sources.dial ? sources.dial(host, port) : { error: `dial tcp: lookup ${host}: no such host` });

  const https = `https://${index}/v1/`;
  const c = dial();
  let httpsError: string;
  if ('error' in c) httpsError = `Get "${https}_ping": ${c.error}`;
  else if (c.listener.serve || c.listener.registry) httpsError = `Get "${https}_ping": http: server gave HTTP response to HTTPS client`;
  else httpsError = `Get "${https}_ping": EOF`;
  if (secure) {
    throw invalid(
      `invalid registry endpoint ${https}: ${httpsError}. If this private registry supports only HTTP or HTTPS with an unknown CA certificate, please add \`--insecure-registry ${index}\` to the daemon's arguments. In the case of HTTPS, if you have access to the registry's CA certificate, no need for the flag; simply place the CA certificate at /etc/docker/certs.d/${index}/ca.crt`,
    );
  }
  const http = `http://${index}/v1/`;
  const again = dial();
  let httpError: string | undefined;
  if ('error' in again) httpError = `Get "${http}_ping": ${again.error}`;
  else if (!again.listener.serve && !again.listener.registry) httpError = `Get "${http}_ping": EOF`;
  if (httpError !== undefined || 'error' in again) {
    throw invalid(`invalid registry endpoint "${http}". HTTPS attempt: ${httpsError}. HTTP attempt: ${httpError}`);
  }
  const listener = again.listener;
  await request(listener, index, '/v1/_ping');
  return {
    search: async (remote, limit) => {
      const { status, body } = await request(listener, index, `/v1/search?q=${queryEscape(remote)}&n=${limit}`, true);
      if (status !== 200) throw new DaemonError('system', `Unexpected status code ${status}`);
      return decodeResults(body);
    },
  };
}

/** One GET to a listener; a registry server reached only through its typed API answers 404 (it has no v1 routes). */
async function request(l: Listener, domain: string, path: string, token = false): Promise<{ status: number; body: string }> {
  if (!l.serve) return { status: 404, body: '404 page not found\n' };
  const response = await l.serve(
    `GET ${path} HTTP/1.1\r\nHost: ${domain}\r\nUser-Agent: ${USER_AGENT}\r\n${token ? 'X-Docker-Token: true\r\n' : ''}Accept-Encoding: gzip\r\n\r\n`,
  );
  const split = response.indexOf('\r\n\r\n');
  return { status: Number(/^HTTP\/\d(?:\.\d)? (\d+)/.exec(response)?.[1] ?? 0), body: split >= 0 ? response.slice(split + 4) : '' };
}

/** json.Decoder into registry.SearchResults, with encoding/json's error texts for what is not JSON. */
function decodeResults(body: string): SearchResult[] {
  const text = body.trimStart();
  const fail = (why: string) => new DaemonError('system', `error decoding registry search results: ${why}`);
  if (text === '') throw fail('EOF');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const ch = text[0]!;
    if (!/[[{"\-0-9tfn]/.test(ch)) throw fail(`invalid character ${ch === "'" ? "'\\''" : `'${ch}'`} looking for beginning of value`);
    throw fail('unexpected EOF');
  }
  if (parsed === null) return [];
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    const what = Array.isArray(parsed) ? 'array' : typeof parsed === 'string' ? 'string' : typeof parsed === 'number' ? 'number' : 'bool';
    throw fail(`json: cannot unmarshal ${what} into Go value of type registry.SearchResults`);
  }
  const results = (parsed as { results?: unknown }).results;
  if (!Array.isArray(results)) return [];
  return results
    .filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object')
    .map((r) => ({
      name: typeof r.name === 'string' ? r.name : '',
      description: typeof r.description === 'string' ? r.description : '',
      starCount: typeof r.star_count === 'number' ? Math.trunc(r.star_count) : 0,
      isOfficial: r.is_official === true,
      isAutomated: r.is_automated === true,
    }));
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
