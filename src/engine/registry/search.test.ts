// The daemon's side of `docker search` (moby v28.2.2 registry/search.go,
// search_endpoint_v1.go, search_session.go): Docker Hub's index, the
// filters, the limit, and the v1 endpoint of other registries.
import { describe, expect, it } from 'vitest';
import { DaemonError } from '../errors/errors.ts';
import type { ConnectResult, Listener } from '../runtime/process.ts';
import { HubRegistry, loadCatalogue } from './hub.ts';
import { defaultRegistries } from './router.ts';
import { HUB_LISTINGS, searchImages, searchSources, type SearchSources } from './search.ts';

const hubOnly = (pushed: string[] = []): SearchSources => ({ pushed: async () => pushed });
const names = async (term: string, opts: Parameters<typeof searchImages>[1] = {}, sources = hubOnly()) =>
  (await searchImages(term, opts, sources)).map((r) => r.name);
const filters = (...kv: Array<[string, string[]]>) => new Map(kv);
const failure = async (p: Promise<unknown>): Promise<DaemonError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DaemonError) return e;
    throw e;
  }
  throw new Error('expected a DaemonError');
};

describe('Docker Hub search index', () => {
  it('lists every repository of the catalogue, and only those', async () => {
    const catalogue = new Set((await loadCatalogue()).map((r) => r.repo));
    expect(new Set(HUB_LISTINGS.map((l) => l.repo))).toEqual(catalogue);
    expect(HUB_LISTINGS.length).toBe(catalogue.size);
  });

  it('names official images without library/, marks them official, and nothing as automated', async () => {
    const [nginx] = await searchImages('nginx', {}, hubOnly());
    expect(nginx).toEqual({ name: 'nginx', description: 'Official build of Nginx.', starCount: 21173, isOfficial: true, isAutomated: false });
    const [sinatra] = await searchImages('sinatra', {}, hubOnly());
    expect(sinatra).toMatchObject({ name: 'training/sinatra', isOfficial: false, isAutomated: false });
  });

  it('matches the name anywhere and the description at a word start, in any case; the exact name first, then by stars', async () => {
    expect(await names('debian')).toEqual(['debian', 'ubuntu']);
    expect(await names('DEB')).toEqual(['ubuntu', 'debian']);
    expect(await names('ebian')).toEqual(['debian']);
    expect(await names('java')).toEqual(['node', 'tomcat']);
    expect(await names('nigelpoulton')).toEqual(['nigelpoulton/tu-demo']);
    expect(await names('nosuchthing')).toEqual([]);
    expect(await names('')).toEqual([]);
    // regular-expression characters are plain text
    expect(await names('(iis)')).toEqual(['microsoft/iis']);
  });

  it('lists what learners pushed: public, no stars, no description', async () => {
    const results = await searchImages('ubuntu', {}, hubOnly(['alice/ubuntu-tools']));
    expect(results.map((r) => [r.name, r.starCount, r.description, r.isOfficial])).toEqual([
      ['ubuntu', 17862, 'Ubuntu is a Debian-based Linux operating system based on free software.', true],
      ['alice/ubuntu-tools', 0, '', false],
    ]);
  });

  it('reads pushed repositories from the router’s Hub', async () => {
    const sha256 = async () => '0'.repeat(64);
    const sources = searchSources(defaultRegistries(sha256, new HubRegistry(sha256, [])));
    expect(await sources.pushed()).toEqual([]);
    expect(typeof sources.dial).toBe('function');
    expect(sources.isSecure?.('localhost:5000')).toBe(false);
    expect(sources.isSecure?.('quay.io')).toBe(true);
  });
});

describe('search filters and limit', () => {
  it('applies the limit on the Hub, then the filters', async () => {
    expect(await names('o', { limit: 2 })).toEqual(['nginx', 'ubuntu']);
    expect(await names('o', { limit: 2, filters: filters(['is-official', ['false']]) })).toEqual([]);
    expect((await names('o')).length).toBeLessThanOrEqual(25);
  });

  it('stars=N keeps N or more (the highest of several values); is-official=1/0 as true/false', async () => {
    expect(await names('o', { filters: filters(['stars', ['10504']]) })).toEqual(['nginx', 'ubuntu', 'node', 'alpine', 'mongo']);
    expect(await names('o', { filters: filters(['stars', ['10', '10505']]) })).toEqual(['nginx', 'ubuntu', 'node', 'alpine']);
    expect(await names('o', { filters: filters(['stars', ['-3']]) })).toHaveLength(await names('o').then((n) => n.length));
    expect(await names('sinatra', { filters: filters(['is-official', ['0']]) })).toEqual(['training/sinatra']);
    expect(await names('sinatra', { filters: filters(['is-official', ['1']]) })).toEqual([]);
  });

  it('refuses what moby refuses, with its texts', async () => {
    const e = await failure(searchImages('x', { filters: filters(['label', ['a']]) }, hubOnly()));
    expect([e.kind, e.message]).toEqual(['invalid-parameter', "invalid filter 'label'"]);
    expect((await failure(searchImages('x', { filters: filters(['stars', ['1', 'many']]) }, hubOnly()))).message).toBe(
      `invalid filter 'stars=many': strconv.Atoi: parsing "many": invalid syntax`,
    );
    expect((await failure(searchImages('x', { filters: filters(['stars', ['99999999999999999999']]) }, hubOnly()))).message).toBe(
      `invalid filter 'stars=99999999999999999999': strconv.Atoi: parsing "99999999999999999999": value out of range`,
    );
    expect((await failure(searchImages('x', { filters: filters(['is-official', ['true', 'false']]) }, hubOnly()))).message).toBe(
      "invalid filter 'is-official=[true false]'",
    );
    expect((await failure(searchImages('x', { filters: filters(['is-automated', ['maybe']]) }, hubOnly()))).message).toBe(
      "invalid filter 'is-automated=[maybe]'",
    );
    expect((await failure(searchImages('x', { limit: 101 }, hubOnly()))).message).toBe('limit 101 is outside the range of [1, 100]');
    expect((await failure(searchImages('ftp://x', {}, hubOnly()))).message).toBe(
      'invalid repository name: repository name (ftp://x) should not have a scheme',
    );
  });

  it('is-automated=true answers nothing without asking the registry', async () => {
    let asked = false;
    const sources: SearchSources = { pushed: async () => ((asked = true), []) };
    expect(await searchImages('ubuntu', { limit: 500, filters: filters(['is-automated', ['true']]) }, sources)).toEqual([]);
    expect(asked).toBe(false);
    expect(await names('ubuntu', { filters: filters(['is-automated', ['false']]) })).toEqual(['ubuntu']);
  });
});

