// The boot prompt: the page's first prompt, drawn and taking keys as soon as
// the HTML is parsed, before the page's first script (xterm, Svelte, the
// shell) has arrived and run. vite.config.ts bundles this file into a small
// classic script inlined at the end of index.html's body, with
// bootPrompt.css inlined in its head.
//
// It draws the page as the app will draw it (the header, the terminal's tab
// bar, the banner and `root@berth:~# ` at the places xterm puts them), echoes
// what is typed (bootEditor.ts), and hands the keys, as xterm would have sent
// them, to the first terminal when it starts (xtermView.ts: it writes the
// banner, the prompt and those keys, and takes the screen off the page in the
// same task, so the frame after it shows xterm with the same text: no flash,
// no key lost or sent twice). A command entered meanwhile runs once the
// engine is ready, as one typed at xterm's first prompt does.
import { appMessages } from '../messages/app.ts';
import { terminalMessages } from '../messages/terminal.ts';
import { format, initialLocale } from '../locale.ts';
import { BOOT_DIRECTORY, BOOT_USER_HOST, BootEditor } from './bootEditor.ts';
import { charWidth } from './charWidth.ts';
import type { BootHandover, BootPromptHandle } from './bootHandle.ts';

/** xterm's font and line height (xtermView.ts): the rows are as high as xterm's. */
const FONT = '14px "DejaVu Sans Mono", "Cascadia Mono", "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';
const LINE_HEIGHT = 1.2;

/** The keys xterm sends for the named keys (its default modes: normal cursor keys, DEL for Backspace). */
const NAMED: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  Escape: '\x1b',
  Delete: '\x1b[3~',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  Insert: '\x1b[2~',
  PageUp: '\x1b[5~',
  PageDown: '\x1b[6~',
};

