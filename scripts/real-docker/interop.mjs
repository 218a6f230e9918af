#!/usr/bin/env node
// Interoperability of image archives between Berth and the real engine
// (see README.md): an image built in Berth, saved there, must load into the
// real Docker with the same image ID and history; an image built and saved by
// the real Docker must load into Berth with the same ID and history.
//
//   bash scripts/real-docker/setup.sh start
//   node scripts/real-docker/interop.mjs
//
// Exits 1 on any difference. Talks only to the local engine's socket.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { createHost } = await tsImport('../../src/shell/host.ts', import.meta.url);
const { createNodePlatform } = await tsImport('../../src/node/platform.ts', import.meta.url);

const DOCKER = process.env.DOCKER ?? '/usr/local/bin/docker';
const env = { ...process.env, DOCKER_HOST: process.env.DOCKER_HOST ?? 'unix:///tmp/dockerd/docker.sock' };
const work = mkdtempSync(join(tmpdir(), 'berth-interop-'));
const real = (...args) => execFileSync(DOCKER, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const host = await createHost({ platform: createNodePlatform(), realtime: false });
async function berth(command) {
  let out = '';
  let err = '';
  const status = await host.run(command, { stdout: { write: (t) => (out += t) }, stderr: { write: (t) => (err += t) } });
  if (status !== 0) throw new Error(`berth: ${command}: status ${status}\n${out}${err}`);
  return out;
}

const HISTORY = ['history', '--no-trunc', '--format', '{{.CreatedBy}}|{{.Comment}}'];
let failed = false;
function compare(what, a, b) {
  const same = a === b;
  if (!same) failed = true;
  console.log(`${same ? 'ok  ' : 'FAIL'} ${what}${same ? '' : `\n  berth: ${JSON.stringify(a)}\n  real:  ${JSON.stringify(b)}`}`);
}

// ---- Berth → real
await berth('docker pull -q busybox');
await berth(`mkdir -p /root/app && cd /root/app && printf 'FROM busybox\\nRUN echo interop > /hello.txt && mkdir -p /data && echo two > /data/b\\nENV GREETING=hi\\nCMD ["cat", "/hello.txt"]\\n' > Dockerfile`);
await berth('cd /root/app && DOCKER_BUILDKIT=0 docker build -q -t berth-interop:1 .');
await berth('docker save berth-interop:1 -o /root/berth.tar');
const berthTar = join(work, 'berth.tar');
writeFileSync(berthTar, host.fs.readFile('/root/berth.tar'));
const berthId = (await berth(`docker image inspect --format '{{.Id}}' berth-interop:1`)).trim();
const berthHistory = await berth(`docker ${HISTORY.map((a) => `'${a}'`).join(' ')} berth-interop:1`);
try {
  real('rmi', '-f', 'berth-interop:1');
} catch {
  // not there yet
}
const loaded = real('load', '-i', berthTar);
console.log(`real docker load: ${loaded.trim()}`);
compare('Berth → real: image ID', berthId, real('image', 'inspect', '--format', '{{.Id}}', 'berth-interop:1').trim());
compare('Berth → real: history', berthHistory, real(...HISTORY, 'berth-interop:1'));
// Berth's programs are not real binaries: read the file out of a created container
const realFile = (image, path) => {
  const id = real('create', image).trim();
  try {
    return execFileSync('bash', ['-c', `"${DOCKER}" cp ${id}:${path} - | tar -xO`], { env, encoding: 'utf8' });
  } finally {
    real('rm', id);
  }
};
compare('Berth → real: file content', 'interop\n', realFile('berth-interop:1', '/hello.txt'));

// ---- real → Berth
const ctx = join(work, 'ctx');
execFileSync('mkdir', ['-p', ctx]);
writeFileSync(join(ctx, 'Dockerfile'), 'FROM busybox\nRUN echo from-real > /real.txt && ln -s real.txt /link\nLABEL origin=real\nCMD ["cat", "/link"]\n');
execFileSync(DOCKER, ['build', '-q', '-t', 'real-interop:1', ctx], { env, stdio: ['ignore', 'pipe', 'pipe'] });
const realTar = join(work, 'real.tar');
real('save', '-o', realTar, 'real-interop:1');
host.fs.writeFile('/root/real.tar', new Uint8Array(readFileSync(realTar)));
console.log(`berth docker load: ${(await berth('docker load < /root/real.tar')).trim()}`);
compare('real → Berth: image ID', (await berth(`docker image inspect --format '{{.Id}}' real-interop:1`)).trim(), real('image', 'inspect', '--format', '{{.Id}}', 'real-interop:1').trim());
compare('real → Berth: history', await berth(`docker ${HISTORY.map((a) => `'${a}'`).join(' ')} real-interop:1`), real(...HISTORY, 'real-interop:1'));
compare('real → Berth: file content', await berth('docker run --rm real-interop:1 cat /link'), realFile('real-interop:1', '/real.txt'));

// ---- and back: Berth saves what it loaded; the real engine takes it again
await berth('docker save real-interop:1 -o /root/again.tar');
const again = join(work, 'again.tar');
writeFileSync(again, host.fs.readFile('/root/again.tar'));
// every file of the real engine's archive (config, layer tars, legacy v1 configs) is a blob of Berth's, byte for byte
const digestsOf = (tar, dir) => {
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  return execFileSync('bash', ['-c', `cd "${dir}" && find . -type f ! -name manifest.json ! -name repositories ! -name VERSION ! -name index.json ! -name oci-layout -exec sha256sum {} + | cut -d' ' -f1 | sort`], { encoding: 'utf8' });
};
const realBlobs = digestsOf(realTar, join(work, 'real-x')).trim().split('\n');
const berthBlobs = new Set(digestsOf(again, join(work, 'again-x')).trim().split('\n'));
compare('real → Berth → save: the real archive\'s files among Berth\'s blobs', realBlobs.filter((d) => !berthBlobs.has(d)).join(' '), '');
real('rmi', 'real-interop:1');
real('load', '-i', again);
compare('real → Berth → real: image ID', (await berth(`docker image inspect --format '{{.Id}}' real-interop:1`)).trim(), real('image', 'inspect', '--format', '{{.Id}}', 'real-interop:1').trim());

console.log(failed ? 'interop: FAILED' : 'interop: all equal');
process.exit(failed ? 1 : 0);
