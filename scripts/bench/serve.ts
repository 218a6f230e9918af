// The static server the browser benchmark loads the page from: the built
// files, served the way a static host serves them (GitHub Pages, Netlify,
// Cloudflare Pages, nginx with gzip_static): compressed (Brotli when the
// browser accepts it, else gzip; compressed once, as a deployment does at
// build time), the hashed assets cacheable for a year, the HTML revalidated.
// `vite preview` sends every file uncompressed: 508 kB for a 146 kB script.
// The benchmark's loads use fresh browser contexts, so nothing comes from a
// cache: the headers only say what a second visit would get.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

interface Entry {
  type: string;
  raw: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  immutable: boolean;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` (a `vite build` output) on 127.0.0.1:`port`. */
export async function serveStatic(root: string, port: number): Promise<StaticServer> {
  // every file read and compressed before the first request, as a deployment's build step does
  const files = new Map<string, Entry>();
  const compressing: Promise<void>[] = [];
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = join(root, name);
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      continue; // a directory
    }
    const ext = extname(name);
    const path = '/' + relative(root, file).split(sep).join('/');
    const entry: Entry = { type: TYPES[ext] ?? 'application/octet-stream', raw, immutable: path.startsWith('/assets/') };
    if (COMPRESSIBLE.has(ext) && raw.length > 1024) {
      const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length };
      compressing.push(brotliAsync(raw, { params }).then((b) => void (entry.br = b)));
      compressing.push(gzipAsync(raw, { level: 9 }).then((b) => void (entry.gzip = b)));
    }
    files.set(path, entry);
  }
  await Promise.all(compressing);
  const load = (path: string): Entry | null => files.get(path) ?? null;
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    // a single-page app: unknown paths without an extension get the page
    const entry = load(path) ?? (extname(path) ? null : load('/index.html'));
    if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(entry ? 405 : 404, { 'content-type': 'text/plain' }).end(entry ? 'method not allowed' : 'not found');
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] = entry.br && /\bbr\b/.test(accept) ? [entry.br, 'br'] : entry.gzip && /\bgzip\b/.test(accept) ? [entry.gzip, 'gzip'] : [entry.raw, null];
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      'cache-control': entry.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(entry.br || entry.gzip ? { vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
