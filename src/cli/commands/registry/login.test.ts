// `docker login` / `docker logout` and config.json, against docker/cli
// v28.2.2 (cli/command/registry/login.go, logout.go, cli/config/credentials/
// file_store.go); the texts without a terminal are those recorded in
// fidelity/corpus/registry/1*.t.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';
import { createHost } from '../../../shell/host.ts';
import { convertToHostname } from './config.ts';

const WARNING =
  "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\n" +
  'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n';
const STORED = (user: string) =>
  `Authenticating with existing credentials... [Username: ${user}]\n\n` +
  " Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n";
const REFUSED = 'Error response from daemon: Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused';

async function machine() {
  const h = await createHost({
    platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() },
    hostname: 'berth',
    recorderServices: true,
  });
  /** Runs a command line with `stdin` (empty when absent), no terminal unless typed lines are given. */
  const sh = async (cmd: string, stdin?: string, typed?: string[]) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    let given = stdin === undefined;
    const input = typed
      ? { read: async () => typed.shift() ?? null }
      : { read: async () => (given ? null : ((given = true), stdin!)) };
    const status = await h.run(cmd, { stdout: w, stderr: w, stdin: input, tty: typed !== undefined });
    return { out, status };
  };
  const config = async () => (await sh('cat /root/.docker/config.json')).out;
  return { h, sh, config };
}

