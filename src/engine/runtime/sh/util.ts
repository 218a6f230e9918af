// Small helpers shared by the interpreter and the builtins.
import { SIGNAL_NUMBERS } from '../process.ts';

const SIGNAL_NAMES = SIGNAL_NUMBERS;

/** Signal number for TERM, SIGTERM, 15, EXIT (0); null if unknown. */
export function signalNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s) <= 64 ? Number(s) : null;
  const u = s.toUpperCase();
  if (u === 'EXIT') return 0;
  const n = SIGNAL_NAMES[u.startsWith('SIG') ? u : 'SIG' + u];
  return n ?? null;
}

export function signalName(n: number): string {
  if (n === 0) return 'EXIT';
  for (const [k, v] of Object.entries(SIGNAL_NAMES)) if (v === n) return k.slice(3);
  return String(n);
}

/** Quotes a word for `set -x`, `set` and `export -p` listings. */
export function shellQuote(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

