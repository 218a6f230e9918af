// The client's credentials, as docker/cli keeps them without a credential
// helper: base64 "user:password" under `auths` in ~/.docker/config.json,
// keyed by the Hub's index address or by the registry's host.
import type { Fs } from '../../../engine/fs/types.ts';
import type { Credentials } from '../../../engine/registry/auth.ts';

/** docker/cli's registry.IndexServer: the Hub's key in config.json. */
export const INDEX_SERVER = 'https://index.docker.io/v1/';
const HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** A SERVER argument (or none) as a registry host (docker.io for the Hub) and its key in config.json. */
export function registryServer(server: string | undefined): { domain: string; key: string } {
  if (server === undefined || server === '') return { domain: 'docker.io', key: INDEX_SERVER };
  const host = server.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  if (HUB_NAMES.has(host)) return { domain: 'docker.io', key: INDEX_SERVER };
  return { domain: host, key: host };
}

export const configPath = (home: string) => `${home.replace(/\/$/, '')}/.docker/config.json`;

interface ConfigFile {
  auths?: Record<string, { auth?: string }>;
  [other: string]: unknown;
}

function readConfig(fs: Fs, path: string): ConfigFile {
  if (!fs.exists(path)) return {};
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(fs.readFile(path)));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ConfigFile) : {};
  } catch {
    return {};
  }
}

function writeConfig(fs: Fs, path: string, config: ConfigFile): void {
  fs.mkdir(path.replace(/\/[^/]*$/, ''), { recursive: true, mode: 0o700 });
  // docker/cli writes it indented with tabs, readable by its owner only
  fs.writeFile(path, new TextEncoder().encode(JSON.stringify(config, null, '\t')), { mode: 0o600 });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function b64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** Decodes base64; throws on a character outside the alphabet. */
function unb64(text: string): string {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base64');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export function storeCredentials(fs: Fs, home: string, key: string, c: Credentials): void {
  const path = configPath(home);
  const config = readConfig(fs, path);
  config.auths = { ...config.auths, [key]: { auth: b64(`${c.username}:${c.password}`) } };
  writeConfig(fs, path, config);
}

/** Forgets a registry's credentials; false when there were none. */
export function eraseCredentials(fs: Fs, home: string, key: string): boolean {
  const path = configPath(home);
  const config = readConfig(fs, path);
  if (!config.auths?.[key]) return false;
  delete config.auths[key];
  writeConfig(fs, path, config);
  return true;
}

/** The credentials stored for a registry host, if any (what a push sends). */
export function storedCredentials(fs: Fs, home: string, domain: string): Credentials | undefined {
  const { key } = registryServer(domain);
  const auth = readConfig(fs, configPath(home)).auths?.[key]?.auth;
  if (typeof auth !== 'string') return undefined;
  try {
    const text = unb64(auth);
    const colon = text.indexOf(':');
    return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}
