// What the browser benchmark runs inside the page (installed with
// addInitScript before any of the page's own code): it timestamps, on the
// page's own clock (ms since navigation start), the first prompt drawn, the
// first command answered, and, when armed, one command from its Enter
// keydown to its output in the terminal buffer and the panel showing it.
//
// Serialised by Playwright: self-contained, no imports, no closures over
// Node values.

/** What a panel must show once the command has run. */
export type PanelCheck =
  | { kind: 'none' }
  /** The lifecycle panel lists container `name` under one of `states` (English names; null: not listed). */
  | { kind: 'state'; name: string; states: Array<string | null> }
  /** The images panel shows tag `tag`, or does not. */
  | { kind: 'tag'; tag: string; present: boolean };

export interface ArmSpec {
  /** The key whose keydown starts the clock (default Enter); any other key is a key at the prompt, its row matched by `expect`. */
  key?: string;
  /** The command line as typed (found again on the screen, after its prompt). */
  line: string;
  /** A regular expression (source, multiline) the command's output must match. */
  expect: string;
  panel: PanelCheck;
}

export interface Sample {
  /** ms from the Enter keydown to the output and the next prompt in the terminal buffer. */
  terminal: number;
  /** ms from the Enter keydown to the panel showing the change (0 when no panel is checked). */
  panel: number;
  /** Which animation frame after the keydown drew both (1: the first), from `readyForFrame`. */
  frames: number;
  /**
   * ms from the Enter keydown to the start of the first animation frame at
   * which both were already true: that frame draws the answer. The task
   * checks above come later, after that frame's own rendering (Chromium
   * runs the next task only once the frame that follows an input is drawn).
   */
  readyForFrame: number;
  /**
   * ms from the Enter keydown to that frame's rendering steps seeing both in
   * the page (after its animation frame callbacks and its layout, before it
   * paints): what the command, the terminal and the panels cost, the wait for
   * the frame, and the frame's own work up to its paint.
   */
  laidOut: number;
  timedOut: boolean;
}

export interface BenchRecorder {
  /** When window.__berth (the page's test hooks) appeared. */
  hooksAt: number | null;
  /**
   * The first animation frame with a prompt on the screen that takes keys:
   * the boot prompt (index.html's, src/ui/terminal/bootPrompt.ts) or, on a
   * page without one, xterm's prompt with the terminal idle.
   */
  promptAt: number | null;
  /** The first frame with xterm holding the screen (the boot prompt handed over, or none) and its test hooks there. */
  terminalAt: number | null;
  /** The first frame with `docker ps`'s header on the screen and the prompt back. */
  firstAnswerAt: number | null;
  /** The Enter keydown of the first command. */
  firstEnterAt: number | null;
  arm(spec: ArmSpec): void;
  /** The armed command's sample once it has one, else null. */
  result(): Sample | null;
}

declare global {
  interface Window {
    __bench?: BenchRecorder;
  }
}