describe('docker login', { timeout: 30_000 }, () => {
  it('stores the credentials once: the same ones again write nothing and print no warning', async () => {
    const m = await machine();
    expect(await m.sh("printf 'pw\n' | docker login -u x --password-stdin 127.0.0.1:5000")).toEqual({ status: 0, out: WARNING + 'Login Succeeded\n' });
    expect(await m.sh("printf 'pw\n' | docker login -u x --password-stdin 127.0.0.1:5000")).toEqual({ status: 0, out: 'Login Succeeded\n' });
    // the password is trimmed, one line ending of stdin first (" pw " and "pw" are the same)
    expect(await m.sh("printf ' pw \n' | docker login -u \" x\" --password-stdin 127.0.0.1:5000")).toEqual({ status: 0, out: 'Login Succeeded\n' });
    expect(await m.config()).toBe('{\n\t"auths": {\n\t\t"127.0.0.1:5000": {\n\t\t\t"auth": "eDpwdw=="\n\t\t}\n\t}\n}');
  });

  it('without -u and -p, tries the stored credentials first', async () => {
    const m = await machine();
    await m.sh('docker login -u x -p y 127.0.0.1:5000');
    expect(await m.sh('docker login 127.0.0.1:5000')).toEqual({ status: 0, out: STORED('x') + 'Login Succeeded\n' });
    // an address with a scheme and a path is its host
    expect(await m.sh('docker login http://127.0.0.1:5000/v2/')).toEqual({ status: 0, out: STORED('x') + 'Login Succeeded\n' });
    // with -u it asks, which needs a terminal
    expect(await m.sh('docker login -u x 127.0.0.1:5000')).toEqual({
      status: 1,
      out: 'Error: Cannot perform an interactive login from a non TTY device\n',
    });
  });

  it('stored credentials a registry does not take: the error, then the prompt with the stored name as default', async () => {
    const m = await machine();
    await m.sh(`mkdir -p /root/.docker && printf '{"auths":{"127.0.0.1:5001":{"auth":"eDp5"}}}' > /root/.docker/config.json`);
    expect(await m.sh('docker login 127.0.0.1:5001')).toEqual({
      status: 1,
      out: STORED('x') + `Login did not succeed, error: ${REFUSED}\nError: Cannot perform an interactive login from a non TTY device\n`,
    });
    // at a terminal: Enter takes the stored name, then the password is asked
    const r = await m.sh('docker login 127.0.0.1:5001', undefined, ['\n', 'pw\n']);
    expect(r.status).toBe(1);
    expect(r.out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(
      "Authenticating with existing credentials... [Username: x]\n\ni Info → To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n" +
        `Login did not succeed, error: ${REFUSED}\nUsername (x): Password: ${REFUSED}\n`,
    );
  });

  it('says so when the Hub refuses the stored password', async () => {
    const m = await machine();
    await m.sh("printf 'right\n' | docker login -u alice --password-stdin");
    await m.sh(`printf '{"auths":{"https://index.docker.io/v1/":{"auth":"YWxpY2U6d3Jvbmc="}}}' > /root/.docker/config.json`);
    expect(await m.sh('docker login')).toEqual({
      status: 1,
      out: STORED('alice') + 'Stored credentials invalid or expired\nError: Cannot perform an interactive login from a non TTY device\n',
    });
  });

  it('refuses flags as docker/cli verifyLoginFlags does, before reading anything', async () => {
    const m = await machine();
    expect(await m.sh("docker login -u '' 127.0.0.1:5000")).toEqual({ status: 1, out: 'username is empty\n' });
    expect(await m.sh("docker login -u x -p '' 127.0.0.1:5000")).toEqual({ status: 1, out: 'password is empty\n' });
    expect(await m.sh("printf 'pw\n' | docker login -u x -p y --password-stdin 127.0.0.1:5000")).toEqual({
      status: 1,
      out: 'conflicting options: cannot specify both --password and --password-stdin\n',
    });
    expect(await m.sh('docker login --password-stdin=false 127.0.0.1:5000')).toEqual({
      status: 1,
      out: 'the --password-stdin option requires --username to be set\n',
    });
    // an empty password from stdin needs the prompt; a blank one reaches the terminal's echo switch
    expect(await m.sh("printf '\n' | docker login -u x --password-stdin 127.0.0.1:5000")).toEqual({
      status: 1,
      out: 'Error: Cannot perform an interactive login from a non TTY device\n',
    });
    expect(await m.sh("printf '  \n' | docker login -u x --password-stdin 127.0.0.1:5000")).toEqual({ status: 1, out: 'inappropriate ioctl for device\n' });
    expect(await m.sh('test -e /root/.docker || echo none')).toEqual({ status: 0, out: 'none\n' });
  });
});

describe('docker logout', { timeout: 30_000 }, () => {
  it('erases the host and the spellings older clients stored, and leaves the file alone when nothing is there', async () => {
    const m = await machine();
    await m.sh(
      `mkdir -p /root/.docker && printf '{"auths":{"http://localhost:5000":{"auth":"eDp5"},"127.0.0.1:5000":{"auth":"eDp5"}}}' > /root/.docker/config.json`,
    );
    expect(await m.sh('docker logout https://localhost:5000/v2/')).toEqual({ status: 0, out: 'Removing login credentials for localhost:5000\n' });
    expect(await m.config()).toBe('{\n\t"auths": {\n\t\t"127.0.0.1:5000": {\n\t\t\t"auth": "eDp5"\n\t\t}\n\t}\n}');
    // the Hub's key only without a server; "docker.io" is a server of its own here
    await m.sh('docker login -u bob -p pw 2>/dev/null');
    expect(await m.sh('docker logout docker.io')).toEqual({ status: 0, out: 'Removing login credentials for docker.io\n' });
    expect(await m.config()).toContain('https://index.docker.io/v1/');
    expect(await m.sh('docker logout')).toEqual({ status: 0, out: 'Removing login credentials for https://index.docker.io/v1/\n' });
    expect(await m.sh('docker logout 127.0.0.1:5000')).toEqual({ status: 0, out: 'Removing login credentials for 127.0.0.1:5000\n' });
    expect(await m.config()).toBe('{\n\t"auths": {}\n}');
  });

  it('writes the auths sorted, as Go encodes a map', async () => {
    const m = await machine();
    await m.sh('docker login -u y -p z localhost:5000 2>/dev/null');
    await m.sh('docker login -u x -p y 127.0.0.1:5000 2>/dev/null');
    expect(Object.keys(JSON.parse(await m.config()).auths)).toEqual(['127.0.0.1:5000', 'localhost:5000']);
  });
});

describe('convertToHostname', () => {
  it('keeps the host and port of a URL, and cuts a bare address at its first slash', () => {
    expect(convertToHostname('http://localhost:5000/')).toBe('localhost:5000');
    expect(convertToHostname('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(convertToHostname('127.0.0.1:5000/v2/')).toBe('127.0.0.1:5000');
    expect(convertToHostname('registry.example.com')).toBe('registry.example.com');
  });
});
