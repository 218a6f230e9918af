// The registry's HTTP answers for what curl and a browser send: Registry API
// v2 reads (/v2/, _catalog, tags/list, manifests, blobs) and deletes, with
// Go's net/http header order (the handler's headers sorted, then Date, then
// Content-Length when the server counted it) and the registry's error bodies.
import { FsRegistry, type Exchange } from './fs-registry.ts';
import { packState, unpackState } from './upload-state.ts';
import { toSchema1, EMPTY_TAR_DIGEST, EMPTY_TAR_GZIP } from './schema1.ts';
import { blobUnknown, errorBody, errorStatus, manifestUnknownRevision, manifestUnknownTag, nameUnknown, type RegistryError } from './errcode.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const JSON_TYPE = 'application/json; charset=utf-8';
const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';

/**
 * A path component of a repository name: reference.go's nameComponentRegexp
 * `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` with `[-]*` as `-+` (the same
 * names: an empty separator only joins alphanumerics), because a backtracking
 * engine takes exponential time on the original when a path does not match.
 */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `${COMPONENT}(?:/${COMPONENT})*`;
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const TAG = '[\\w][\\w.-]{0,127}';
const ROUTES = {
  manifest: new RegExp(`^/v2/(${NAME})/manifests/(${TAG}|${DIGEST})$`),
  tags: new RegExp(`^/v2/(${NAME})/tags/list$`),
  blob: new RegExp(`^/v2/(${NAME})/blobs/(${DIGEST})$`),
  upload: new RegExp(`^/v2/(${NAME})/blobs/uploads/?([^/]*)$`),
};

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  304: 'Not Modified',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

export interface HttpOptions {
  /** http.secret's bytes: the key of uploads' `_state` (random when the configuration gives none). */
  secret?: Uint8Array;
  /** http.headers of the configuration, added to every API answer. */
  headers?: Array<[string, string]>;
  /** Wall-clock ms for the Date header. */
  now: () => number;
}

export interface HttpAnswer {
  response: string;
  exchange: Exchange;
  /** Request headers the logs show. */
  host: string;
  userAgent: string;
  referer: string;
}

interface Reply {
  status: number;
  /** Headers the handler set (sorted on the wire). */
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** Whether the handler set Content-Length itself (else the server appends it after Date). */
  ownLength: boolean;
  error?: RegistryError;
  vars?: Record<string, string>;
  /** Info lines the handler logged on the way. */
  infos?: string[];
}

/** Go's canonical header key: `docker-content-digest` → `Docker-Content-Digest`. */
const canonical = (k: string) => k.toLowerCase().replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());

/** `Wed, 13 Aug 2025 15:21:29 GMT`. */
function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Answers one request's text as `registry serve` does. */
export async function serveHttp(reg: FsRegistry, text: string, o: HttpOptions): Promise<HttpAnswer> {
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  const lines = head.split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) (HTTP\/\d\.\d)$/.exec(lines[0] ?? '');
  const headers = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const k = line.slice(0, i).trim().toLowerCase();
    headers.set(k, [...(headers.get(k) ?? []), line.slice(i + 1).trim()]);
  }
  const method = m?.[1] ?? 'GET';
  const target = m?.[2] ?? '/';
  const path = target.split('?')[0]!;
  const split = text.search(/\r?\n\r?\n/);
  const body = split < 0 ? new Uint8Array(0) : enc.encode(text.slice(split).replace(/^\r?\n\r?\n/, ''));
  const reply = m ? await route(reg, method, path, target, headers, body, o) : plain(400, '400 Bad Request');
  const isApi = reply.headers.some(([k]) => k === 'Docker-Distribution-Api-Version');
  const all: Array<[string, string]> = [...reply.headers];
  if (!all.some(([k]) => k === 'Docker-Distribution-Api-Version')) all.push(['Docker-Distribution-Api-Version', 'registry/2.0']);
  if (isApi) for (const [k, v] of o.headers ?? []) if (!all.some(([h]) => h === canonical(k))) all.push([canonical(k), v]);
  all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  all.push(['Date', httpDate(o.now())]);
  if (!reply.ownLength && reply.status !== 304) all.push(['Content-Length', String(reply.body.length)]);
  const isHead = method === 'HEAD';
  const response =
    `HTTP/1.1 ${reply.status} ${REASONS[reply.status] ?? ''}\r\n` + all.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n' + (isHead ? '' : dec.decode(reply.body));
  const contentType = reply.headers.find(([k]) => k === 'Content-Type')?.[1] ?? '';
  const exchange: Exchange = { method, uri: target, status: reply.status, written: reply.body.length, contentType, error: reply.error, vars: reply.vars, infos: reply.infos };
  return { response, exchange, host: headers.get('host')?.[0] ?? '', userAgent: headers.get('user-agent')?.[0] ?? '', referer: headers.get('referer')?.[0] ?? '' };
}

