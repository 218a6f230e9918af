// docker/cli's formatter.Ellipsis (cli/command/formatter/displayutils.go) and
// stringid.TruncateID.
import { isWide } from './tabwriter.ts';

/** formatter.Ellipsis: fits `s` into `max` display columns, ending in "…" when cut. */
export function ellipsis(s: string, max: number): string {
  if (max <= 0) return '';
  const rs = [...s];
  if (max === 1) return rs[0] ?? '';
  const ascii = !/[^\x00-\x7f]/.test(s);
  if (ascii) {
    if (s.length <= max) return s;
    return rs.slice(0, max - 1).join('') + '…';
  }
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += (isWide(r.codePointAt(0)!) ? 2 : 1);
    display.push(width);
  }
  if (width <= max) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i]! <= max - 1 && display[i + 1]! > max - 1) return rs.slice(0, i + 1).join('') + '…';
  }
  return s;
}

/** stringid.TruncateID: drops the algorithm prefix and keeps 12 characters. */
export function truncateId(id: string): string {
  const i = id.indexOf(':');
  const hex = i >= 0 ? id.slice(i + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}
