import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../image/reference.ts';
import { LayerTree } from '../../../layer/tree.ts';
import type { RemoteLayer } from '../../../registry/registry.ts';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

// Start-up lines: registry/handlers/app.go (NewApp: configureSecret,
// configureRedis, startUploadPurger, the blob descriptor cache) and
// registry/registry.go (ListenAndServe), logged by logrus' TextFormatter with
// the fields of dcontext (go.version, instance.id, log.fields, version).
// Request lines: app.go ServeHTTP ("response completed"), logError
// ("response completed with error", seen in Debian's docker-registry log on
// the recording machine), gorilla's CombinedLoggingHandler on stdout.

/** The registry:2 image's /etc/docker/registry/config.yml. */
const CONFIG =
  'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n';

function registryBox(): Box {
  const b = new Box().bin('/bin/registry');
  b.fs.put('/etc/docker/registry/config.yml', CONFIG);
  return b;
}

const DATE = 'Wed, 13 Aug 2025 15:21:29 GMT';

const config = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:' + 'b'.repeat(64) + '"]}}';
const layer: RemoteLayer = { digest: 'sha256:' + 'a'.repeat(64), diffId: 'sha256:' + 'b'.repeat(64), size: 1234, tree: () => new LayerTree() };
const configDigest = 'sha256:' + 'c'.repeat(64);
const manifestJson = JSON.stringify(
  {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 1234, digest: layer.digest }],
  },
  null,
  3,
);
const manifestDigest = 'sha256:' + 'd'.repeat(64);

async function started(env: Record<string, string> = {}) {
  const b = registryBox();
  const p = b.start(['registry', 'serve', '/etc/docker/registry/config.yml'], env);
  await b.wait();
  return { b, p };
}

async function pushed(env: Record<string, string> = {}) {
  const { b, p } = await started(env);
  const w = await b.port(5000)!.registry!.openPush(parseReference('localhost:5000/bb:latest'));
  await w.putBlob(layer);
  await w.putManifest('latest', { digest: manifestDigest, json: manifestJson, configJson: config, layers: [layer] });
  b.err.text = '';
  b.out.text = '';
  return { b, p };
}

