#!/usr/bin/env node
// Interoperability of image archives between Berth and the real Docker engine
// (README.md, "Archive interoperability"); part of `npm test` (`npm run interop`).
//
//   Berth → real   for each of Berth's builders (legacy and BuildKit): an image
//                  built FROM busybox, saved by Berth, loaded by the real engine:
//                  same image ID, same history (created by, comment, size, date),
//                  the real engine runs a program over its layers, and the real
//                  engine's own `docker save` holds the files Berth's layers hold.
//   real → Berth   an image the real engine builds FROM scratch (files, a
//                  symlink, an empty directory, a later layer deleting a file:
//                  a whiteout), saved, loaded by Berth: same ID and history,
//                  each layer's files as the layers panel reads them (the
//                  engine views in src/engine/views/layers.ts) equal to the
//                  layer tars of the real archive, the merged tree equal to
//                  the real `docker export`; Berth saves it again, every file
//                  of the real archive is among Berth's byte for byte, and the
//                  real engine loads Berth's archive back.
//
// The engine: by default the light one of `setup.sh engine` (its own dockerd on
// unix:///tmp/berth-engine/docker.sock, started when needed and stopped again
// if this run started it); BERTH_INTEROP_DOCKER_HOST=unix://... uses an engine
// already running (the recorder's: take /tmp/berth-record.lock). Without
// dockerd it prints "interop: skipped: no dockerd" and exits 0, or fails when
// BERTH_REQUIRE_DOCKER=1 (.ci/run sets it). Exits 1 on any difference.
// Containers run with --network none; only the engine's unix socket is used.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { tinyCat } from './elf.mjs';
import { writeRealContext } from './real-image.mjs';
import { useEngine } from './engine.mjs';

const started = Date.now();

