// `docker search` against the test daemon. The table, its 45-column cut and
// `[OK]`, the JSON of a row, the flags and the texts of the errors follow
// docker/cli v28.2.2 (cli/command/registry/search.go, formatter_search.go)
// and moby v28.2.2 (registry/search*.go); errors a 28.2 client prints
// against the recorder's engine (flag errors, `Unexpected status code 404`,
// the endpoint errors) were checked there, with the daemon's 28 wording.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { harness, type Harness } from '../image/harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));
const golden = (name: string) => readFileSync(new URL(`./testdata/${name}.golden`, import.meta.url), 'utf8');

let shared: Harness | undefined;
const h = () => (shared ??= harness(hasher, yieldTask));
const search = (...args: string[]) => h().docker(['search', ...args]);
const USAGE = "\nUsage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information\n";
const daemonError = (m: string) => ({ stdout: '', stderr: `Error response from daemon: ${m}\n`, status: 1 });

describe('docker search', { timeout: 30_000 }, () => {
  it('prints NAME, DESCRIPTION cut at 45 columns, STARS and [OK] for official images', async () => {
    expect(await search('deb')).toEqual({ stdout: golden('search-deb'), stderr: '', status: 0 });
    // a description matches at the start of a word: "JavaScript-based", "the Java Servlet"
    expect(await search('java')).toEqual({ stdout: golden('search-java'), stderr: '', status: 0 });
  });

  it('--no-trunc prints whole descriptions', async () => {
    expect((await search('--no-trunc', 'deb')).stdout).toBe(golden('search-deb-no-trunc'));
  });

  it('--format: fields, table headers, and json with the booleans as "true"/"false"', async () => {
    expect((await search('--format', '{{json .}}', 'redis')).stdout).toBe(golden('search-format-json'));
    expect((await search('--format', 'json', 'redis')).stdout).toBe(golden('search-format-json'));
    expect((await search('--format', '{{.Name}}: {{.StarCount}} {{.IsOfficial}}|', 'sinatra')).stdout).toBe('training/sinatra: 18 |\n');
    expect((await search('--format', 'table {{.Name}}\t{{.IsOfficial}}', '--limit', '2', 'ubuntu')).stdout).toBe('NAME      OFFICIAL\nubuntu    [OK]\n');
    // AUTOMATED left the template in 28.2
    expect(await search('--format', '{{.IsAutomated}}', 'busybox')).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1:2: executing "" at <.IsAutomated>: can\'t evaluate field IsAutomated in type *registry.searchContext\n',
      status: 1,
    });
  });

  it('--filter stars=N keeps N stars or more; is-official=true|false', async () => {
    expect((await search('--filter', 'stars=10000', '--format', '{{.Name}}', 'o')).stdout).toBe('nginx\nubuntu\nnode\nalpine\nmongo\n');
    expect((await search('-f', 'STARS=13623', '--format', '{{.Name}}', 'o')).stdout).toBe('nginx\nubuntu\nnode\n');
    expect((await search('-f', 'is-official=false', '--format', '{{.Name}}', 'o')).stdout).toBe('microsoft/dotnet\nmicrosoft/iis\nmicrosoft/nanoserver\nnigelpoulton/tu-demo\n');
    expect((await search('-f', 'is-official=true', '-f', 'stars=5000', '--format', '{{.Name}}', 'debian')).stdout).toBe('debian\nubuntu\n');
    // several stars values: the highest counts
    // "c": redis ("caching"), alpine ("complete"), centos (its name)
    expect((await search('-f', 'stars=3', '-f', 'stars=7000', '--format', '{{.Name}}', 'c')).stdout).toBe('redis\nalpine\ncentos\n');
    expect(await search('-f', 'stars=99999', 'busybox')).toEqual({ stdout: golden('search-empty'), stderr: '', status: 0 });
  });

  it('--limit: how many the Hub returns, before the filters; 0 or less is the default 25; over 100 is refused', async () => {
    expect((await search('--limit', '3', '--format', '{{.Name}}', 'o')).stdout).toBe('nginx\nubuntu\nnode\n');
    expect((await search('--limit', '3', '-f', 'is-official=false', '--format', '{{.Name}}', 'o')).stdout).toBe('');
    expect((await search('--limit', '0', '--format', '{{.Name}}', 'busybox')).stdout).toBe('busybox\n');
    expect((await search('--limit', '-5', '--format', '{{.Name}}', 'busybox')).stdout).toBe('busybox\n');
    expect(await search('--limit', '101', 'busybox')).toEqual(daemonError('limit 101 is outside the range of [1, 100]'));
    expect(await search('--limit', 'abc', 'busybox')).toEqual({
      stdout: '',
      stderr: 'invalid argument "abc" for "--limit" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' + USAGE,
      status: 125,
    });
  });

  it('refuses unknown filters and bad values as the daemon does', async () => {
    expect(await search('-f', 'name=x', 'busybox')).toEqual(daemonError("invalid filter 'name'"));
    expect(await search('-f', 'stars=abc', 'busybox')).toEqual(daemonError(`invalid filter 'stars=abc': strconv.Atoi: parsing "abc": invalid syntax`));
    expect(await search('-f', 'is-official=yes', 'busybox')).toEqual(daemonError("invalid filter 'is-official=[yes]'"));
    expect(await search('-f', 'is-official=true', '-f', 'is-official=false', 'busybox')).toEqual(daemonError("invalid filter 'is-official=[true false]'"));
    expect(await search('-f', 'is-official', 'busybox')).toEqual({
      stdout: '',
      stderr: 'invalid argument "is-official" for "-f, --filter" flag: bad format of filter (expected name=value)\n' + USAGE,
      status: 125,
    });
  });

  it('is-automated is deprecated: a warning, and =true finds nothing, before the limit is checked', async () => {
    const WARNING = 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n';
    expect(await search('-f', 'is-automated=true', '--limit', '500', 'busybox')).toEqual({ stdout: golden('search-empty'), stderr: WARNING, status: 0 });
    expect(await search('-f', 'is-automated=false', '--format', '{{.Name}}', 'busybox')).toEqual({ stdout: 'busybox\n', stderr: WARNING, status: 0 });
  });

  it('-s and --stars were removed', async () => {
    expect(await search('-s', '3', 'centos')).toEqual({ stdout: '', stderr: "unknown shorthand flag: 's' in -s\n" + USAGE, status: 125 });
    expect(await search('--stars=3', 'centos')).toEqual({ stdout: '', stderr: 'unknown flag: --stars\n' + USAGE, status: 125 });
  });

  it('a term naming another registry asks its v1 search, which registry:2 does not have', async () => {
    expect(await search('localhost:5000/busybox')).toEqual(daemonError('Unexpected status code 404'));
    expect(await search('--limit', '200', '127.0.0.1:5000/x')).toEqual(daemonError('limit 200 is outside the range of [1, 100]'));
    expect(await search('localhost:5001/x')).toEqual(
      daemonError(
        'invalid registry endpoint "http://localhost:5001/v1/". HTTPS attempt: Get "https://localhost:5001/v1/_ping": dial tcp 127.0.0.1:5001: connect: connection refused. HTTP attempt: Get "http://localhost:5001/v1/_ping": dial tcp 127.0.0.1:5001: connect: connection refused',
      ),
    );
    expect(await search('http://localhost:5000/x')).toEqual(daemonError('invalid repository name: repository name (http://localhost:5000/x) should not have a scheme'));
    // docker.io and library/ name the Hub's own repositories
    expect((await search('--format', '{{.Name}}', 'docker.io/library/redis')).stdout).toBe('redis\n');
  });
});