/** http.Error's answer: text/plain with nosniff (404 page not found, Method not allowed). */
function plain(status: number, text: string, extra: Array<[string, string]> = []): Reply {
  return {
    status,
    headers: [...extra, ['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']],
    body: enc.encode(text + '\n'),
    ownLength: false,
  };
}

/** The API's answers carry the version header (set before routing), which marks them for the configured headers. */
function api(status: number, headers: Array<[string, string]>, body: Uint8Array, ownLength: boolean, vars?: Record<string, string>): Reply {
  return { status, headers: [...headers, ['Docker-Distribution-Api-Version', 'registry/2.0']], body, ownLength, vars };
}

function json(value: unknown, vars?: Record<string, string>): Reply {
  return api(200, [['Content-Type', JSON_TYPE]], enc.encode(JSON.stringify(value) + '\n'), false, vars);
}

function fail(error: RegistryError, vars?: Record<string, string>): Reply {
  return { ...api(errorStatus(error), [['Content-Type', JSON_TYPE]], enc.encode(errorBody(error)), false, vars), error };
}

/** gorilla's MethodHandler for a method it lacks. */
function notAllowed(allow: string[]): Reply {
  const r = plain(405, 'Method not allowed', [['Allow', [...allow].sort().join(', ')]]);
  return { ...r, headers: [...r.headers, ['Docker-Distribution-Api-Version', 'registry/2.0']] };
}

async function route(reg: FsRegistry, method: string, path: string, target: string, headers: Map<string, string[]>, body: Uint8Array, o: HttpOptions): Promise<Reply> {
  if (path === '/v2/') {
    return api(200, [['Content-Type', JSON_TYPE], ['Content-Length', '2']], enc.encode('{}'), true);
  }
  if (path === '/v2/_catalog') {
    if (method !== 'GET') return notAllowed(['GET']);
    return catalog(reg, path, target);
  }
  let m = ROUTES.tags.exec(path);
  if (m) {
    const name = m[1]!;
    if (method !== 'GET') return notAllowed(['GET']);
    const tags = reg.tagList(name);
    if (tags === null) return fail(nameUnknown(name), { name });
    return json({ name, tags }, { name });
  }
  m = ROUTES.manifest.exec(path);
  if (m) return method === 'PUT' ? putManifest(reg, m[1]!, m[2]!, headers, body) : manifest(reg, method, m[1]!, m[2]!, headers, o);
  m = ROUTES.blob.exec(path);
  if (m) return blob(reg, method, m[1]!, m[2]!);
  m = ROUTES.upload.exec(path);
  if (m) return upload(reg, method, m[1]!, m[2]!, target, headers, body, o);
  return plain(404, '404 page not found');
}