// ---------------------------------------------------------------- the engine
const { DOCKER, env, DOCKER_HOST } = useEngine('interop');
const real = (...args) => execFileSync(DOCKER, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
const realTry = (...args) => spawnSync(DOCKER, args, { env, encoding: 'utf8' });
const clientVersion = real('version', '--format', '{{.Client.Version}} / daemon {{.Server.Version}}').trim();
console.log(`interop: real engine ${DOCKER_HOST} (client ${clientVersion})`);

// ---------------------------------------------------------------- Berth
const { createHost } = await tsImport('../../src/shell/host.ts', import.meta.url);
const { createNodePlatform } = await tsImport('../../src/node/platform.ts', import.meta.url);
const { imageLayers, layerDir, mergedDir } = await tsImport('../../src/engine/views/layers.ts', import.meta.url);
const { readContent } = await tsImport('../../src/engine/layer/tree.ts', import.meta.url);

const host = await createHost({ platform: createNodePlatform(), realtime: false });
async function berth(command) {
  let out = '';
  let err = '';
  const status = await host.run(command, { stdout: { write: (t) => (out += t) }, stderr: { write: (t) => (err += t) } });
  if (status !== 0) throw new Error(`berth: ${command}: status ${status}\n${out}${err}`);
  return out;
}
const berthImage = async (ref) => {
  const id = (await berth(`docker image inspect --format '{{.Id}}' ${ref}`)).trim();
  return host.daemon.images.get(id.replace(/^sha256:/, '')) ?? host.daemon.images.get(id);
};

const work = mkdtempSync(join(tmpdir(), 'berth-interop-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

let failed = 0;
let checks = 0;
function compare(what, a, b) {
  checks++;
  const same = a === b;
  if (!same) failed++;
  console.log(`${same ? 'ok  ' : 'FAIL'} ${what}${same ? '' : `\n  berth: ${JSON.stringify(a)}\n  real:  ${JSON.stringify(b)}`}`);
}
/** Compares two listings line by line, printing only the lines that differ. */
function compareLists(what, berthLines, realLines) {
  checks++;
  const b = new Set(berthLines);
  const r = new Set(realLines);
  const onlyBerth = berthLines.filter((l) => !r.has(l));
  const onlyReal = realLines.filter((l) => !b.has(l));
  if (onlyBerth.length === 0 && onlyReal.length === 0 && berthLines.length === realLines.length) {
    console.log(`ok   ${what} (${realLines.length} entries)`);
    return;
  }
  failed++;
  console.log(`FAIL ${what}`);
  for (const l of onlyBerth.slice(0, 20)) console.log(`  berth only: ${l}`);
  for (const l of onlyReal.slice(0, 20)) console.log(`  real only:  ${l}`);
}

const HISTORY = ['history', '--no-trunc', '-H=false', '--format', '{{.CreatedBy}}|{{.Comment}}|{{.Size}}|{{.CreatedAt}}'];
const berthHistory = (ref) => berth(`docker ${HISTORY.map((a) => `'${a}'`).join(' ')} ${ref}`);
const realHistory = (ref) => real(...HISTORY, ref);
const realRm = (...refs) => realTry('rmi', '-f', ...refs);

// ---------------------------------------------------------------- tar
/** The entries of a tar archive (ustar, PAX and GNU long names). */
function readTar(buf) {
  const out = [];
  let off = 0;
  let pax = {};
  let longName;
  let longLink;
  const str = (o, n) => {
    const s = buf.subarray(o, o + n);
    const z = s.indexOf(0);
    return s.subarray(0, z < 0 ? n : z).toString('utf8');
  };
  const num = (o, n) => parseInt(str(o, n).trim() || '0', 8);
  while (off + 512 <= buf.length) {
    if (buf.subarray(off, off + 512).every((b) => b === 0)) break;
    const hdr = off;
    const type = String.fromCharCode(buf[hdr + 156] || 0x30);
    const size = num(hdr + 124, 12);
    const data = buf.subarray(hdr + 512, hdr + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      for (const rec of data.toString('utf8').split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/s.exec(rec);
        if (m) pax[m[1]] = m[2];
      }
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'K') {
      longLink = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = str(hdr + 345, 155);
    const name0 = str(hdr, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${name0}` : name0);
    out.push({
      name,
      type,
      mode: num(hdr + 100, 8) & 0o7777,
      uid: Number(pax.uid ?? num(hdr + 108, 8)),
      gid: Number(pax.gid ?? num(hdr + 116, 8)),
      size,
      mtime: Math.floor(Number(pax.mtime ?? num(hdr + 136, 12))),
      link: pax.linkpath ?? longLink ?? str(hdr + 157, 100),
      data,
    });
    pax = {};
    longName = longLink = undefined;
  }
  return out;
}

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const clean = (name) => name.replace(/^\.\//, '').replace(/\/$/, '');

/** One line per entry of a layer tar, in the layers panel's terms: whiteouts and opaque directories read as overlayfs shows them. */
function tarLayerLines(entries) {
  const lines = [];
  const opaque = new Set();
  for (const e of entries) {
    const path = clean(e.name);
    if (path === '' || path === '.') continue;
    const base = path.split('/').at(-1);
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (base === '.wh..wh..opq') {
      opaque.add(parent);
      continue;
    }
    if (base.startsWith('.wh.')) {
      lines.push(`/${parent ? parent + '/' : ''}${base.slice(4)} whiteout`);
      continue;
    }
    lines.push(tarLine(e, path));
  }
  return lines.map((l) => {
    const m = /^\/(\S+) dir /.exec(l);
    return m && opaque.has(m[1]) ? `${l} opaque` : l;
  });
}

function tarLine(e, path) {
  const meta = `${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.mtime}`;
  switch (e.type) {
    case '5':
      return `/${path} dir ${meta}`;
    case '2':
      return `/${path} symlink -> ${e.link} ${meta}`;
    case '1':
      return `/${path} hardlink -> /${clean(e.link)}`;
    case '0':
      return `/${path} file ${meta} ${e.size} ${sha(e.data)}`;
    default:
      return `/${path} type ${e.type}`;
  }
}

/** The files of one of Berth's layers as the layers panel lists them (layerDir, directory by directory), with each entry's metadata and content. */
function berthLayerLines(tree) {
  const lines = [];
  const seen = new Map(); // a hard-linked file: the same Entry under two names
  const walk = (dir) => {
    for (const f of layerDir(tree, dir).files) {
      const e = tree.lookup(f.path);
      const meta = `${e.mode.toString(8)} ${e.uid}:${e.gid} ${Math.floor(e.mtime / 1000)}`;
      if (f.kind === 'whiteout') lines.push(`${f.path} whiteout`);
      else if (f.kind === 'dir') {
        lines.push(`${f.path} dir ${meta}${f.opaque ? ' opaque' : ''}`);
        walk(f.path);
      } else if (f.kind === 'symlink') lines.push(`${f.path} symlink -> ${e.target} ${meta}`);
      else if (seen.has(e)) lines.push(`${f.path} hardlink -> ${seen.get(e)}`);
      else {
        seen.set(e, f.path);
        lines.push(`${f.path} file ${meta} ${f.size} ${sha(readContent(e))}`);
      }
    }
  };
  walk('/');
  return lines;
}

/** The merged tree of an image as the layers panel shows it (mergedDir), whiteouts left out: what a container of the image sees. */
function berthMergedLines(trees) {
  const lines = [];
  const walk = (dir) => {
    for (const f of mergedDir(trees, dir).files) {
      if (f.kind === 'whiteout') continue;
      const tree = trees[f.origin];
      const e = tree.lookup(f.path);
      if (f.kind === 'dir') {
        lines.push(`${f.path} dir ${e.mode.toString(8)} ${e.uid}:${e.gid}`);
        walk(f.path);
      } else if (f.kind === 'symlink') lines.push(`${f.path} symlink -> ${e.target}`);
      else lines.push(`${f.path} file ${e.mode.toString(8)} ${e.uid}:${e.gid} ${f.size} ${sha(readContent(e))}`);
    }
  };
  walk('/');
  return lines;
}

/** What `docker export` holds of a fresh container, without what the engine adds to every container (init layer). */
const INIT = new Set(['.dockerenv', 'dev', 'dev/console', 'dev/pts', 'dev/shm', 'etc', 'etc/hostname', 'etc/hosts', 'etc/mtab', 'etc/resolv.conf', 'proc', 'sys']);
function exportLines(entries, keep = new Set()) {
  const lines = [];
  const links = new Map();
  for (const e of entries) {
    const path = clean(e.name);
    if (path === '' || (INIT.has(path) && !keep.has(path))) continue;
    if (e.type === '5') lines.push(`/${path} dir ${e.mode.toString(8)} ${e.uid}:${e.gid}`);
    else if (e.type === '2') lines.push(`/${path} symlink -> ${e.link}`);
    else if (e.type === '1') {
      const target = links.get(clean(e.link));
      lines.push(`/${path} file ${target}`);
    } else if (e.type === '0') {
      const rest = `${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.size} ${sha(e.data)}`;
      links.set(path, rest);
      lines.push(`/${path} file ${rest}`);
    } else lines.push(`/${path} type ${e.type}`);
  }
  return lines;
}

/** The layer tars of a `docker save` archive, bottom first (manifest.json's order). */
function savedLayers(archive) {
  const files = new Map(readTar(archive).map((e) => [clean(e.name), e.data]));
  const manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  return manifest[0].Layers.map((p) => readTar(files.get(p)));
}

/** Berth's layers against the real engine's layer tars, one by one, and its merged tree against the real `docker export`. */
function compareFiles(what, img, realArchive, realExport) {
  const stack = imageLayers(host.daemon, img);
  const layers = savedLayers(realArchive);
  compare(`${what}: number of layers`, stack.layers.length, layers.length);
  stack.layers.forEach((l, i) => {
    if (layers[i]) compareLists(`${what}: layer ${i} files (${l.createdBy.slice(0, 50) || 'no step'})`, berthLayerLines(l.tree), tarLayerLines(layers[i]));
  });
  // the engine's init layer puts /etc in every container: keep it when the image has one
  const keep = new Set(mergedDir(stack.layers.map((l) => l.tree), '/').files.filter((f) => f.kind !== 'whiteout').map((f) => f.name));
  compareLists(`${what}: merged tree = docker export`, berthMergedLines(stack.layers.map((l) => l.tree)), exportLines(readTar(realExport), keep).filter((l) => !/^\/etc\/(hostname|hosts|mtab|resolv\.conf) /.test(l)));
}

const realExportOf = (image) => {
  const id = real('create', '--network', 'none', image).trim();
  try {
    return execFileSync(DOCKER, ['export', id], { env, maxBuffer: 1 << 28 });
  } finally {
    real('rm', id);
  }
};
const realRun = (...args) => realTry('run', '--rm', '--network', 'none', ...args);

// ---------------------------------------------------------------- Berth → real
const CAT = tinyCat();
await berth('docker pull -q busybox');
for (const builder of ['legacy', 'buildkit']) {
  const tag = `berth-interop-${builder}:1`;
  const dir = `/root/interop-${builder}`;
  await berth(`mkdir -p ${dir}/notes`);
  host.fs.writeFile(`${dir}/tinycat`, new Uint8Array(CAT), { mode: 0o755 });
  host.fs.writeFile(`${dir}/hello.txt`, new TextEncoder().encode('hello from the build context\n'));
  host.fs.writeFile(`${dir}/notes/a.md`, new TextEncoder().encode('# notes\n'));
  host.fs.writeFile(
    `${dir}/Dockerfile`,
    new TextEncoder().encode(
      [
        'FROM busybox',
        'ENV APP_HOME=/srv/app GREETING="hello interop"',
        'WORKDIR $APP_HOME',
        'COPY hello.txt ./',
        'COPY notes/ ./notes/',
        'COPY tinycat /tinycat',
        'RUN echo "$GREETING" > greeting.txt && mkdir -p /data && echo two > /data/b && ln -s /data/b link && rm /etc/shadow',
        'ARG VERSION=1.0',
        'LABEL org.example.origin=berth org.example.version=$VERSION',
        'EXPOSE 8080/tcp',
        'USER nobody',
        'CMD ["cat", "greeting.txt"]',
        '',
      ].join('\n'),
    ),
  );
  await berth(`cd ${dir} && ${builder === 'legacy' ? 'DOCKER_BUILDKIT=0 ' : ''}docker build -q -t ${tag} .`);
  await berth(`docker save ${tag} -o /root/${builder}.tar`);
  const archive = join(work, `berth-${builder}.tar`);
  writeFileSync(archive, host.fs.readFile(`/root/${builder}.tar`));
  realRm(tag);
  const loaded = real('load', '-i', archive).trim();
  compare(`Berth → real (${builder}): docker load`, loaded, `Loaded image: ${tag}`);
  const id = (await berth(`docker image inspect --format '{{.Id}}' ${tag}`)).trim();
  compare(`Berth → real (${builder}): image ID`, id, real('image', 'inspect', '--format', '{{.Id}}', tag).trim());
  compare(`Berth → real (${builder}): history`, await berthHistory(tag), realHistory(tag));
  // Berth's busybox is not a real program: the real engine runs the image's own tiny cat over Berth's layers:
  // a RUN step's file in the WORKDIR (ENV used at build time), copied files, a symlink the real kernel follows
  const read = realRun('--entrypoint', '/tinycat', tag, 'greeting.txt', 'hello.txt', 'notes/a.md', 'link');
  compare(
    `Berth → real (${builder}): docker run --network none --entrypoint /tinycat ${tag} greeting.txt hello.txt notes/a.md link`,
    `${read.status} ${read.stdout}${read.stderr}`,
    '0 hello interop\nhello from the build context\n# notes\ntwo\n',
  );
  const gone = realRun('--entrypoint', '/tinycat', tag, '/etc/shadow');
  compare(`Berth → real (${builder}): the file the RUN step removed is gone (whiteout)`, gone.status, 1);
  const realSave = execFileSync(DOCKER, ['save', tag], { env, maxBuffer: 1 << 28 });
  compareFiles(`Berth → real (${builder})`, await berthImage(tag), realSave, realExportOf(tag));
  realRm(tag);
}

// ---------------------------------------------------------------- real → Berth
const ctx = join(work, 'ctx');
mkdirSync(ctx);
writeRealContext(ctx);
const REAL_TAG = 'real-interop:1';
realRm(REAL_TAG);
execFileSync(DOCKER, ['build', '-q', '-t', REAL_TAG, ctx], { env, stdio: ['ignore', 'pipe', 'pipe'] });
// the real engine runs it: files, a symlink, the last layer's file, and the deleted one gone (cat stops there, status 1)
const ran = realRun(REAL_TAG, '/bin/cat', '/hello.txt', '/link', '/opt/tool/data/late.txt', '/victim.txt');
compare('real: the image runs on the real engine', `${ran.status} ${ran.stdout}`, '1 hello from the real engine\nhello from the real engine\nadded after the deletion\n');
const realTar = join(work, 'real.tar');
real('save', '-o', realTar, REAL_TAG);
host.fs.writeFile('/root/real.tar', new Uint8Array(readFileSync(realTar)));
compare('real → Berth: docker load', (await berth('docker load < /root/real.tar')).trim(), `Loaded image: ${REAL_TAG}`);
compare('real → Berth: image ID', (await berth(`docker image inspect --format '{{.Id}}' ${REAL_TAG}`)).trim(), real('image', 'inspect', '--format', '{{.Id}}', REAL_TAG).trim());
compare('real → Berth: history', await berthHistory(REAL_TAG), realHistory(REAL_TAG));
compareFiles('real → Berth', await berthImage(REAL_TAG), readFileSync(realTar), realExportOf(REAL_TAG));

// ---- and back: Berth saves what it loaded; the real engine takes it again
await berth(`docker save ${REAL_TAG} -o /root/again.tar`);
const again = join(work, 'again.tar');
writeFileSync(again, host.fs.readFile('/root/again.tar'));
// every file of the real engine's archive (config, layer tars, legacy v1 configs) is one of Berth's, byte for byte
const digests = (archive) =>
  readTar(readFileSync(archive))
    .filter((e) => e.type === '0' && !/(^|\/)(manifest\.json|repositories|VERSION|index\.json|oci-layout)$/.test(clean(e.name)))
    .map((e) => createHash('sha256').update(e.data).digest('hex'));
const berthBlobs = new Set(digests(again));
compare("real → Berth → save: the real archive's files among Berth's", digests(realTar).filter((d) => !berthBlobs.has(d)).join(' '), '');
realRm(REAL_TAG);
real('load', '-i', again);
compare('real → Berth → real: image ID', (await berth(`docker image inspect --format '{{.Id}}' ${REAL_TAG}`)).trim(), real('image', 'inspect', '--format', '{{.Id}}', REAL_TAG).trim());
realRm(REAL_TAG);
// the light engine's dangling images (an engine named by BERTH_INTEROP_DOCKER_HOST is left as it is)
if (!process.env.BERTH_INTEROP_DOCKER_HOST) realTry('image', 'prune', '-f');

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(failed ? `interop: FAILED (${failed} of ${checks} checks, ${seconds}s)` : `interop: all ${checks} checks equal (${seconds}s)`);
process.exit(failed ? 1 : 0);
