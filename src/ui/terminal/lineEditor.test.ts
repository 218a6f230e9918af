import { describe, expect, it } from 'vitest';
import { charWidth, LineEditor, nextKey, visibleWidth, type EditorEvent, type ReadOptions } from './lineEditor.ts';

const KEY = {
  enter: '\r',
  backspace: '\x7f',
  left: '\x1b[D',
  right: '\x1b[C',
  up: '\x1b[A',
  down: '\x1b[B',
  home: '\x1b[H',
  end: '\x1b[F',
  delete: '\x1b[3~',
  ctrlA: '\x01',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlK: '\x0b',
  ctrlL: '\x0c',
  ctrlU: '\x15',
  ctrlW: '\x17',
  ctrlY: '\x19',
};

/**
 * Just enough of a VT100 to check what the editor draws: printable text with
 * xterm's pending wrap at the right margin, CR, LF, BS and the CSI moves the
 * editor emits (A B C D J K H, 2J).
 */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;
  constructor(readonly cols: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const c = data[i]!;
      if (c === '\x1b' && data[i + 1] === '[') {
        const m = /^\x1b\[([0-9;]*)([A-Za-z])/.exec(data.slice(i))!;
        this.csi(m[1] ?? '', m[2]!);
        i += m[0].length;
        continue;
      }
      i++;
      if (c === '\x07') continue;
      if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.lineFeed();
        this.pendingWrap = false;
      } else if (c === '\b') {
        if (this.pendingWrap) this.pendingWrap = false;
        else this.col = Math.max(0, this.col - 1);
      } else {
        if (this.pendingWrap) {
          this.col = 0;
          this.lineFeed();
          this.pendingWrap = false;
        }
        this.line()[this.col] = c;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  /** The visible text, one string per row, trailing blanks trimmed. */
  text(): string[] {
    return this.rows.map((r) => Array.from(r, (ch) => ch ?? ' ').join('').trimEnd());
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row]!;
  }

  private lineFeed(): void {
    this.row++;
    this.line();
  }

  private csi(params: string, final: string): void {
    const n = Number(params || '1');
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row += n;
        this.line();
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'K':
        this.line().length = Math.min(this.line().length, this.col);
        break;
      case 'J':
        if (params === '2') {
          this.rows = this.rows.map(() => []);
        } else {
          this.line().length = Math.min(this.line().length, this.col);
          this.rows.length = this.row + 1;
        }
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
    }
  }
}

function setup(options: ReadOptions = { prompt: '$ ', history: true }, cols = 80) {
  const screen = new Screen(cols);
  const events: EditorEvent[] = [];
  let echo = '';
  const editor = new LineEditor({
    columns: cols,
    write: (data) => {
      echo += data;
      screen.write(data);
    },
    onEvent: (event) => events.push(event),
  });
  editor.read(options);
  const lines = () => events.flatMap((e) => (e.type === 'line' ? [e.text] : []));
  return {
    editor,
    screen,
    events,
    lines,
    /** Echo written since the last call. */
    takeEcho: () => {
      const out = echo;
      echo = '';
      return out;
    },
    /** Reads again with the same options, as the session does after a command. */
    again: () => editor.read(options),
  };
}

describe('keys', () => {
  it('splits escape sequences, Enter and characters', () => {
    expect(nextKey('\x1b[Dabc')).toEqual(['\x1b[D', 'abc']);
    expect(nextKey('\x1b[1;5Cx')).toEqual(['\x1b[1;5C', 'x']);
    expect(nextKey('\x1bOAx')).toEqual(['\x1bOA', 'x']);
    expect(nextKey('\x1b[3')).toBeNull();
    expect(nextKey('\r\nx')).toEqual(['\r', 'x']);
    expect(nextKey('\nx')).toEqual(['\r', 'x']);
    expect(nextKey('😀x')).toEqual(['😀', 'x']);
  });

  it('measures prompts without their colours', () => {
    expect(visibleWidth('\x1b[1;32mroot@berth\x1b[0m:\x1b[1;34m~\x1b[0m# ')).toBe('root@berth:~# '.length);
  });
});

