#!/usr/bin/env node
// Records what the real docker CLI prints for each line of cases.txt into
// golden.json, which dispatch.test.ts replays against runDocker.
//
//   DOCKER_HOST=unix:///tmp/dockerd/docker.sock node src/cli/commands/testdata/capture.mjs
//   DOCKER_HOST=unix:///nonexistent node src/cli/commands/testdata/capture.mjs cases-nodaemon.txt golden-nodaemon.json
//
// The reference: the docker 28.2.2 client (/usr/local/bin/docker) talking to
// the reference dockerd 20.10 (API 1.41, linux, not experimental), which
// decides which flags help hides. Every case must be answered by the client
// alone (help, usage and flag errors): nothing may reach the daemon's state.
// With no daemon (a socket that does not exist) nothing is hidden.
//
// golden-terminal.json holds help printed on a terminal of other widths
// (flag usages wrap at the width of stdin's terminal): recorded by running
// `script -qc 'stty cols N; /usr/local/bin/docker ARGS' /dev/null` with the
// reference daemon, CRLF turned into LF.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const casesFile = process.argv[2] || 'cases.txt';
const goldenFile = process.argv[3] || 'golden.json';
const docker = process.env.DOCKER_BIN || '/usr/local/bin/docker';
const host = process.env.DOCKER_HOST;
if (!host) {
  console.error('set DOCKER_HOST to the reference daemon');
  process.exit(2);
}

/** Splits a line like a shell would, for plain words and '...' or "..." quoting. */
function words(line) {
  const out = [];
  let cur = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (cur !== null) out.push(cur);
      cur = null;
    } else if (c === "'" || c === '"') {
      const j = line.indexOf(c, i + 1);
      cur = (cur ?? '') + line.slice(i + 1, j);
      i = j;
    } else cur = (cur ?? '') + c;
  }
  if (cur !== null) out.push(cur);
  return out;
}

const cases = [];
for (const raw of readFileSync(join(here, casesFile), 'utf8').split('\n')) {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) continue;
  let env = {};
  let rest = line;
  // Leading NAME=value words set the environment.
  for (;;) {
    const m = /^([A-Z_]+)=(\S*) (.*)$/.exec(rest);
    if (!m) break;
    env[m[1]] = m[2];
    rest = m[3];
  }
  const argv = words(rest);
  if (argv[0] !== 'docker') throw new Error(`not a docker line: ${line}`);
  const r = spawnSync(docker, argv.slice(1), {
    env: { PATH: process.env.PATH, HOME: '/root', DOCKER_HOST: host, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  cases.push({ line, env, argv: argv.slice(1), stdout: r.stdout, stderr: r.stderr, status: r.status });
}
writeFileSync(join(here, goldenFile), JSON.stringify(cases, null, 1) + '\n');
console.log(`${cases.length} cases recorded`);