/** A request target's query parameters (the first value of each), percent-decoded. */
function query(target: string): Map<string, string> {
  const out = new Map<string, string>();
  const i = target.indexOf('?');
  if (i < 0) return out;
  for (const part of target.slice(i + 1).split('&')) {
    const [k, v = ''] = part.split('=');
    const dec = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    if (k && !out.has(dec(k))) out.set(dec(k), dec(v));
  }
  return out;
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The URL builder's absolute URLs (relativeurls: false): the request's Host over http. */
const absolute = (headers: Map<string, string[]>, path: string) => `http://${headers.get('host')?.[0] ?? 'localhost'}${path}`;

/** distribution.ErrBlobInvalidDigest as the answer's detail. */
const digestMismatch = (digest: string): RegistryError => ({ code: 'DIGEST_INVALID', detail: { Digest: digest, Reason: {} }, logDetail: `invalid digest for referenced layer: ${digest}, content does not match digest` });

/** writeBlobCreatedHeaders. */
function created(headers: Map<string, string[]>, location: string, digest: string, vars: Record<string, string>): Reply {
  return api(201, [['Location', absolute(headers, location)], ['Content-Length', '0'], ['Docker-Content-Digest', digest]], new Uint8Array(0), true, vars);
}

/** Blob uploads in chunks or whole (POST, then PATCH and PUT at the Location it answers), and mounts. */
function upload(reg: FsRegistry, method: string, name: string, id: string, target: string, headers: Map<string, string[]>, body: Uint8Array, o: HttpOptions): Reply {
  const q = query(target);
  const secret = o.secret ?? new Uint8Array(32);
  const vars: Record<string, string> = id ? { name, uuid: id } : { name };
  // blobUploadResponse: where to send the next chunk, and what the registry holds so far
  const status = (code: number, uuid: string, size: number): Reply => {
    const state = packState(secret, { Name: name, UUID: uuid, Offset: size, StartedAt: new Date(o.now()).toISOString().replace(/\.000Z$/, 'Z') });
    const location = absolute(headers, `/v2/${name}/blobs/uploads/${uuid}?_state=${queryEscape(state)}`);
    return api(code, [['Docker-Upload-Uuid', uuid], ['Location', location], ['Content-Length', '0'], ['Range', `0-${size > 0 ? size - 1 : 0}`]], new Uint8Array(0), true, vars);
  };
  if (id === '') {
    if (method !== 'POST') return method === 'GET' || method === 'HEAD' ? fail({ code: 'BLOB_UPLOAD_UNKNOWN' }, vars) : notAllowed(['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT']);
    const mount = q.get('mount');
    const from = q.get('from');
    if (mount && from && reg.repositoryHasBlob(from, mount)) {
      reg.mountBlobFrom(name, mount);
      return created(headers, `/v2/${name}/blobs/${mount}`, mount, vars);
    }
    const uuid = reg.beginUpload(name);
    const digest = q.get('digest');
    if (digest !== undefined) {
      // a monolithic upload: the body is the blob
      reg.appendUpload(name, uuid, body);
      if (!reg.commitUpload(name, uuid, digest)) return fail(digestMismatch(digest), vars);
      return created(headers, `/v2/${name}/blobs/${digest}`, digest, vars);
    }
    return status(202, uuid, 0);
  }
  const state = unpackState(secret, q.get('_state') ?? '');
  if ('error' in state) return fail({ code: 'BLOB_UPLOAD_INVALID', detail: {}, logDetail: state.error }, vars);
  if (state.Name !== name || state.UUID !== id) return fail({ code: 'BLOB_UPLOAD_INVALID', detail: {}, logDetail: '<nil>' }, vars);
  const size = reg.uploadSize(name, id);
  if (size === null) return fail({ code: 'BLOB_UPLOAD_UNKNOWN', detail: {}, logDetail: 'blob upload unknown' }, vars);
  if (size !== state.Offset) return fail({ code: 'BLOB_UPLOAD_INVALID', detail: {}, logDetail: '<nil>' }, vars);
  switch (method) {
    case 'GET':
    case 'HEAD':
      return status(204, id, size);
    case 'PATCH': {
      // PatchBlobData takes only octet-streams (curl --data-binary sends a form type unless told otherwise)
      const type = headers.get('content-type')?.[0] ?? '';
      if (type !== '' && type !== 'application/octet-stream') return { ...fail({ code: 'UNKNOWN', detail: {}, logDetail: 'bad Content-Type' }, vars), status: 500 };
      reg.appendUpload(name, id, body);
      return status(202, id, size + body.length);
    }
    case 'PUT': {
      const digest = q.get('digest');
      if (digest === undefined || digest === '') return fail({ code: 'DIGEST_INVALID', detail: 'digest missing', logDetail: 'digest missing' }, vars);
      if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return fail({ code: 'DIGEST_INVALID', detail: 'digest parsing failed', logDetail: 'digest parsing failed' }, vars);
      if (body.length > 0) reg.appendUpload(name, id, body);
      if (!reg.commitUpload(name, id, digest)) return fail(digestMismatch(digest), vars);
      return created(headers, `/v2/${name}/blobs/${digest}`, digest, vars);
    }
    case 'DELETE':
      reg.cancelUpload(name, id);
      return api(204, [['Docker-Upload-Uuid', id]], new Uint8Array(0), false, vars);
  }
  return notAllowed(['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT']);
}

/** PUT /v2/<name>/manifests/<reference>: a schema 2 manifest whose blobs this repository holds. */
function putManifest(reg: FsRegistry, name: string, reference: string, headers: Map<string, string[]>, body: Uint8Array): Reply {
  const vars = { name, reference };
  let parsed: { schemaVersion?: number; mediaType?: string };
  try {
    parsed = JSON.parse(dec.decode(body)) as typeof parsed;
  } catch {
    return fail({ code: 'MANIFEST_INVALID', detail: {}, logDetail: 'unexpected end of JSON input' }, vars);
  }
  if (parsed.schemaVersion !== 2 || (parsed.mediaType !== undefined && parsed.mediaType !== MANIFEST_V2)) {
    return fail({ code: 'MANIFEST_INVALID', detail: {}, logDetail: 'manifest invalid' }, vars);
  }
  const r = reg.storeManifest(name, reference, body);
  if ('missing' in r) return fail({ code: 'MANIFEST_BLOB_UNKNOWN', detail: r.missing, logDetail: r.missing }, vars);
  return created(headers, `/v2/${name}/manifests/${r.digest}`, r.digest, vars);
}

/** Catalog.MaxEntries' default and the page size without `n` (handlers/catalog.go). */
const MAX_ENTRIES = 1000;
const DEFAULT_ENTRIES = 100;

/** GET /v2/_catalog[?n=N&last=NAME]: a page of repositories after `last`, and a Link to the next when the page is full. */
function catalog(reg: FsRegistry, path: string, target: string): Reply {
  const q = query(target);
  const last = q.get('last') ?? '';
  let entries = DEFAULT_ENTRIES;
  const n = q.get('n');
  if (n !== undefined && n !== '' && /^[+-]?\d+$/.test(n)) {
    const parsed = Number(n);
    if (parsed > MAX_ENTRIES) return fail({ code: 'PAGINATION_NUMBER_INVALID', detail: { n: parsed }, logDetail: `map[n:${parsed}]` });
    if (parsed >= 0) entries = parsed;
  }
  const repos = reg.repositories().filter((r) => last === '' || r > last).slice(0, entries);
  const more = entries > 0 && repos.length === entries;
  const reply = json({ repositories: repos });
  if (more) {
    // url.Values.Encode: keys sorted, values query-escaped
    const next = `last=${queryEscape(repos[repos.length - 1]!)}&n=${entries}`;
    reply.headers.push(['Link', `<${path}?${next}>; rel="next"`]);
  }
  return reply;
}

async function manifest(reg: FsRegistry, method: string, name: string, reference: string, headers: Map<string, string[]>, o: HttpOptions): Promise<Reply> {
  const vars = { name, reference };
  const isDigest = reference.includes(':');
  if (method === 'DELETE') {
    if (!reg.deleteEnabled) return fail({ code: 'UNSUPPORTED' }, vars);
    if (!isDigest) return fail({ code: 'DIGEST_INVALID' }, vars);
    if (!reg.deleteManifest(name, reference)) return fail({ code: 'MANIFEST_UNKNOWN' }, vars);
    return api(202, [], new Uint8Array(0), false, vars);
  }
  if (method !== 'GET' && method !== 'HEAD') return notAllowed(['DELETE', 'GET', 'HEAD', 'PUT']);
  const digest = isDigest ? reference : reg.tagDigest(name, reference);
  if (digest === null) return fail(manifestUnknownTag(reference), vars);
  const etags = (headers.get('if-none-match') ?? []).flatMap((v) => v.split(',').map((s) => s.trim()));
  if (etags.includes(`"${digest}"`) || etags.includes(digest)) return api(304, [], new Uint8Array(0), false, vars);
  const bytes = reg.manifestBytes(name, digest);
  if (bytes === null) return fail(manifestUnknownRevision(name, digest), vars);
  let mediaType = MANIFEST_V2;
  let parsed: { mediaType?: string; config?: { digest?: string } } = {};
  try {
    parsed = JSON.parse(dec.decode(bytes)) as typeof parsed;
    mediaType = parsed.mediaType ?? MANIFEST_V2;
  } catch {
    // stored bytes that are no JSON: served as they are
  }
  const accepts = (headers.get('accept') ?? []).flatMap((v) => v.split(',').map((t) => t.split(';')[0]!.trim()));
  if (!isDigest && mediaType === MANIFEST_V2 && !accepts.includes(MANIFEST_V2)) {
    // an old client: the manifest rewritten in schema 1, signed with the registry's key
    const key = await reg.trustKey();
    const configDigest = parsed.config?.digest ?? '';
    const config = reg.repositoryHasBlob(name, configDigest) ? reg.blobData(configDigest) : null;
    if (key !== null) {
      const infos = [`rewriting manifest ${digest} in schema1 format to support old client`];
      if (config === null) return { ...fail({ code: 'MANIFEST_INVALID', detail: {}, logDetail: 'unknown blob' }, vars), infos };
      const s1 = await toSchema1({ name, tag: reference, manifestJson: dec.decode(bytes), configJson: dec.decode(config), key, now: o.now() });
      if ('error' in s1) return { ...fail({ code: 'MANIFEST_INVALID', detail: {}, logDetail: s1.error }, vars), infos };
      if (s1.usesEmptyTar) reg.ensureBlob(name, EMPTY_TAR_DIGEST, EMPTY_TAR_GZIP);
      const body = enc.encode(s1.body);
      return {
        ...api(
          200,
          [
            ['Content-Type', 'application/vnd.docker.distribution.manifest.v1+prettyjws'],
            ['Content-Length', String(body.length)],
            ['Docker-Content-Digest', s1.digest],
            ['Etag', `"${s1.digest}"`],
          ],
          body,
          true,
          vars,
        ),
        infos,
      };
    }
  }
  return api(
    200,
    [
      ['Content-Type', mediaType],
      ['Content-Length', String(bytes.length)],
      ['Docker-Content-Digest', digest],
      ['Etag', `"${digest}"`],
    ],
    bytes,
    true,
    vars,
  );
}

function blob(reg: FsRegistry, method: string, name: string, digest: string): Reply {
  const vars = { name, digest };
  if (method === 'DELETE') {
    if (!reg.deleteEnabled) return fail({ code: 'UNSUPPORTED' }, vars);
    if (!reg.deleteBlobLink(name, digest)) return fail(blobUnknown(digest), vars);
    return api(202, [['Docker-Content-Digest', digest]], new Uint8Array(0), false, vars);
  }
  if (method !== 'GET' && method !== 'HEAD') return notAllowed(['DELETE', 'GET', 'HEAD']);
  if (!reg.repositoryHasBlob(name, digest)) return fail(blobUnknown(digest), vars);
  const size = reg.blobSize(digest)!;
  // http.ServeContent writes no body for HEAD (and a layer's generated data is read only for a GET)
  const body = method === 'GET' ? (reg.blobData(digest) ?? new Uint8Array(0)) : new Uint8Array(0);
  return api(
    200,
    [
      ['Accept-Ranges', 'bytes'],
      ['Cache-Control', 'max-age=31536000'],
      ['Content-Length', String(size)],
      ['Content-Type', 'application/octet-stream'],
      ['Docker-Content-Digest', digest],
      ['Etag', `"${digest}"`],
    ],
    body,
    true,
    vars,
  );
}
