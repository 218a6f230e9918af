#!/usr/bin/env node
// Remakes e2e/fixtures/real-scratch.tar: the image of real-image.mjs built and
// saved by the real engine (the light engine of `setup.sh engine` unless
// BERTH_INTEROP_DOCKER_HOST names another), for e2e/interop.spec.ts, which
// loads it into the page and browses its layers. Writes
// e2e/fixtures/real-scratch.txt beside it: which Docker made it, the image ID,
// the Dockerfile.
//
//   node scripts/real-docker/make-fixture.mjs [OUT.tar]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useEngine } from './engine.mjs';
import { REAL_DOCKERFILE, writeRealContext } from './real-image.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '../../e2e/fixtures/real-scratch.tar'));
const TAG = 'real-scratch:1';
const { DOCKER, env } = useEngine('make-fixture');
const docker = (...args) => execFileSync(DOCKER, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const ctx = mkdtempSync(join(tmpdir(), 'berth-fixture-'));
try {
  writeRealContext(ctx);
  try {
    docker('rmi', '-f', TAG);
  } catch {
    // not there
  }
  docker('build', '-q', '-t', TAG, ctx);
  mkdirSync(dirname(out), { recursive: true });
  docker('save', '-o', out, TAG);
  const id = docker('image', 'inspect', '--format', '{{.Id}}', TAG).trim();
  const version = docker('version', '--format', 'client {{.Client.Version}}, daemon {{.Server.Version}} ({{.Server.Os}}/{{.Server.Arch}})').trim();
  docker('rmi', TAG);
  writeFileSync(
    out.replace(/\.tar$/, '.txt'),
    `Made by scripts/real-docker/make-fixture.mjs with the real Docker engine: ${version}, legacy builder.\n` +
      `docker save ${TAG} of image ${id}\n\nDockerfile (context: scripts/real-docker/real-image.mjs):\n${REAL_DOCKERFILE}`,
  );
  console.log(`make-fixture: ${out} (${id})`);
} finally {
  rmSync(ctx, { recursive: true, force: true });
}
