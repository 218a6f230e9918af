// Value validators of docker/cli's opts package (opts/opts.go, env.go,
// throttledevice.go, weightdevice.go) and of container/opts.go: each returns
// the value to store or throws the error pflag reports after
// `invalid argument "v" for "--flag" flag: `.
import { parseGoUint, ramInBytes } from '../flags.ts';

/** opts.ValidateEnv: `KEY=value` as is; a bare `KEY` takes its value from the CLI's environment when set. */
export function validateEnv(val: string, env: Map<string, string>): string {
  const eq = val.indexOf('=');
  const k = eq < 0 ? val : val.slice(0, eq);
  if (k === '') throw new Error('invalid environment variable: ' + val);
  if (eq >= 0) return val;
  const v = env.get(k);
  return v !== undefined ? `${k}=${v}` : val;
}

/** container.validateAttach. */
export function validateAttach(val: string): string {
  const s = val.toLowerCase();
  if (s === 'stdin' || s === 'stdout' || s === 'stderr') return s;
  throw new Error('valid streams are STDIN, STDOUT and STDERR');
}

const whiteSpaces = ' \t';

/** opts.ValidateLabel. */
export function validateLabel(value: string): string {
  const eq = value.indexOf('=');
  let key = eq < 0 ? value : value.slice(0, eq);
  key = key.replace(/^[ \t]+/, '');
  if (key === '') throw new Error(`invalid label '${value}': empty name`);
  if ([...key].some((c) => whiteSpaces.includes(c))) throw new Error(`label '${key}' contains whitespaces`);
  return value;
}

/** opts.ValidateSysctl. */
export function validateSysctl(val: string): string {
  const eq = val.indexOf('=');
  const k = eq < 0 ? '' : val.slice(0, eq);
  if (eq < 0 || k === '') throw new Error(`sysctl '${val}' is not allowed`);
  const allowed = ['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'];
  if (allowed.includes(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.')) return val;
  throw new Error(`sysctl '${val}' is not allowed`);
}

function ipv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'));
}

function ipv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const all = [...groups(dbl[0]!), ...(dbl.length === 2 ? groups(dbl[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (!ipv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

/** opts.ValidateIPAddress (the address as given when valid; Go prints it canonically). */
export function validateIPAddress(val: string): string {
  const s = val.trim();
  if (ipv4(s) || ipv6(s)) return s;
  throw new Error(`IP address is not correctly formatted: ${val}`);
}

/** opts.ValidateDNSSearch. */
export function validateDNSSearch(val: string): string {
  const v = val.replace(/^ +| +$/g, '');
  if (v === '.') return v;
  if (!/[a-zA-Z]/.test(v)) throw new Error(`${v} is not a valid domain`);
  const m = /^(:?(?:[a-zA-Z0-9]|(?:[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9]))(:?\.(?:[a-zA-Z0-9]|(?:[a-zA-Z0-9][a-zA-Z0-9\-]*[a-zA-Z0-9])))*)\.?\s*$/.exec(v);
  if (m && m[1]!.length < 255) return m[1]!;
  throw new Error(`${v} is not a valid domain`);
}

const rateHelp = 'The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb';

function devicePath(val: string): [string, string] {
  const c = val.indexOf(':');
  const k = c < 0 ? '' : val.slice(0, c);
  if (c < 0 || k === '') throw new Error(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) throw new Error(`bad format for device path: ${val}`);
  return [k, val.slice(c + 1)];
}

/** opts.ValidateThrottleBpsDevice. */
export function validateThrottleBpsDevice(val: string): string {
  const [, v] = devicePath(val);
  let rate: number;
  try {
    rate = ramInBytes(v);
  } catch {
    throw new Error(`invalid rate for device: ${val}. ${rateHelp}`);
  }
  if (rate < 0) throw new Error(`invalid rate for device: ${val}. ${rateHelp}`);
  return val;
}

/** opts.ValidateThrottleIOpsDevice. */
export function validateThrottleIOpsDevice(val: string): string {
  const [, v] = devicePath(val);
  try {
    if (!/^\d+$/.test(v)) throw new Error();
    parseGoUint(v, 64);
  } catch {
    throw new Error(`invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
  }
  return val;
}

/** opts.ValidateWeightDevice. */
export function validateWeightDevice(val: string): string {
  const [, v] = devicePath(val);
  let weight: number;
  try {
    if (!/^\d+$/.test(v)) throw new Error();
    weight = parseGoUint(v, 16);
  } catch {
    throw new Error(`invalid weight for device: ${val}`);
  }
  if (weight > 0 && (weight < 10 || weight > 1000)) throw new Error(`invalid weight for device: ${val}`);
  return val;
}