export function installRecorder(): void {
  type Hooks = { idle(): boolean; screenText(): string; drawn?(): boolean };
  let hooks: Hooks | undefined;
  const rec: BenchRecorder = {
    hooksAt: null,
    promptAt: null,
    terminalAt: null,
    firstAnswerAt: null,
    firstEnterAt: null,
    arm,
    result: () => current,
  };
  let current: Sample | null = null;
  Object.defineProperty(window, '__bench', { value: rec });
  Object.defineProperty(window, '__berth', {
    configurable: true,
    get: () => hooks,
    set(v: Hooks) {
      hooks = v;
      rec.hooksAt ??= performance.now();
    },
  });

  const atPrompt = (text: string) => /[#$] ?$/.test(text);

  // the boot prompt: on the page, not handed over yet, with the keyboard
  type Boot = { readyAt: number; takenAt: number | null };
  const bootTakesKeys = () => {
    const boot = (window as unknown as { __berthBoot?: Boot }).__berthBoot;
    return !!boot && boot.takenAt === null && document.activeElement?.classList.contains('boot-input') === true;
  };
  const bootTaken = () => {
    const boot = (window as unknown as { __berthBoot?: Boot }).__berthBoot;
    return !boot || boot.takenAt !== null;
  };

  // the first prompt, xterm's take-over, then the first command's answer, frame by frame
  const watch = () => {
    const now = performance.now();
    if (rec.promptAt === null && bootTakesKeys()) rec.promptAt = now;
    if (rec.terminalAt === null && hooks && bootTaken()) rec.terminalAt = now;
    if (hooks && hooks.idle()) {
      const text = hooks.screenText();
      if (rec.promptAt === null && atPrompt(text)) rec.promptAt = now;
      if (rec.promptAt !== null && rec.firstAnswerAt === null && text.includes('CONTAINER ID') && atPrompt(text)) rec.firstAnswerAt = now;
    }
    if (rec.firstAnswerAt === null || rec.terminalAt === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && rec.promptAt !== null) rec.firstEnterAt ??= e.timeStamp;
    },
    { capture: true },
  );

  function panelShows(check: PanelCheck): boolean {
    switch (check.kind) {
      case 'none':
        return true;
      case 'state': {
        const list = document.querySelector('[data-testid=lifecycle-list]');
        let found: string | null = null;
        for (const who of Array.from(list?.querySelectorAll('.who') ?? [])) {
          const name = (who.textContent ?? '').replace(/ \(\d+\)$/, '');
          if (name === check.name) found = who.closest('div')?.querySelector('dt')?.textContent?.trim().toLowerCase() ?? '';
        }
        return check.states.includes(found);
      }
      case 'tag': {
        const tags = Array.from(document.querySelectorAll('[data-testid=image-list] .tag')).map((t) => t.textContent?.trim());
        return tags.includes(check.tag) === check.present;
      }
    }
  }

  function arm(spec: ArmSpec): void {
    current = null;
    const re = new RegExp(spec.expect, 'm');
    let t0: number | null = null;
    let term: number | null = null;
    let panel: number | null = spec.panel.kind === 'none' ? -1 : null;
    let frames = 0;
    let ready: number | null = null;
    let readyFrame = 0;
    let laidOut: number | null = null;
    const channel = new MessageChannel();
    const key = spec.key ?? 'Enter';
    const terminalShows = () => {
      if (!hooks?.idle()) return false;
      const text = hooks.screenText();
      if (key !== 'Enter') return re.test(text.slice(text.lastIndexOf('\n') + 1));
      const at = text.lastIndexOf(spec.line);
      const after = at < 0 ? '' : text.slice(at + spec.line.length);
      return /\n[^\n]*[#$] ?$/.test(after) && re.test(after);
    };
    const check = () => {
      const now = performance.now();
      if (term === null && terminalShows()) term = now;
      if (panel === null && panelShows(spec.panel)) panel = now;
      return term !== null && panel !== null;
    };
    const finish = (timedOut: boolean) => {
      channel.port1.close();
      const start = t0!;
      current = {
        terminal: (term ?? performance.now()) - start,
        panel: panel === -1 ? 0 : (panel ?? performance.now()) - start,
        frames: ready === null ? frames : readyFrame,
        readyForFrame: (ready ?? performance.now()) - start,
        laidOut: (laidOut ?? performance.now()) - start,
        timedOut,
      };
    };
    // polled once per task: the page's own tasks run between two checks
    channel.port1.onmessage = () => {
      if (check()) finish(false);
      else if (performance.now() - t0! > 10_000) finish(true);
      else channel.port2.postMessage(0);
    };
    // the frame's own state, once every animation frame callback has run (the
    // panels update in theirs) and before it paints: a ResizeObserver of an
    // element whose width each frame changes reports then
    let frameStart = 0;
    const probe = document.createElement('div');
    probe.style.cssText = 'position:fixed;left:0;top:0;height:1px;visibility:hidden;pointer-events:none';
    document.body.append(probe);
    const observer = new ResizeObserver(() => {
      // read before the checks: they are the benchmark's own work
      const now = performance.now();
      // the buffer holds the answer and xterm has drawn it (a build without the hook: the buffer only)
      if (ready === null && t0 !== null && terminalShows() && (hooks?.drawn?.() ?? true) && panelShows(spec.panel)) {
        ready = frameStart;
        readyFrame = frames;
        laidOut = now;
      }
    });
    observer.observe(probe);
    const countFrames = (start: number) => {
      frameStart = start;
      probe.style.width = `${(frames % 2) + 1}px`;
      if (current) {
        observer.disconnect();
        probe.remove();
        return;
      }
      frames++;
      requestAnimationFrame(countFrames);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== key) return;
      removeEventListener('keydown', onKey, { capture: true });
      t0 = e.timeStamp;
      requestAnimationFrame(countFrames);
      channel.port2.postMessage(0);
    };
    addEventListener('keydown', onKey, { capture: true });
  }
}