/** What xterm would send for a keydown; null: the browser's (text arrives as input, shortcuts stay the browser's). */
function keyData(e: KeyboardEvent): string | null {
  if (e.isComposing || e.keyCode === 229 || e.metaKey) return null;
  // Shift-Tab leaves the terminal (xtermView.ts's rule): the keyboard is never trapped
  if (e.key === 'Tab' && e.shiftKey) return null;
  if (e.ctrlKey && !e.altKey) {
    const k = e.key.toLowerCase();
    // Ctrl-V pastes; Ctrl-C with text selected copies; Ctrl-Shift-anything is the browser's
    if (e.shiftKey || k === 'v' || (k === 'c' && String(getSelection() ?? '') !== '')) return null;
    if (k.length === 1 && k >= 'a' && k <= 'z') return String.fromCharCode(k.charCodeAt(0) - 96);
    return null;
  }
  if (e.altKey && !e.ctrlKey && e.key.length === 1) return `\x1b${e.key}`;
  if (e.ctrlKey || e.altKey) return null;
  return NAMED[e.key] ?? null;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function start(): void {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  const t = <K extends string>(messages: Record<typeof locale, Record<K, string>>, key: K, vars?: Record<string, string | number>) =>
    format(messages[locale][key], vars);

  const root = document.createElement('div');
  root.id = 'boot';
  root.className = 'boot';
  root.innerHTML =
    `<header><div class="boot-brand"><svg class="boot-logo" viewBox="0 0 24 24" aria-hidden="true"><path d="M3 14h18l-2.2 4.4a3 3 0 0 1-2.7 1.6H7.9a3 3 0 0 1-2.7-1.6L3 14Zm3-5h3v3H6V9Zm4 0h3v3h-3V9Zm4 0h3v3h-3V9Zm-4-4h3v3h-3V5Z"/></svg>` +
    `<h1>Berth</h1><span class="boot-tagline">${escape(t(appMessages, 'tagline'))}</span></div></header>` +
    `<main><section class="boot-pane" aria-label="${escape(t(appMessages, 'terminal'))}">` +
    `<div class="boot-bar" aria-hidden="true"><span class="boot-tab">${escape(t(terminalMessages, 'tab', { n: 1 }))}</span><span class="boot-new"><svg viewBox="0 0 16 16"><path d="M8 3v10M3 8h10"/></svg></span></div>` +
    `<div class="boot-screen"></div>` +
    `<textarea class="boot-input" aria-label="${escape(t(appMessages, 'terminal'))}" autocorrect="off" autocapitalize="off" autocomplete="off" spellcheck="false"></textarea>` +
    `</section><aside></aside></main>`;
  document.body.append(root);
  const screen = root.querySelector<HTMLElement>('.boot-screen')!;
  const input = root.querySelector<HTMLTextAreaElement>('.boot-input')!;

  // xterm's cells: its font's height, rounded up, times the line height,
  // rounded down; a wide character (CJK) takes two cells, its glyph spaced
  // out to fill them (xterm's DOM renderer does the same with letter-spacing)
  const probe = document.createElement('div');
  probe.style.cssText = `font:${FONT};line-height:normal;position:absolute;visibility:hidden;white-space:pre`;
  probe.innerHTML = '<span>W</span><span>一</span>';
  screen.append(probe);
  const [narrow, wide] = Array.from(probe.children, (c) => c.getBoundingClientRect());
  probe.remove();
  screen.style.setProperty('--row', `${Math.floor(Math.ceil(narrow!.height) * LINE_HEIGHT)}px`);
  screen.style.setProperty('--wide-gap', `${2 * narrow!.width - wide!.width}px`);

  /** Text as xterm lays it out: runs of wide characters spaced to two cells each. */
  const html = (text: string) => {
    let out = '';
    let wide = '';
    for (const ch of text) {
      if (charWidth(ch) === 2) {
        wide += ch;
        continue;
      }
      if (wide) out += `<span class="boot-wide">${escape(wide)}</span>`;
      wide = '';
      out += escape(ch);
    }
    return wide ? `${out}<span class="boot-wide">${escape(wide)}</span>` : out;
  };

  const banner = `<div><span class="boot-dim">${html(t(appMessages, 'banner'))} </span><b>docker run hello-world</b></div><div></div>`;
  const prompt = `<b class="boot-green">${BOOT_USER_HOST}</b>:<b class="boot-blue">${BOOT_DIRECTORY}</b># `;
  const editor = new BootEditor();
  const failures: string[] = [];
  const draw = () => {
    const rows = editor.rows();
    let out = banner;
    rows.forEach((row, i) => {
      let text = html(row.text);
      if (i === rows.length - 1) {
        const chars = Array.from(row.text);
        const at = row.prompt ? editor.cursor : chars.length;
        text = `${html(chars.slice(0, at).join(''))}<span class="boot-cursor">${html(chars[at] ?? ' ')}</span>${html(chars.slice(at + 1).join(''))}`;
      }
      out += `<div>${row.prompt ? prompt : ''}${text}</div>`;
    });
    for (const failure of failures) out += `<div class="boot-red">${html(failure)}</div>`;
    screen.innerHTML = out;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const data = keyData(e);
    if (data === null) return;
    e.preventDefault();
    editor.key(data);
    draw();
  };
  // text: typed characters, an input method's words, pasted text
  const onInput = (e: Event) => {
    if ((e as InputEvent).isComposing) return;
    const text = input.value;
    input.value = '';
    if (!text) return;
    editor.key(text.replace(/\r?\n/g, '\r'));
    draw();
  };
  const onClick = () => {
    if (String(getSelection() ?? '') === '') input.focus({ preventScroll: true });
  };
  // the page's code did not load or failed before the terminal took over: say so, as the terminal would
  const onError = (e: Event) => {
    const target = e.target;
    if (target instanceof HTMLScriptElement || target instanceof HTMLLinkElement) {
      failures.push(`Berth could not start: ${target instanceof HTMLScriptElement ? target.src : target.href} did not load`);
    } else if (e instanceof ErrorEvent) {
      failures.push(`Berth could not start: ${e.message}`);
    } else return;
    draw();
  };
  input.addEventListener('keydown', onKeyDown);
  input.addEventListener('input', onInput);
  input.addEventListener('compositionend', onInput);
  root.addEventListener('click', onClick);
  addEventListener('error', onError, true);
  draw();
  input.focus({ preventScroll: true });

  let takenAt: number | null = null;
  let dismissed = false;
  const handle: BootPromptHandle = {
    readyAt: performance.now(),
    get takenAt() {
      return takenAt;
    },
    get typed() {
      return editor.typed;
    },
    take(): BootHandover | null {
      if (takenAt !== null) return null;
      takenAt = performance.now();
      input.removeEventListener('keydown', onKeyDown);
      input.removeEventListener('input', onInput);
      input.removeEventListener('compositionend', onInput);
      root.removeEventListener('click', onClick);
      removeEventListener('error', onError, true);
      // an input method's word still being composed goes over too
      if (input.value) editor.key(input.value.replace(/\r?\n/g, '\r'));
      // the keyboard was the boot prompt's (or nobody's, or it was dismissed for another tab's notice): the terminal takes it
      const focused = dismissed || document.activeElement === input || document.activeElement === document.body || document.activeElement === null;
      return { typed: editor.typed, focused, remove: () => root.remove() };
    },
    dismiss: () => {
      dismissed = true;
      root.remove();
    },
  };
  Object.defineProperty(window, '__berthBoot', { value: handle, configurable: true });
}

start();