describe('registry serve', () => {
  it('logs its start as registry 2.8.3 does and listens on :5000', async () => {
    const { b, p } = await started();
    const id = /instance\.id=(\S+)/.exec(b.err.text)![1]!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const f = `go.version=go1.20.8 instance.id=${id} service=registry version=v2.8.3`;
    expect(b.err.text.replace(/upload purge in \d+m0s/, 'upload purge in 7m0s')).toBe(
      [
        `time="2025-08-13T15:21:29Z" level=warning msg="No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable." ${f}`,
        `time="2025-08-13T15:21:29Z" level=info msg="redis not configured" ${f}`,
        `time="2025-08-13T15:21:29Z" level=info msg="Starting upload purge in 7m0s" ${f}`,
        `time="2025-08-13T15:21:29Z" level=info msg="using inmemory blob descriptor cache" ${f}`,
        `time="2025-08-13T15:21:29Z" level=info msg="listening on [::]:5000" ${f}`,
        '',
      ].join('\n'),
    );
    expect(b.out.text).toBe('');
    expect(p.done).toBe(false);
    expect(b.port(5000)?.registry).toBeDefined();
  });

  it('takes the environment over the file: address, root directory, secret', async () => {
    const { b } = await started({ REGISTRY_HTTP_ADDR: '0.0.0.0:5001', REGISTRY_HTTP_SECRET: 's', REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY: '/data' });
    expect(b.err.text).not.toContain('No HTTP secret');
    expect(b.err.text).toContain('msg="listening on 0.0.0.0:5001"');
    const w = await b.port(5001)!.registry!.openPush(parseReference('localhost:5001/x:latest'));
    await w.putBlob(layer);
    expect(b.fs.exists(`/data/docker/registry/v2/blobs/sha256/aa/${'a'.repeat(64)}/data`)).toBe(true);
  });

  it('refuses a missing configuration as cobra and the parser do', async () => {
    const b = registryBox();
    expect(await b.run(['registry', 'serve'])).toBe(1);
    expect(b.err.text).toBe('configuration error: configuration path unspecified\n\nUsage: \n  registry serve <config> [flags]\n\nFlags:\n  -h, --help=false: help for serve\n\n\nAdditional help topics:\n\n');
    const c = registryBox();
    expect(await c.run(['registry', 'serve', '/nonexist.yml'])).toBe(1);
    expect(c.err.text).toMatch(/^configuration error: open \/nonexist.yml: no such file or directory\n/);
  });

  it('--version', async () => {
    const b = registryBox();
    expect(await b.run(['registry', '--version'])).toBe(0);
    expect(b.out.text).toBe('registry github.com/docker/distribution v2.8.3\n');
  });

  it('stores a push in its file system and answers curl as Distribution does', async () => {
    const { b } = await pushed();
    const v2 = '/var/lib/registry/docker/registry/v2';
    expect(b.fs.readFile(`${v2}/repositories/bb/_manifests/tags/latest/current/link`)).toEqual(new TextEncoder().encode(manifestDigest));
    expect(b.fs.stat(`${v2}/blobs/sha256/aa/${'a'.repeat(64)}/data`).size).toBe(1234);

    expect(await b.get(5000, '/v2/')).toBe(
      `HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\n\r\n{}`,
    );
    expect(await b.get(5000, '/v2/_catalog')).toBe(
      `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\nContent-Length: 24\r\n\r\n{"repositories":["bb"]}\n`,
    );
    expect(await b.get(5000, '/v2/bb/tags/list')).toContain('\r\n\r\n{"name":"bb","tags":["latest"]}\n');
    // a full page links to the next (handlers/catalog.go createLinkEntry)
    const page = await b.get(5000, '/v2/_catalog?n=1');
    expect(page).toContain('\r\nLink: </v2/_catalog?last=bb&n=1>; rel="next"\r\n');
    expect(page.endsWith('\r\n\r\n{"repositories":["bb"]}\n')).toBe(true);
    expect(await b.get(5000, '/v2/_catalog?n=1&last=bb')).toContain('\r\n\r\n{"repositories":[]}\n');
    expect(await b.get(5000, '/v2/_catalog?n=5000')).toContain('\r\n\r\n{"errors":[{"code":"PAGINATION_NUMBER_INVALID","message":"invalid number of results requested","detail":{"n":5000}}]}\n');
    expect(await b.get(5000, '/v2/nope/tags/list')).toBe(
      `HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\nContent-Length: 112\r\n\r\n{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n`,
    );
    expect(await b.get(5000, '/v2/bb/manifests/nope')).toContain('\r\nContent-Length: 94\r\n\r\n{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]}\n');
    const accept = 'Accept: application/vnd.docker.distribution.manifest.v2+json\r\n';
    expect(await b.get(5000, '/v2/bb/manifests/latest', accept)).toBe(
      `HTTP/1.1 200 OK\r\nContent-Length: ${manifestJson.length}\r\nContent-Type: application/vnd.docker.distribution.manifest.v2+json\r\nDocker-Content-Digest: ${manifestDigest}\r\nDocker-Distribution-Api-Version: registry/2.0\r\nEtag: "${manifestDigest}"\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\n\r\n${manifestJson}`,
    );
    const l = b.port(5000)!;
    const head = await l.serve!(`HEAD /v2/bb/manifests/latest HTTP/1.1\r\nHost: localhost:5000\r\nUser-Agent: curl/8.5.0\r\n${accept}\r\n`);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    expect(head).toContain(`Docker-Content-Digest: ${manifestDigest}\r\n`);
    expect(await b.get(5000, `/v2/bb/blobs/${configDigest}`)).toBe(
      `HTTP/1.1 200 OK\r\nAccept-Ranges: bytes\r\nCache-Control: max-age=31536000\r\nContent-Length: ${config.length}\r\nContent-Type: application/octet-stream\r\nDocker-Content-Digest: ${configDigest}\r\nDocker-Distribution-Api-Version: registry/2.0\r\nEtag: "${configDigest}"\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\n\r\n${config}`,
    );
    const unknown = 'sha256:' + 'e'.repeat(64);
    expect(await b.get(5000, `/v2/bb/blobs/${unknown}`)).toContain(`\r\nContent-Length: 157\r\n\r\n{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"${unknown}"}]}\n`);
    expect(await b.get(5000, '/nothing')).toBe(
      `HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nX-Content-Type-Options: nosniff\r\nDate: ${DATE}\r\nContent-Length: 19\r\n\r\n404 page not found\n`,
    );
    const del = await l.serve!(`DELETE /v2/bb/manifests/${manifestDigest} HTTP/1.1\r\nHost: localhost:5000\r\nUser-Agent: curl/8.5.0\r\n\r\n`);
    expect(del).toMatch(/^HTTP\/1.1 405 Method Not Allowed\r\n/);
    expect(del).toContain('\r\n\r\n{"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]}\n');
    const post = await l.serve!('POST /v2/_catalog HTTP/1.1\r\nHost: localhost:5000\r\n\r\n');
    expect(post).toMatch(/^HTTP\/1.1 405 Method Not Allowed\r\nAllow: GET\r\nContent-Type: text\/plain; charset=utf-8\r\n/);
    expect(post.endsWith('Method not allowed\n')).toBe(true);
  });

  it('deletes a manifest when REGISTRY_STORAGE_DELETE_ENABLED=true', async () => {
    const { b } = await pushed({ REGISTRY_STORAGE_DELETE_ENABLED: 'true' });
    const l = b.port(5000)!;
    const del = await l.serve!(`DELETE /v2/bb/manifests/${manifestDigest} HTTP/1.1\r\nHost: localhost:5000\r\nUser-Agent: curl/8.5.0\r\n\r\n`);
    expect(del).toMatch(/^HTTP\/1.1 202 Accepted\r\n/);
    expect(await b.get(5000, '/v2/bb/tags/list')).toContain('{"name":"bb","tags":[]}\n');
    await expect(l.registry!.resolve(parseReference('localhost:5000/bb:latest'))).rejects.toMatchObject({ message: 'manifest for localhost:5000/bb:latest not found: manifest unknown: manifest unknown' });
  });

  it('takes a push over HTTP: POST, PATCH and PUT at the Location it answers, then the manifest', async () => {
    const { b } = await started();
    const l = b.port(5000)!;
    const req = (line: string, body = '') => l.serve!(`${line} HTTP/1.1\r\nHost: localhost:5000\r\nUser-Agent: curl/8.5.0\r\n\r\n${body}`);
    const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
    const start = await req('POST /v2/web/blobs/uploads/');
    expect(start).toMatch(/^HTTP\/1.1 202 Accepted\r\nContent-Length: 0\r\nDocker-Distribution-Api-Version: registry\/2.0\r\nDocker-Upload-Uuid: ([0-9a-f-]{36})\r\nLocation: http:\/\/localhost:5000\/v2\/web\/blobs\/uploads\/\1\?_state=\S+\r\nRange: 0-0\r\nX-Content-Type-Options: nosniff\r\nDate: /);
    let location = /Location: http:\/\/localhost:5000(\S+)/.exec(start)![1]!;
    const uuid = /Docker-Upload-Uuid: (\S+)/.exec(start)![1]!;
    const upload = `/var/lib/registry/docker/registry/v2/repositories/web/_uploads/${uuid}`;
    expect(b.fs.readdir(upload)).toEqual(['data', 'hashstates', 'startedat']);
    expect(b.fs.readFile(`${upload}/hashstates/sha256/0`).length).toBe(108);
    const cfg = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"history":[{"created":"2025-08-13T15:21:29Z","created_by":"hand","empty_layer":true}]}';
    const patched = await req(`PATCH ${location}`, cfg);
    expect(patched).toContain(`\r\nRange: 0-${cfg.length - 1}\r\n`);
    location = /Location: http:\/\/localhost:5000(\S+)/.exec(patched)![1]!;
    // curl --data-binary's form type is refused as PatchBlobData refuses it
    const form = await l.serve!(`PATCH ${location} HTTP/1.1\r\nHost: localhost:5000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nx`);
    expect(form).toMatch(/^HTTP\/1.1 500 Internal Server Error\r\n[^]*\{"errors":\[\{"code":"UNKNOWN","message":"unknown error","detail":\{\}\}\]\}\n$/);
    // a wrong digest is refused, and the upload is cancelled
    const other = /Location: http:\/\/localhost:5000(\S+)/.exec(await req('POST /v2/web/blobs/uploads/'))![1]!;
    expect(await req(`PUT ${other}&digest=${sha('other')}`)).toContain(`{"errors":[{"code":"DIGEST_INVALID","message":"provided digest did not match uploaded content","detail":{"Digest":"${sha('other')}","Reason":{}}}]}\n`);
    expect(await req(`PUT ${other}&digest=${sha('')}`)).toMatch(/"code":"BLOB_UPLOAD_UNKNOWN"/);
    const put = await req(`PUT ${location}&digest=${sha(cfg)}`);
    expect(put).toMatch(new RegExp(`^HTTP/1.1 201 Created\r\nContent-Length: 0\r\nDocker-Content-Digest: ${sha(cfg)}\r\nDocker-Distribution-Api-Version: registry/2.0\r\nLocation: http://localhost:5000/v2/web/blobs/${sha(cfg)}\r\n`));
    expect(await req(`PATCH ${location}`, 'x')).toMatch(/^HTTP\/1.1 404 Not Found\r\n[^]*"code":"BLOB_UPLOAD_UNKNOWN"/);
    expect(await req(`PATCH /v2/web/blobs/uploads/${'0'.repeat(8)}-0000-4000-8000-000000000000?_state=bad`)).toMatch(/"code":"BLOB_UPLOAD_INVALID"/);

    const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: cfg.length, digest: sha(cfg) }, layers: [{ mediaType: 'x', size: 1, digest: sha('nope') }] });
    expect(await req('PUT /v2/web/manifests/v1', manifest)).toMatch(/^HTTP\/1.1 400 Bad Request\r\n[^]*\{"errors":\[\{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:/);
    const ok = JSON.stringify({ ...JSON.parse(manifest), layers: [] });
    expect(await req('PUT /v2/web/manifests/v1', ok)).toMatch(new RegExp(`^HTTP/1.1 201 Created\r\nContent-Length: 0\r\nDocker-Content-Digest: ${sha(ok)}\r\n`));
    const remote = await l.registry!.resolve(parseReference('localhost:5000/web:v1'));
    expect(remote).toMatchObject({ manifestDigest: sha(ok), configJson: cfg, layers: [] });
    expect(await b.get(5000, '/v2/_catalog')).toContain('{"repositories":["web"]}');
  });

  it('garbage-collect: marks what manifests reference, deletes the rest (after a manifest was deleted)', async () => {
    const { b } = await pushed({ REGISTRY_STORAGE_DELETE_ENABLED: 'true' });
    const cfg = '/etc/docker/registry/config.yml';
    expect(await b.run(['registry', 'garbage-collect', '--dry-run', cfg])).toBe(0);
    expect(b.out.text).toBe(
      `bb\nbb: marking manifest ${manifestDigest} \nbb: marking blob ${configDigest}\nbb: marking blob ${layer.digest}\n\n3 blobs marked, 0 blobs and 0 manifests eligible for deletion\n`,
    );
    await b.port(5000)!.serve!(`DELETE /v2/bb/manifests/${manifestDigest} HTTP/1.1\r\nHost: localhost:5000\r\n\r\n`);
    b.out.text = '';
    b.err.text = '';
    expect(await b.run(['registry', 'garbage-collect', cfg])).toBe(0);
    const sorted = [configDigest, layer.digest, manifestDigest].sort();
    expect(b.out.text).toBe(`bb\n\n0 blobs marked, 3 blobs and 0 manifests eligible for deletion\n${sorted.map((d) => `blob eligible for deletion: ${d}\n`).join('')}`);
    expect(b.err.text).toBe(
      sorted.map((d) => `time="2025-08-13T15:21:29Z" level=info msg="Deleting blob: /docker/registry/v2/blobs/sha256/${d.slice(7, 9)}/${d.slice(7)}" go.version=go1.20.8 service=registry\n`).join(''),
    );
    expect(b.fs.readdir('/var/lib/registry/docker/registry/v2/blobs/sha256')).toEqual(['aa', 'cc', 'dd']);
    expect(b.fs.readdir('/var/lib/registry/docker/registry/v2/blobs/sha256/aa')).toEqual([]);
  });

  it('logs each request: the response logger on stderr, the access log on stdout', async () => {
    const { b } = await pushed();
    await b.get(5000, '/v2/');
    await b.get(5000, '/v2/bb/manifests/nope');
    const err = b.err.text.split('\n');
    expect(err[0]).toMatch(
      /^time="2025-08-13T15:21:29Z" level=info msg="response completed" go\.version=go1\.20\.8 http\.request\.host=localhost http\.request\.id=[0-9a-f-]{36} http\.request\.method=GET http\.request\.remoteaddr="172\.17\.0\.1:\d+" http\.request\.uri=\/v2\/ http\.request\.useragent=curl\/8\.5\.0 http\.response\.contenttype="application\/json; charset=utf-8" http\.response\.duration=(?:[\d.]+ms|"[\d.]+µs") http\.response\.status=200 http\.response\.written=2$/,
    );
    expect(err[1]).toMatch(
      /^time="2025-08-13T15:21:29Z" level=error msg="response completed with error" err\.code="manifest unknown" err\.detail="unknown tag=nope" err\.message="manifest unknown" go\.version=go1\.20\.8 .* http\.response\.status=404 http\.response\.written=94 vars\.name=bb vars\.reference=nope$/,
    );
    expect(b.out.text).toBe(
      '172.17.0.1 - - [13/Aug/2025:15:21:29 +0000] "GET /v2/ HTTP/1.1" 200 2 "" "curl/8.5.0"\n' +
        '172.17.0.1 - - [13/Aug/2025:15:21:29 +0000] "GET /v2/bb/manifests/nope HTTP/1.1" 404 94 "" "curl/8.5.0"\n',
    );
  });

  it('ends with status 2 on SIGTERM, as a Go program without a handler does as PID 1', async () => {
    const { b, p } = await started();
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(2);
    expect(b.port(5000)).toBeUndefined();
  });
});
