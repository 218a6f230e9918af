// The cells a character takes in the terminal: the line editor's echo and the
// boot prompt (bootPrompt.ts, which must not pull the editor in) both use it.

/**
 * Cells a character takes on the terminal: 2 for East Asian wide and
 * fullwidth characters and most emoji (as xterm's Unicode 6 table), 0 for
 * combining marks, else 1.
 */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0) return 0;
  if (/\p{Mn}|\p{Me}|\u200b/u.test(ch)) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2;
  return 1;
}