describe('searching another registry (its v1 API)', () => {
  /** A network where `host:port` has the given listener, and every other host does not resolve. */
  function network(where: string, listener: Listener | undefined, secure = false): SearchSources & { requests: string[] } {
    const requests: string[] = [];
    return {
      requests,
      pushed: async () => [],
      isSecure: () => secure,
      dial: (host, port): ConnectResult => {
        if (`${host}:${port}` !== where) return { error: `dial tcp: lookup ${host}: no such host` };
        if (!listener) return { error: `dial tcp 10.0.0.2:${port}: connect: connection refused` };
        return {
          address: '10.0.0.2',
          listener: listener.serve ? { ...listener, serve: async (req) => (requests.push(req.split('\r\n')[0]!), listener.serve!(req)) } : listener,
        };
      },
    };
  }
  const http = (status: string, body: string) => async () => `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n${body}`;

  it('pings /v1/_ping, then asks /v1/search?q=&n= and filters the answer', async () => {
    const body = JSON.stringify({
      num_results: 2,
      query: 'team/app',
      results: [
        { name: 'team/app', description: 'An app', star_count: 7, is_official: false, is_automated: true },
        { name: 'team/app-old', description: '', star_count: 1, is_official: false, is_automated: false },
      ],
    });
    const net = network('berth2:5000', { pid: 1, port: 5000, proto: 'tcp', serve: http('200 OK', body) });
    const results = await searchImages('berth2:5000/team/app', { limit: 10, filters: filters(['stars', ['5']]) }, net);
    expect(results).toEqual([{ name: 'team/app', description: 'An app', starCount: 7, isOfficial: false, isAutomated: false }]);
    expect(net.requests).toEqual(['GET /v1/_ping HTTP/1.1', 'GET /v1/search?q=team%2Fapp&n=10 HTTP/1.1']);
  });

  it('reports what is not a v1 search as moby does', async () => {
    const listener = (serve: Listener['serve']): Listener => ({ pid: 1, port: 8080, proto: 'tcp', serve });
    const at = (l: Listener | undefined, secure = false) => network('web.local:8080', l, secure);
    expect((await failure(searchImages('web.local:8080/x', {}, at(listener(http('404 Not Found', 'nope')))))).message).toBe('Unexpected status code 404');
    expect((await failure(searchImages('web.local:8080/x', {}, at(listener(http('200 OK', '<html></html>')))))).message).toBe(
      "error decoding registry search results: invalid character '<' looking for beginning of value",
    );
    expect((await failure(searchImages('web.local:8080/x', {}, at(listener(http('200 OK', '')))))).message).toBe('error decoding registry search results: EOF');
    expect((await failure(searchImages('web.local:8080/x', {}, at({ pid: 1, port: 8080, proto: 'tcp' })))).message).toBe(
      'invalid registry endpoint "http://web.local:8080/v1/". HTTPS attempt: Get "https://web.local:8080/v1/_ping": EOF. HTTP attempt: Get "http://web.local:8080/v1/_ping": EOF',
    );
    // a secure registry is never tried over plain HTTP
    expect((await failure(searchImages('web.local:8080/x', {}, at(listener(http('200 OK', '{}')), true)))).message).toBe(
      'invalid registry endpoint https://web.local:8080/v1/: Get "https://web.local:8080/v1/_ping": http: server gave HTTP response to HTTPS client. If this private registry supports only HTTP or HTTPS with an unknown CA certificate, please add `--insecure-registry web.local:8080` to the daemon\'s arguments. In the case of HTTPS, if you have access to the registry\'s CA certificate, no need for the flag; simply place the CA certificate at /etc/docker/certs.d/web.local:8080/ca.crt',
    );
    // the limit is checked once the endpoint answered
    expect((await failure(searchImages('web.local:8080/x', { limit: 300 }, at(listener(http('200 OK', '{}')))))).message).toBe(
      'limit 300 is outside the range of [1, 100]',
    );
    expect((await failure(searchImages('web.local:x/y', {}, at(undefined)))).message).toBe('parse "https://web.local:x": invalid port ":x" after host');
  });

  it('a registry:2 server has no v1 routes: 404', async () => {
    const sha256 = async () => '0'.repeat(64);
    const sources = searchSources(defaultRegistries(sha256, new HubRegistry(sha256, [])));
    const e = await failure(searchImages('localhost:5000/busybox', {}, sources));
    expect([e.kind, e.message]).toEqual(['system', 'Unexpected status code 404']);
  });
});
