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
  const host = convertToHostname(server);
  if (HUB_NAMES.has(host)) return { domain: 'docker.io', key: INDEX_SERVER };
  return { domain: host, key: host };
}

/**
 * credentials.ConvertToHostname: a registry URL as its host (and port); an
 * address without `://` is cut at its first slash.
 */
export function convertToHostname(address: string): string {
  const m = /^[^:/]*:\/\/([^/?#]*)/.exec(address);
  if (m && m[1] !== '') return m[1]!.replace(/^[^@]*@/, '');
  return address.split('/')[0]!;
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
  // Go's encoding/json writes a map's keys sorted
  if (config.auths) config.auths = Object.fromEntries(Object.entries(config.auths).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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

/**
 * Saves a registry's credentials; false when the same ones were there already
 * (docker/cli's file store then leaves the file alone and prints no warning).
 */
export function storeCredentials(fs: Fs, home: string, key: string, c: Credentials): boolean {
  const path = configPath(home);
  const config = readConfig(fs, path);
  const auth = b64(`${c.username}:${c.password}`);
  const old = config.auths?.[key];
  if (old !== undefined && old.auth === auth && Object.keys(old).length === 1) return false;
  config.auths = { ...config.auths, [key]: { auth } };
  writeConfig(fs, path, config);
  return true;
}

/**
 * Forgets the credentials stored under any of `keys` (docker logout tries the
 * address as typed, its host name and the host with http:// and https://);
 * the file is written only when something was there.
 */
export function eraseCredentials(fs: Fs, home: string, keys: readonly string[]): boolean {
  const path = configPath(home);
  const config = readConfig(fs, path);
  const found = keys.filter((k) => config.auths?.[k] !== undefined);
  if (found.length === 0) return false;
  for (const k of found) delete config.auths![k];
  writeConfig(fs, path, config);
  return true;
}

/**
 * The credentials stored for a registry host, if any (what a push sends, what
 * docker login tries first): under its key, or under an older spelling of it
 * (`http://host/`), as docker/cli's file store looks them up.
 */
export function storedCredentials(fs: Fs, home: string, domain: string): Credentials | undefined {
  const { key } = registryServer(domain);
  const auths = readConfig(fs, configPath(home)).auths ?? {};
  const entry = auths[key] ?? Object.entries(auths).find(([k]) => convertToHostname(k) === key)?.[1];
  const auth = entry?.auth;
  if (typeof auth !== 'string') return undefined;
  try {
    const text = unb64(auth);
    const colon = text.indexOf(':');
    return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}
