// Logging in to a registry (moby's /auth, registry.Service.Auth): the Hub
// knows accounts, the private registry:2 asks for none. The client keeps the
// credentials (docker/cli: ~/.docker/config.json) and sends them with each
// push; the Hub takes a push into the account's own namespace only.
import { DaemonError } from '../errors/errors.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** A registry that checks credentials (the Hub); one without this method takes any. */
export interface Authenticating {
  authenticate(c: Credentials): Promise<void>;
}

export const isAuthenticating = (r: unknown): r is Authenticating =>
  typeof (r as Partial<Authenticating> | null)?.authenticate === 'function';

export const AuthErrors = {
  /** The Hub's answer to a wrong password, as the daemon's /auth relays it. */
  incorrectPassword: () =>
    new DaemonError('unauthorized', 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password'),
};
