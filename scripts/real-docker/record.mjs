#!/usr/bin/env node
// scripts/real-docker/record.mjs — record .t transcripts on the real Docker
// engine that scripts/real-docker/setup.sh runs (dockerd 20.10 driven by the
// docker 28.2 client, off the network, registry mirror on 127.0.0.1:5000).
//
//   npm run fidelity:record -- FILE.t|DIR ...
//
// For each file (directories are searched for *.t):
//   1. `setup.sh reset`: a fresh engine (no images, containers, volumes) and a
//      registry holding only the two base images;
//   2. a fresh empty temporary working directory and HOME;
//   3. every command of the file runs, in order, in ONE interactive bash
//      (so `cd` and shell variables carry over), as
//        { CMD
//        } >OUT 2>&1 </dev/null
//      i.e. no terminal, empty stdin, stdout and stderr merged in the order
//      written; its exit status is kept;
//   4. where the output shows 20.10-daemon wording listed in
//      shared/fidelity/VERSIONS.md (the rows in MODERNISATIONS below), the
//      Docker 28 text replaces it and a `# modern: ...` comment goes just
//      above the command;
//   5. the file is rewritten in place: header, comments and commands as they
//      were, outputs and `[N]` statuses from the run.
// A command that runs longer than RECORD_TIMEOUT seconds (default 60) aborts
// that file, which is then left untouched; the recorder goes on with the
// next file and exits 1 at the end.
//
// Plain Node ESM without dependencies; the .t parser is the project's own
// (src/transcript/format.ts), loaded through tsx's API.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const fmt = await tsImport('../../src/transcript/format.ts', import.meta.url);
const { parseTranscript, serializeTranscript, outputLines } = fmt;

const HERE = dirname(fileURLToPath(import.meta.url));
const SETUP = join(HERE, 'setup.sh');
const SOCK = 'unix:///tmp/dockerd/docker.sock';
const DEAD_PROXY = 'http://127.0.0.1:9'; // nothing listens there
const TIMEOUT_MS = Number(process.env.RECORD_TIMEOUT ?? 60) * 1000;
const PATH_ENV = '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin';

function log(msg) {
  process.stderr.write(`[record] ${msg}\n`);
}

// ------------------------------------------------------------------ files
function collect(args) {
  const files = [];
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) walk(join(p, e));
    } else if (p.endsWith('.t')) {
      files.push(p);
    }
  };
  for (const a of args) walk(resolve(a));
  return files;
}

// ------------------------------------------------------------------ engine
function resetEngine() {
  const r = spawnSync(SETUP, ['reset'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    throw new Error(`setup.sh reset failed (${r.status}):\n${r.stdout}${r.stderr}`);
  }
}

function baseEnv(home) {
  return {
    PATH: PATH_ENV,
    HOME: home,
    USER: 'root',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    DOCKER_HOST: SOCK,
    // belt and braces: nothing started from a transcript reaches past loopback
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

function docker(env, args) {
  const r = spawnSync('/usr/local/bin/docker', args, { env, encoding: 'utf8', timeout: 20000 });
  return { status: r.status, out: (r.stdout ?? '').trim() };
}

// ------------------------------------------------------------------ shell
/** One interactive bash (no readline, no job control) that runs commands one by one. */
class Shell {
  constructor(cwd, env, scratch) {
    this.scratch = scratch;
    this.nonce = Math.random().toString(36).slice(2);
    this.proc = spawn('bash', ['--norc', '--noprofile', '--noediting', '-i'], {
      cwd,
      env: { ...env, PS1: '', PS2: '' },
      detached: true, // its own process group, so a timeout can end it and its children
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.buf = '';
    this.err = '';
    this.waiter = null;
    this.exited = false;
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (d) => {
      this.buf += d;
      this.waiter?.();
    });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (d) => {
      this.err = (this.err + d).slice(-4000);
    });
    this.proc.on('exit', () => {
      this.exited = true;
      this.waiter?.();
    });
    this.proc.stdin.on('error', () => {});
    this.proc.stdin.write("PS1='' PS2='' PS0=''\nset +H +m\nunset HISTFILE\n");
    this.count = 0;
  }

  /** Runs one command; resolves to { text, status }. */
  run(command) {
    const n = ++this.count;
    const out = join(this.scratch, `out-${n}`);
    const mark = `__berth_rec_${this.nonce}_${n}__`;
    const script = `{ ${command}\n} >'${out}' 2>&1 </dev/null\nprintf '\\n${mark} %d\\n' "$?"\n`;
    const re = new RegExp(`\\n${mark} (\\d+)\\n`);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(new Error(`timed out after ${TIMEOUT_MS / 1000}s`));
      }, TIMEOUT_MS);
      this.waiter = () => {
        const m = re.exec(this.buf);
        if (m) {
          clearTimeout(timer);
          this.waiter = null;
          this.buf = this.buf.slice(m.index + m[0].length);
          let text = '';
          try {
            text = readFileSync(out, 'utf8');
          } catch {
            text = '';
          }
          resolvePromise({ text, status: Number(m[1]) });
        } else if (this.exited) {
          clearTimeout(timer);
          this.waiter = null;
          reject(new Error(`the shell exited (does the command end the shell?)\n${this.err}`));
        }
      };
      this.proc.stdin.write(script);
      this.waiter();
    });
  }

  kill() {
    if (this.exited) return;
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }

  async close() {
    if (this.exited) return;
    this.proc.stdin.end('exit 0\n');
    await new Promise((r) => {
      const t = setTimeout(() => {
        this.kill();
        r();
      }, 5000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        r();
      });
      if (this.exited) r();
    });
  }
}