describe('LineEditor', () => {
  it('echoes typing and submits the line on Enter', () => {
    const t = setup();
    expect(t.takeEcho()).toBe('$ ');
    t.editor.feed('echo hi');
    expect(t.takeEcho()).toBe('echo hi');
    expect(t.editor.line).toBe('echo hi');
    t.editor.feed(KEY.enter);
    expect(t.takeEcho()).toBe('\r\n');
    expect(t.lines()).toEqual(['echo hi']);
    expect(t.editor.isReading).toBe(false);
  });

  it('erases with Backspace', () => {
    const t = setup();
    t.editor.feed('lss');
    t.takeEcho();
    t.editor.feed(KEY.backspace);
    expect(t.takeEcho()).toBe('\b \b');
    expect(t.editor.line).toBe('ls');
    t.editor.feed(KEY.backspace + KEY.backspace + KEY.backspace);
    expect(t.editor.line).toBe('');
    expect(t.screen.text()).toEqual(['$']);
  });

  it('moves with Left/Right and inserts in the middle', () => {
    const t = setup();
    t.editor.feed('echo hi');
    t.takeEcho();
    t.editor.feed(KEY.left + KEY.left);
    expect(t.takeEcho()).toBe('\x1b[D\x1b[D');
    expect(t.editor.cursorIndex).toBe(5);
    t.editor.feed('X');
    expect(t.editor.line).toBe('echo Xhi');
    expect(t.screen.text()).toEqual(['$ echo Xhi']);
    expect(t.screen.col).toBe(2 + 6);
    t.editor.feed(KEY.right + KEY.right + KEY.right); // the last one stops at the end
    expect(t.editor.cursorIndex).toBe(8);
    t.editor.feed(KEY.enter);
    expect(t.lines()).toEqual(['echo Xhi']);
  });

  it('goes Home/End with the keys and Ctrl-A/Ctrl-E', () => {
    const t = setup();
    t.editor.feed('world');
    t.editor.feed(KEY.home);
    expect(t.editor.cursorIndex).toBe(0);
    t.editor.feed('hello ');
    t.editor.feed(KEY.end + '!');
    t.editor.feed(KEY.ctrlA + '> ' + KEY.ctrlE + '?');
    expect(t.editor.line).toBe('> hello world!?');
    expect(t.screen.text()).toEqual(['$ > hello world!?']);
    t.editor.feed(KEY.home + KEY.delete);
    expect(t.editor.line).toBe(' hello world!?');
  });

  it('kills to the start with Ctrl-U, to the end with Ctrl-K, a word with Ctrl-W, and yanks', () => {
    const t = setup();
    t.editor.feed('docker run hello-world');
    t.editor.feed(KEY.ctrlW);
    expect(t.editor.line).toBe('docker run hello-');
    t.editor.feed(KEY.ctrlY);
    expect(t.editor.line).toBe('docker run hello-world');
    t.editor.feed(KEY.left.repeat(6) + KEY.ctrlK);
    expect(t.editor.line).toBe('docker run hello');
    t.editor.feed(KEY.left.repeat(5) + KEY.ctrlU);
    expect(t.editor.line).toBe('hello');
    expect(t.editor.cursorIndex).toBe(0);
    expect(t.screen.text()).toEqual(['$ hello']);
  });

  it('abandons the line on Ctrl-C', () => {
    const t = setup();
    t.editor.feed('sleep 100');
    t.takeEcho();
    t.editor.feed(KEY.ctrlC);
    expect(t.takeEcho()).toBe('^C\r\n');
    expect(t.events).toEqual([{ type: 'interrupt', text: 'sleep 100' }]);
    expect(t.editor.history).toEqual([]);
  });

  it('clears the screen with Ctrl-L and redraws the prompt and line', () => {
    const t = setup();
    t.editor.feed('ls' + KEY.enter);
    t.again();
    t.editor.feed('pwd' + KEY.left);
    t.editor.feed(KEY.ctrlL);
    expect(t.screen.text()[0]).toBe('$ pwd');
    expect(t.screen.text().slice(1).join('')).toBe('');
    expect([t.screen.row, t.screen.col]).toEqual([0, 4]);
    t.editor.feed('x' + KEY.enter);
    expect(t.lines()).toEqual(['ls', 'pwxd']);
  });

  it('browses history with Up/Down and keeps the draft', () => {
    const t = setup();
    for (const line of ['one', 'two', 'two', 'three']) {
      t.editor.feed(line + KEY.enter);
      t.again();
    }
    expect(t.editor.history).toEqual(['one', 'two', 'three']);
    t.editor.feed('dra');
    t.editor.feed(KEY.up);
    expect(t.editor.line).toBe('three');
    t.editor.feed(KEY.up + KEY.up + KEY.up); // stops at the oldest
    expect(t.editor.line).toBe('one');
    expect(t.screen.text().at(-1)).toBe('$ one');
    t.editor.feed(KEY.down);
    expect(t.editor.line).toBe('two');
    t.editor.feed(KEY.down + KEY.down);
    expect(t.editor.line).toBe('dra');
    t.editor.feed(KEY.up + KEY.enter);
    expect(t.lines().at(-1)).toBe('three');
  });

  it('does not record history or browse it when the read says so', () => {
    const t = setup({ prompt: '> ' });
    t.editor.feed('body' + KEY.enter);
    t.again();
    t.editor.feed(KEY.up);
    expect(t.editor.line).toBe('');
    expect(t.editor.history).toEqual([]);
  });

  it('runs pasted lines one after another, holding the rest until the next read', () => {
    const t = setup();
    t.editor.feed('echo a\recho b\r\necho c\npartial');
    expect(t.lines()).toEqual(['echo a']);
    expect(t.editor.pending).toBe('echo b\r\necho c\npartial');
    t.again();
    expect(t.lines()).toEqual(['echo a', 'echo b']);
    t.again();
    t.again();
    expect(t.lines()).toEqual(['echo a', 'echo b', 'echo c']);
    expect(t.editor.line).toBe('partial');
    expect(t.editor.pending).toBe('');
  });

  it('can be read again from inside the event callback', () => {
    const seen: string[] = [];
    const editor: LineEditor = new LineEditor({
      write: () => {},
      onEvent: (e) => {
        if (e.type === 'line') seen.push(e.text);
        editor.read({ prompt: '> ' });
      },
    });
    editor.read({ prompt: '$ ' });
    editor.feed('a\rb\rc\r');
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('ends input with Ctrl-D on an empty line only when allowed, else deletes forward', () => {
    const t = setup({ prompt: '', eof: true });
    t.editor.feed('ab' + KEY.home + KEY.ctrlD);
    expect(t.editor.line).toBe('b');
    t.editor.feed(KEY.ctrlD + KEY.ctrlD);
    expect(t.events).toEqual([{ type: 'eof' }]);

    const p = setup();
    p.editor.feed(KEY.ctrlD);
    expect(p.events).toEqual([]);
    expect(p.editor.isReading).toBe(true);
  });

  it('ignores unknown keys and terminal reports', () => {
    const t = setup();
    t.editor.feed('a\x1b[5~\x1b[24;1R\x1b[I\x07b');
    t.editor.feed('\x1b[');
    t.editor.feed('2~c');
    expect(t.editor.line).toBe('abc');
  });

  it('keeps a Tab as a character of the line when the read offers no completion (a program reads it)', () => {
    const t = setup({ eof: true });
    t.editor.feed('\t');
    t.editor.feed('x\r');
    expect(t.lines()).toEqual(['\tx']);
  });

  it('keeps tabs from pasted text, shown as a space', () => {
    const t = setup({ prompt: '> ' });
    t.editor.feed('\tindented\r');
    expect(t.lines()).toEqual(['\tindented']);
    expect(t.screen.text()[0]).toBe('>  indented');
  });

  it('starts after text already on the line when given a column', () => {
    const t = setup({ prompt: '', column: 6 }, 10);
    t.editor.feed('abcdefg' + KEY.home + 'X');
    expect(t.editor.line).toBe('Xabcdefg');
    t.editor.feed(KEY.enter);
    expect(t.lines()).toEqual(['Xabcdefg']);
  });

  describe('lines longer than the terminal is wide', () => {
    const cols = 10;
    it('wraps while typing and keeps the cursor where the offsets say', () => {
      const t = setup({ prompt: '$ ', history: true }, cols);
      t.editor.feed('12345678'); // fills the first row exactly
      expect(t.screen.text()).toEqual(['$ 12345678', '']);
      expect([t.screen.row, t.screen.col]).toEqual([1, 0]);
      t.editor.feed('9abcdefghij');
      expect(t.screen.text()).toEqual(['$ 12345678', '9abcdefghi', 'j']);
    });

    it('moves and edits across rows', () => {
      const t = setup({ prompt: '$ ', history: true }, cols);
      t.editor.feed('abcdefghijklmnop');
      t.editor.feed(KEY.home);
      expect([t.screen.row, t.screen.col]).toEqual([0, 2]);
      t.editor.feed('_');
      expect(t.screen.text()).toEqual(['$ _abcdefg', 'hijklmnop']);
      t.editor.feed(KEY.end);
      expect([t.screen.row, t.screen.col]).toEqual([1, 9]);
      t.editor.feed('q');
      expect([t.screen.row, t.screen.col]).toEqual([2, 0]);
      t.editor.feed(KEY.backspace);
      expect(t.screen.text()).toEqual(['$ _abcdefg', 'hijklmnop']);
      expect([t.screen.row, t.screen.col]).toEqual([1, 9]);
      t.editor.feed(KEY.left.repeat(9));
      expect([t.screen.row, t.screen.col]).toEqual([1, 0]);
      t.editor.feed(KEY.left);
      expect([t.screen.row, t.screen.col]).toEqual([0, 9]);
      t.editor.feed(KEY.backspace);
      expect(t.screen.text()).toEqual(['$ _abcdegh', 'ijklmnop']);
      t.editor.feed(KEY.up); // nothing in history: no change
      t.editor.feed(KEY.ctrlU);
      expect(t.screen.text()).toEqual(['$ ghijklmn', 'op']);
      t.editor.feed(KEY.enter);
      expect(t.lines()).toEqual(['ghijklmnop']);
      expect([t.screen.row, t.screen.col]).toEqual([2, 0]);
    });

    it('replaces a long recalled line with a short one cleanly', () => {
      const t = setup({ prompt: '$ ', history: true }, cols);
      t.editor.feed('a-very-long-command-line' + KEY.enter);
      t.again();
      t.editor.feed('ls' + KEY.enter);
      t.again();
      const top = t.screen.row;
      t.editor.feed(KEY.up + KEY.up);
      expect(t.screen.text().slice(top)).toEqual(['$ a-very-l', 'ong-comman', 'd-line']);
      t.editor.feed(KEY.down);
      expect(t.screen.text().slice(top)).toEqual(['$ ls']);
    });
  });
});

describe('Tab completion', () => {
  /** A completer over fixed words (the last word of the line is completed). */
  const words =
    (list: string[], dirs: string[] = []) =>
    (line: string, cursor: number) => {
      const before = line.slice(0, cursor);
      const start = before.lastIndexOf(' ') + 1;
      const word = before.slice(start);
      return {
        start,
        candidates: [...list, ...dirs]
          .filter((w) => w.startsWith(word))
          .map((w) => ({ value: w, display: w, noSpace: dirs.includes(w) })),
      };
    };

  it('inserts the only match and a space, a directory without one', () => {
    const t = setup({ prompt: '$ ', history: true, complete: words(['docker', 'dmesg'], ['app/']) });
    t.editor.feed('doc');
    t.editor.feed('\t');
    expect(t.editor.line).toBe('docker ');
    t.editor.feed('ap');
    t.editor.feed('\t');
    expect(t.editor.line).toBe('docker app/');
    expect(t.screen.text()).toEqual(['$ docker app/']);
  });

  it('inserts the common prefix and beeps, lists on the next Tab', () => {
    const t = setup({ prompt: '$ ', history: true, complete: words(['--name', '--network', '--no-healthcheck']) });
    t.editor.feed('docker run --');
    t.takeEcho();
    t.editor.feed('\t');
    expect(t.editor.line).toBe('docker run --n');
    expect(t.takeEcho()).toBe('n\x07');
    t.editor.feed('\t');
    expect(t.screen.text()).toEqual([
      '$ docker run --n',
      '--name            --network         --no-healthcheck',
      '$ docker run --n',
    ]);
    expect([t.screen.row, t.screen.col]).toEqual([2, 16]);
    t.editor.feed('a');
    t.editor.feed('\t');
    expect(t.editor.line).toBe('docker run --name ');
  });

  it('lists down the columns, as readline does: as many columns of the widest match plus two as fit', () => {
    const names = Array.from({ length: 7 }, (_, i) => `item${i}`);
    const t = setup({ prompt: '$ ', history: true, complete: words(names) }, 20);
    t.editor.feed('ls ');
    t.editor.feed('\t');
    t.editor.feed('\t');
    expect(t.screen.text()).toEqual(['$ ls item', 'item0  item4', 'item1  item5', 'item2  item6', 'item3', '$ ls item']);
  });

  it('completes in the middle of the line and keeps the rest', () => {
    const t = setup({ prompt: '$ ', history: true, complete: words(['busybox:latest']) });
    t.editor.feed('docker run bu -it' + KEY.left.repeat(4));
    t.editor.feed('\t');
    expect(t.editor.line).toBe('docker run busybox:latest  -it');
    expect(t.screen.text()).toEqual(['$ docker run busybox:latest  -it']);
  });

  it('asks before listing more than 100 matches', () => {
    const many = Array.from({ length: 120 }, (_, i) => `f${String(i).padStart(3, '0')}`);
    const t = setup({ prompt: '$ ', history: true, complete: words(many) });
    t.editor.feed('ls f');
    t.editor.feed('\t');
    t.editor.feed('\t');
    expect(t.screen.text().at(-1)).toBe('Display all 120 possibilities? (y or n)');
    t.editor.feed('n');
    expect(t.screen.text().at(-1)).toBe('$ ls f');
    t.editor.feed('\t');
    t.editor.feed('\t');
    t.editor.feed('y');
    expect(t.screen.text().join('\n')).toContain('f119');
    expect(t.screen.text().at(-1)).toBe('$ ls f');
  });

  it('beeps when nothing matches, and survives a completer that throws', () => {
    const t = setup({
      prompt: '$ ',
      history: true,
      complete: () => {
        throw new Error('broken');
      },
    });
    t.editor.feed('x');
    t.takeEcho();
    t.editor.feed('\t');
    expect(t.takeEcho()).toBe('\x07');
    expect(t.editor.line).toBe('x');
  });
});

describe('history shared between editors', () => {
  it('records into the store and browses what other terminals added', async () => {
    const { MemoryHistory } = await import('./history.ts');
    const store = new MemoryHistory(['docker ps']);
    const make = () => {
      const events: EditorEvent[] = [];
      const e = new LineEditor({ write: () => {}, onEvent: (ev) => events.push(ev), history: store });
      e.read({ prompt: '$ ', history: true });
      return e;
    };
    const a = make();
    const b = make();
    a.feed('echo one\r');
    b.feed(KEY.up);
    expect(b.line).toBe('echo one');
    b.feed(KEY.up);
    expect(b.line).toBe('docker ps');
    expect(store.lines).toEqual(['docker ps', 'echo one']);
  });
});

describe('Ctrl-D', () => {
  it('ends an empty read without echoing anything', () => {
    const t = setup({ prompt: '$ ', history: true, eof: true });
    t.takeEcho();
    t.editor.feed(KEY.ctrlD);
    expect(t.events).toEqual([{ type: 'eof' }]);
    expect(t.takeEcho()).toBe('');
  });

  it('deletes the character under the cursor when the line has text', () => {
    const t = setup({ prompt: '$ ', history: true, eof: true });
    t.editor.feed('abc' + KEY.home + KEY.ctrlD);
    expect(t.editor.line).toBe('bc');
    expect(t.events).toEqual([]);
  });
});

describe('wide characters', () => {
  it('count two cells for CJK and emoji, none for combining marks', () => {
    expect(['a', '你', '镜', '😀', 'é', '\u0301', 'ｱ', 'Ａ'].map(charWidth)).toEqual([1, 2, 2, 2, 1, 0, 1, 2]);
    expect(visibleWidth('\x1b[1;32m镜像\x1b[0m ok')).toBe(7);
  });

  it('move the cursor by cells: Home and End over 你好 count two columns each, Backspace redraws', () => {
    const t = setup({ prompt: '$ ', history: true });
    t.editor.feed('echo 你好');
    t.takeEcho();
    t.editor.feed(KEY.home);
    expect(t.takeEcho()).toBe('\x1b[9D');
    t.editor.feed(KEY.end);
    expect(t.takeEcho()).toBe('\x1b[9C');
    t.editor.feed(KEY.backspace);
    // not `\b \b`, which would leave half of 好 on the screen
    expect(t.takeEcho()).toBe('\x1b[9D\x1b[Jecho 你');
    expect(t.editor.line).toBe('echo 你');
  });
});
