import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOOT_PROMPT, BootEditor } from './bootEditor.ts';
import { charWidth } from './charWidth.ts';
import { pendingHost } from './pendingHost.ts';
import { TerminalSession } from './session.ts';
import type { Host } from '../../shell/host.ts';

/** Enough of a terminal for the session's echo: text (wide characters take two cells), CR, LF, BS, CSI moves, erases, colours ignored. */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;

  write(data: string): void {
    for (let i = 0; i < data.length; ) {
      if (data[i] === '\x1b' && data[i + 1] === '[') {
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(i))!;
        this.csi(m[1] ?? '', m[2]!);
        i += m[0].length;
        continue;
      }
      const ch = String.fromCodePoint(data.codePointAt(i)!);
      i += ch.length;
      if (ch === '\x07') continue;
      if (ch === '\r') this.col = 0;
      else if (ch === '\n') this.line(++this.row);
      else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else {
        const line = this.line(this.row);
        line[this.col] = ch;
        if (charWidth(ch) === 2) line[++this.col] = '';
        this.col++;
      }
    }
  }

  text(): string[] {
    return this.rows.map((r) => Array.from(r, (c) => c ?? ' ').join('').trimEnd());
  }

  private line(n: number): string[] {
    while (this.rows.length <= n) this.rows.push([]);
    return this.rows[n]!;
  }

  private csi(params: string, final: string): void {
    const n = Number(params || '1');
    if (final === 'A') this.row = Math.max(0, this.row - n);
    else if (final === 'B') this.line((this.row += n));
    else if (final === 'C') this.col += n;
    else if (final === 'D') this.col = Math.max(0, this.col - n);
    else if (final === 'K') this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
    else if (final === 'J') {
      this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
      this.rows.length = this.row + 1;
    }
  }
}

/** The first terminal's session with the engine not there yet: a command waits for it, as at the page's start. */
function session() {
  const screen = new Screen();
  const never = new Promise<Host>(() => {});
  const s = new TerminalSession({ host: pendingHost(never), term: screen, columns: 1000, rows: 40 });
  s.start();
  return { screen, session: s };
}

const width = (text: string) => Array.from(text).reduce((n, ch) => n + charWidth(ch), 0);

/** What the boot prompt draws, as the screen's rows, and where its cursor is. */
function drawn(boot: BootEditor): { rows: string[]; col: number } {
  const rows = boot.rows().map((r) => `${r.prompt ? BOOT_PROMPT : ''}${r.text}`.trimEnd());
  const last = boot.rows().at(-1)!;
  const col = last.prompt ? width(BOOT_PROMPT) + width(Array.from(last.text).slice(0, boot.cursor).join('')) : width(last.text);
  return { rows, col };
}

const KEYS = ['a', 'b', 'docker ps', ' ', '-', 'é', '中', '\x7f', '\x1b[3~', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x01', '\x05', '\x02', '\x06', '\x15', '\x03', '\r'];

describe('the boot prompt', () => {
  it('draws what the shell draws for the same keys, while it draws them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYS), { maxLength: 40 }), (keys) => {
        const boot = new BootEditor();
        const { screen, session: s } = session();
        const fed: string[] = [];
        for (const key of keys) {
          fed.push(key);
          boot.key(key);
          s.input(key);
          if (!boot.echo && boot.rows().at(-1)!.prompt) break; // stopped drawing: nothing to compare
          expect(drawn(boot).rows).toEqual(screen.text());
          expect(drawn(boot).col).toBe(screen.col);
        }
        expect(boot.typed).toBe(fed.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every key, drawn or not, in the order typed', () => {
    const boot = new BootEditor();
    for (const key of ['ls', '\x1b[A', 'x', '\t', '\r', 'y']) boot.key(key);
    expect(boot.typed).toBe('ls\x1b[Ax\t\ry');
    expect(boot.echo).toBe(false);
  });

  it('stops drawing once a command waits for the engine: the keys after it wait too', () => {
    const boot = new BootEditor();
    boot.key('echo one');
    boot.key('\r');
    boot.key('echo two');
    expect(boot.echo).toBe(false);
    expect(boot.rows()).toEqual([
      { prompt: true, text: 'echo one' },
      { prompt: false, text: '' },
    ]);
    expect(boot.typed).toBe('echo one\recho two');
  });

  it('a blank line and Ctrl-C give a new prompt, as bash', () => {
    const boot = new BootEditor();
    for (const key of ['\r', 'abc', '\x03', '  ', '\r']) boot.key(key);
    expect(boot.echo).toBe(true);
    expect(boot.rows().map((r) => r.text)).toEqual(['', 'abc^C', '  ', '']);
  });

  it('pasted lines are entered one by one', () => {
    const boot = new BootEditor();
    boot.key('\rdocker ps\recho hi');
    expect(boot.rows()).toEqual([
      { prompt: true, text: '' },
      { prompt: true, text: 'docker ps' },
      { prompt: false, text: '' },
    ]);
    expect(boot.typed).toBe('\rdocker ps\recho hi');
  });
});
