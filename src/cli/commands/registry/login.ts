// `docker login`: Authenticate to a registry (docker/cli cli/command/registry/login.go).
// The daemon checks the credentials with the registry (/auth); the client
// stores them in ~/.docker/config.json, where `docker push` finds them.
import type { Command, CliContext, RunFn } from '../../command.ts';
import { CliError, maxArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import type { Credentials } from '../../../engine/registry/auth.ts';
import { configPath, registryServer, storeCredentials } from './config.ts';

/** The daemon's /auth, where its registry router has one. */
interface Authenticator {
  login(domain: string, c: Credentials): Promise<void>;
}
const authenticator = (daemon: Daemon): Authenticator | undefined => {
  const r = daemon.opts.registry as Partial<Authenticator>;
  return typeof r.login === 'function' ? (r as Authenticator) : undefined;
};

/** Everything on stdin, without its trailing newline (docker/cli trims "\n" and "\r"). */
async function readAll(ctx: CliContext): Promise<string> {
  let text = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) text += chunk;
  return text.replace(/[\r\n]+$/, '');
}

/** One line typed at the terminal. */
async function readLine(ctx: CliContext): Promise<string | null> {
  let text = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) return text === '' ? null : text;
    text += chunk;
    const nl = text.indexOf('\n');
    if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
  }
}

const NON_TTY = 'Error: Cannot perform an interactive login from a non TTY device';

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  let username = typeof opts.username === 'string' ? opts.username.trim() : '';
  let password = typeof opts.password === 'string' ? opts.password : '';
  const fromStdin = opts['password-stdin'] === true;
  if (password !== '' && fromStdin) throw new CliError('conflicting options: cannot specify both --password and --password-stdin', 1);
  if (password !== '') ctx.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (fromStdin) {
    if (username === '') throw new CliError('the --password-stdin option requires --username to be set', 1);
    password = await readAll(ctx);
  }
  const { domain, key } = registryServer(args[0]);
  if (username === '' || password === '') {
    // an empty password asks at the prompt, which needs a terminal
    if (!ctx.tty) throw new CliError(NON_TTY, 1);
    if (username === '') {
      ctx.stdout.write('Username: ');
      username = ((await readLine(ctx)) ?? '').trim();
      if (username === '') throw new CliError('Error: Non-null Username Required', 1);
    }
    // Docker 28 points Hub users at access tokens before asking
    if (domain === 'docker.io') {
      // docker/cli's PrintNote, with its colours (the prompt runs on a terminal)
      const pad = ' '.repeat(9);
      ctx.stdout.write(
        '\n\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m\x1b[3mA Personal Access Token (PAT) can be used instead.\x1b[0m\n' +
          `${pad}\x1b[3mTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\x1b[0m\n` +
          `${pad}\x1b[3m\x1b[0m\n${pad}\x1b[3m\x1b[0m\n`,
      );
    }
    ctx.stdout.write('Password: ');
    // docker turns the terminal's echo off and ends the line itself; Berth's terminal echoes the line typed
    password = (await readLine(ctx)) ?? '';
    if (password === '') throw new CliError('Error: Password Required', 1);
  }
  const credentials = { username, password };
  await authenticator(ctx.daemon)?.login(domain, credentials);
  if (ctx.host) {
    const home = ctx.env.get('HOME') ?? '/root';
    storeCredentials(ctx.host.fs, home, key, credentials);
    ctx.stderr.write(
      `\nWARNING! Your credentials are stored unencrypted in '${configPath(home)}'.\n` +
        'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n',
    );
  }
  ctx.stdout.write('Login Succeeded\n');
  return 0;
};

export const loginCommand: Command = {
  spec: {
    use: 'login [OPTIONS] [SERVER]',
    short: 'Authenticate to a registry',
    long: `Authenticate to a registry.
Defaults to Docker Hub if no server is specified.`,
    args: maxArgs(1),
    categoryTop: 8,
    flags: [
      { name: 'password', shorthand: 'p', type: 'string', usage: 'Password or Personal Access Token (PAT)' },
      { name: 'password-stdin', type: 'bool', usage: 'Take the Password or Personal Access Token (PAT) from stdin' },
      { name: 'username', shorthand: 'u', type: 'string', usage: 'Username' },
    ],
  },
  run: run as RunFn,
};
