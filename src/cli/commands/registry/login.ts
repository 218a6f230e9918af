// `docker login`: Authenticate to a registry (docker/cli cli/command/registry/login.go).
// The daemon checks the credentials with the registry (/auth); the client
// stores them in ~/.docker/config.json, where `docker push` finds them.
import type { Command, CliContext, Options, RunFn } from '../../command.ts';
import { CliError, flagChanged, maxArgs } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import type { Credentials } from '../../../engine/registry/auth.ts';
import type { OutputStream } from '../../../engine/runtime/process.ts';
import { configPath, registryServer, storeCredentials, storedCredentials } from './config.ts';

/** The daemon's /auth, where its registry router has one. */
interface Authenticator {
  login(domain: string, c: Credentials): Promise<void>;
}
const authenticator = (daemon: Daemon): Authenticator | undefined => {
  const r = daemon.opts.registry as Partial<Authenticator>;
  return typeof r.login === 'function' ? (r as Authenticator) : undefined;
};

/** Everything on stdin, less one line ending (docker/cli trims one "\n", then one "\r"). */
async function readAll(ctx: CliContext): Promise<string> {
  let text = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) text += chunk;
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return text;
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

/** docker/cli's tui.PrintNote: a header, then the lines of `text` indented under it; colours only on a terminal. */
function printNote(out: OutputStream, terminal: boolean, text: string): void {
  const header = terminal ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  const pad = ' '.repeat(terminal ? 9 : header.length);
  out.write('\n' + header);
  text.split('\n').forEach((line, i) => out.write(`${i > 0 ? pad : ''}${terminal ? `\x1b[3m${line}\x1b[0m` : line}\n`));
}

/** docker/cli's verifyLoginFlags, on the flags as typed. */
function verifyFlags(opts: Options): void {
  if (flagChanged(opts, 'password-stdin')) {
    if (flagChanged(opts, 'password')) throw new CliError('conflicting options: cannot specify both --password and --password-stdin', 1);
    if (!flagChanged(opts, 'username')) throw new CliError('the --password-stdin option requires --username to be set', 1);
  }
  if (flagChanged(opts, 'username') && opts.username === '') throw new CliError('username is empty', 1);
  if (flagChanged(opts, 'password') && opts.password === '') throw new CliError('password is empty', 1);
}

/** The daemon's answer to a login, as an error's text for the CLI (undefined: it succeeded). */
async function tryLogin(ctx: CliContext<Daemon>, domain: string, c: Credentials): Promise<DaemonError | undefined> {
  try {
    await authenticator(ctx.daemon)?.login(domain, c);
    return undefined;
  } catch (e) {
    if (e instanceof DaemonError) return e;
    throw e;
  }
}

/**
 * Saves the credentials; docker/cli's file store warns (once, on stderr) when
 * it writes a password in the clear, and leaves an unchanged entry alone.
 */
function save(ctx: CliContext, home: string, key: string, c: Credentials): void {
  if (!ctx.host) return;
  if (storeCredentials(ctx.host.fs, home, key, c) && c.password !== '') {
    ctx.stderr.write(
      `\nWARNING! Your credentials are stored unencrypted in '${configPath(home)}'.\n` +
        'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n',
    );
  }
}

/**
 * docker/cli's loginWithStoredCredentials: `docker login` without -u/-p tries
 * what config.json holds first. Resolves to whether the registry took them.
 */
async function loginWithStored(ctx: CliContext<Daemon>, home: string, domain: string, key: string, c: Credentials): Promise<boolean> {
  ctx.stderr.write(`Authenticating with existing credentials... [Username: ${c.username}]\n`);
  printNote(ctx.stderr, ctx.stderr.terminal ?? ctx.tty, "To login with a different account, run 'docker logout' followed by 'docker login'");
  ctx.stderr.write('\n\n');
  const failure = await tryLogin(ctx, domain, c);
  if (failure?.kind === 'unauthorized') ctx.stderr.write('Stored credentials invalid or expired\n');
  else if (failure) ctx.stderr.write(`Login did not succeed, error: Error response from daemon: ${failure.message}\n`);
  save(ctx, home, key, c);
  return failure === undefined;
}

const run: RunFn<Daemon> = async (ctx, opts, args) => {
  verifyFlags(opts);
  let username = typeof opts.username === 'string' ? opts.username : '';
  let password = typeof opts.password === 'string' ? opts.password : '';
  if (password !== '') ctx.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (opts['password-stdin'] === true) {
    if (username === '') throw new CliError('username is empty', 1);
    password = await readAll(ctx);
  }
  const { domain, key } = registryServer(args[0]);
  const home = ctx.env.get('HOME') ?? '/root';

  let defaultUsername = '';
  if (username === '' && password === '' && ctx.host) {
    const stored = storedCredentials(ctx.host.fs, home, domain);
    if (stored && stored.username !== '' && stored.password !== '') {
      if (await loginWithStored(ctx, home, domain, key, stored)) {
        ctx.stdout.write('Login Succeeded\n');
        return 0;
      }
      defaultUsername = stored.username;
    }
  }

  // PromptUserForCredentials: what is missing is asked for, which needs a terminal
  if ((username === '' || password === '') && !(ctx.stdin.terminal ?? ctx.tty)) throw new CliError(NON_TTY, 1);
  username = username.trim();
  if (username === '') {
    ctx.stdout.write(defaultUsername === '' ? 'Username: ' : `Username (${defaultUsername}): `);
    username = ((await readLine(ctx)) ?? '').trim() || defaultUsername;
    if (username === '') throw new CliError('Error: Non-null Username Required', 1);
  }
  password = password.trim();
  if (password === '') {
    // prompt.DisableInputEcho: turning echo off needs a terminal (a blank --password-stdin gets here)
    if (!(ctx.stdin.terminal ?? ctx.tty)) throw new CliError('inappropriate ioctl for device', 1);
    // Docker 28 points Hub users at access tokens before asking
    if (domain === 'docker.io') {
      printNote(
        ctx.stderr,
        ctx.stderr.terminal ?? ctx.tty,
        'A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n',
      );
    }
    ctx.stdout.write('Password: ');
    // docker turns the terminal's echo off and ends the line itself; Berth's terminal echoes the line typed
    password = ((await readLine(ctx)) ?? '').trim();
    if (password === '') throw new CliError('Error: Password Required', 1);
  }
  const credentials = { username, password };
  const failure = await tryLogin(ctx, domain, credentials);
  if (failure) throw failure;
  save(ctx, home, key, credentials);
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