// ------------------------------------------------------------------ modernisation
// The dockerd here is Debian's 20.10; Berth follows Docker 28.  Each rule
// below is one row of shared/fidelity/VERSIONS.md and rewrites only that
// row's 20.10 wording into the 28 wording the table gives.  Nothing else is
// rewritten: everything the 28 client prints is kept as recorded.

const DAEMON = 'Error response from daemon: ';

/** The ref (name or ID as typed) of the container `id` among the command's words. */
function refFor(id, command, env) {
  const info = docker(env, ['inspect', '--type', 'container', '-f', '{{.Name}}', id]);
  const name = info.status === 0 ? info.out.replace(/^\//, '') : null;
  const words = command.split(/[\s;|&()]+/).map((w) => w.replace(/^['"]|['"]$/g, ''));
  for (const w of words) {
    if (!w || w.startsWith('-')) continue;
    if (name && (w === name || w === '/' + name)) return w;
    if (/^[0-9a-f]+$/.test(w) && id.startsWith(w)) return w;
  }
  // IDs passed through a substitution such as $(docker ps -q): short IDs
  return id.slice(0, 12);
}

const MODERNISATIONS = [
  {
    row: 1,
    note: 'dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"',
    apply: (line) => line.replace(/^Removing intermediate container ([0-9a-f]{12})$/, ' ---> Removed intermediate container $1'),
  },
  {
    row: 2,
    note: 'dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container \"<ref>\": container is running: ..."',
    apply: (line, ctx) =>
      line.replace(
        /^(.*)You cannot remove a running container ([0-9a-f]{64})\. Stop the container before attempting removal or force remove$/,
        (_, pre, id) =>
          `${pre}cannot remove container "${refFor(id, ctx.command, ctx.env)}": container is running: stop the container before removing or force remove`,
      ),
  },
  {
    row: 3,
    note: 'dockerd 20.10 printed "You cannot remove a paused container <id>. ..."; Docker 28.2 prints "cannot remove container \"<ref>\": container is paused and must be unpaused first"',
    apply: (line, ctx) =>
      line.replace(
        /^(.*)You cannot remove a paused container ([0-9a-f]{64})\. Unpause and then stop the container before attempting removal or force remove$/,
        (_, pre, id) => `${pre}cannot remove container "${refFor(id, ctx.command, ctx.env)}": container is paused and must be unpaused first`,
      ),
  },
  {
    row: 4,
    note: 'Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "',
    // `docker run` prints it after "Error response from daemon: "; a classic
    // build's exec-form RUN prints the same daemon error bare, as its own line
    apply: (line) =>
      /^(.*Error response from daemon: )?failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: /.test(line)
        ? line
            .replace('failed to create shim task: ', 'failed to create task for container: failed to create shim task: ')
            .replace('unable to start container process: exec: ', 'unable to start container process: error during container init: exec: ')
        : line,
  },
  {
    row: 5,
    note: 'dockerd 20.10 exited 126; Docker 28.0+ exits 127',
    status: (status, output, ctx) =>
      status === 126 &&
      /\bdocker\s+(container\s+)?exec\b/.test(ctx.command) &&
      output.some((l) => /OCI runtime exec failed: .*executable file not found in \$PATH/.test(l))
        ? 127
        : status,
  },
  {
    row: 6,
    note: 'dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"',
    apply: (line, ctx) =>
      /\bdocker\s+(container\s+)?(pause|top|exec|kill)\b/.test(ctx.command)
        ? line.replace(/\bContainer ([0-9a-f]{64}) is not running\b/, 'container $1 is not running')
        : line,
  },
  {
    row: 7,
    note: 'dockerd 20.10 printed "Cannot kill container: "; Docker 26.0+ prints "cannot kill container: "',
    apply: (line) => line.replace(`${DAEMON}Cannot kill container: `, `${DAEMON}cannot kill container: `),
  },
  {
    row: 8,
    note: 'dockerd 20.10 printed "No command specified"; Docker 25.0+ prints "no command specified"',
    apply: (line) => line.replace(/^(docker: )?Error response from daemon: No command specified$/, '$1Error response from daemon: no command specified'),
  },
  {
    row: 9,
    note: 'dockerd 20.10 saved <image-id>.json and <v1-id>/{VERSION,json,layer.tar}; Docker 25.0+ saves an OCI layout: blobs/sha256/<digest> for each config, layer tar, legacy v1 config and OCI manifest, then index.json, manifest.json, oci-layout, repositories',
    // only a listing made order-independent (`sed -E 's/[0-9a-f]{64}$/<digest>/'`) can be rewritten:
    // the blobs' names are digests the 20.10 archive does not hold
    output: (lines, ctx) => {
      if (!ctx.command.includes('s/[0-9a-f]{64}$/<digest>/')) return lines;
      const old = /^([0-9a-f]{64}\.json|[0-9a-f]{64}\/(VERSION|json|layer\.tar)?|manifest\.json|repositories)$/;
      if (lines.length === 0 || !lines.every((l) => old.test(l)) || !lines.includes('manifest.json')) return lines;
      const configs = lines.filter((l) => l.endsWith('.json') && l !== 'manifest.json').length;
      const layers = lines.filter((l) => l.endsWith('/layer.tar')).length;
      // one config and one manifest per image, one layer tar and one v1 config per layer
      const blobs = Array.from({ length: 2 * configs + 2 * layers }, () => 'blobs/sha256/<digest>');
      return ['blobs/', 'blobs/sha256/', ...blobs, 'index.json', 'manifest.json', 'oci-layout', ...(lines.includes('repositories') ? ['repositories'] : [])];
    },
  },
  {
    row: 10,
    note: 'dockerd 20.10 printed "dockerfile parse error line N: unknown instruction: X"; Docker 23.0+ prints "dockerfile parse error on line N: unknown instruction: X" and adds "(did you mean Y?)" for an instruction within edit distance 2',
    // 20.10 upper-cases the word, 28 keeps it as typed: transcripts type their
    // misspelt instructions in upper case so that both agree
    apply: (line) =>
      line.replace(/^(.*)dockerfile parse error line (\d+): unknown instruction: (\S+)$/, (_, pre, n, word) => {
        const hint = suggestInstruction(word);
        return `${pre}dockerfile parse error on line ${n}: unknown instruction: ${word}${hint ? ` (did you mean ${hint}?)` : ''}`;
      }),
  },
  {
    row: 11,
    note: 'dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."',
    apply: (line) => line.replace(/^(.*)dockerfile parse error line (\d+): /, '$1dockerfile parse error on line $2: '),
  },
];

// The instructions BuildKit's Dockerfile parser knows (command.Commands at
// moby v28.2.2), for the "(did you mean ...?)" hint of row 10.
const INSTRUCTIONS = [
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck',
  'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
];

function levenshtein(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** BuildKit's suggest.WrapError: the closest instruction at distance < 3, in the word's case. */
function suggestInstruction(word) {
  const w = word.toLowerCase();
  let best = 3;
  let found = [];
  for (const opt of INSTRUCTIONS) {
    const d = levenshtein(w, opt);
    if (d < best) [best, found] = [d, [opt]];
    else if (d === best && best < 3) found.push(opt);
  }
  if (found.length === 0) return null;
  if (found.length > 1) {
    // BuildKit walks a Go map: which of equally close names it offers changes from run to run
    log(`warning: "${word}" is as close to ${found.join(', ')}: Docker picks one at random; use another misspelling`);
  }
  const m = found[0];
  if (word === word.toLowerCase()) return m;
  if (word === word.toUpperCase()) return m.toUpperCase();
  return m;
}

function modernise(command, output, status, env) {
  const ctx = { command, env };
  const rows = new Set();
  let lines = output;
  for (const rule of MODERNISATIONS) {
    if (rule.apply) {
      lines = lines.map((l) => {
        const n = rule.apply(l, ctx);
        if (n !== l) rows.add(rule);
        return n;
      });
    }
    if (rule.output) {
      const n = rule.output(lines, ctx);
      if (n !== lines) rows.add(rule);
      lines = n;
    }
    if (rule.status) {
      const s = rule.status(status, lines, ctx);
      if (s !== status) rows.add(rule);
      status = s;
    }
  }
  const notes = [...rows]
    .sort((a, b) => a.row - b.row)
    .map((r) => `# modern: VERSIONS.md row ${r.row}: ${r.note}`);
  return { output: lines, status, notes };
}

// ------------------------------------------------------------------ record one file
async function recordFile(file) {
  const text = readFileSync(file, 'utf8');
  const t = parseTranscript(text);
  if (t.commands.length === 0) throw new Error('no commands');
  resetEngine();
  const work = mkdtempSync(join(tmpdir(), 'berth-rec-work-'));
  const home = mkdtempSync(join(tmpdir(), 'berth-rec-home-'));
  const scratch = mkdtempSync(join(tmpdir(), 'berth-rec-out-'));
  const env = baseEnv(home);
  const shell = new Shell(work, env, scratch);
  let rewrites = 0;
  try {
    for (const c of t.commands) {
      const { text: out, status } = await shell.run(c.command);
      const m = modernise(c.command, outputLines(out), status, env);
      c.output = m.output;
      c.status = m.status;
      c.comments = c.comments.filter((l) => !l.startsWith('# modern: '));
      // keep the notes just above the command, after any other comment
      c.comments.push(...m.notes);
      rewrites += m.notes.length;
    }
  } finally {
    await shell.close();
    for (const d of [work, home, scratch]) rmSync(d, { recursive: true, force: true });
  }
  writeFileSync(file, serializeTranscript(t));
  return { commands: t.commands.length, rewrites };
}

// ------------------------------------------------------------------ main
const args = process.argv.slice(2);
if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
  process.stderr.write('usage: npm run fidelity:record -- FILE.t|DIR ...\n');
  process.exit(args.length === 0 ? 2 : 0);
}
if (process.getuid?.() !== 0) {
  log('must run as root (setup.sh reset wipes and restarts dockerd)');
  process.exit(2);
}
const files = collect(args);
let failed = 0;
let commands = 0;
for (const f of files) {
  const name = relative(process.cwd(), f);
  const started = Date.now();
  try {
    const r = await recordFile(f);
    commands += r.commands;
    log(`${name}: ${r.commands} commands${r.rewrites ? `, ${r.rewrites} modernised` : ''} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (e) {
    failed++;
    log(`${name}: FAILED, file left as it was: ${e.message}`);
  }
}
log(`${files.length - failed}/${files.length} files recorded, ${commands} commands`);
process.exit(failed ? 1 : 0);
