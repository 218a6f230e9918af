import { describe, expect, it } from 'vitest';
import { BLINK_HALF_MS, CURSOR_OFF_CLASS, CursorBlink } from './cursorBlink.ts';

function fakeTimers() {
  let next = 1;
  const intervals = new Map<number, { run: () => void; ms: number }>();
  return {
    intervals,
    setInterval: (run: () => void, ms: number) => {
      intervals.set(next, { run, ms });
      return next++;
    },
    clearInterval: (id: unknown) => void intervals.delete(id as number),
    tick() {
      for (const { run } of [...intervals.values()]) run();
    },
  };
}

function fakeElement() {
  const classes = new Set<string>();
  return {
    classes,
    classList: {
      toggle(name: string, force?: boolean) {
        const on = force ?? !classes.has(name);
        if (on) classes.add(name);
        else classes.delete(name);
        return on;
      },
    },
  };
}

describe('the cursor blinks by a class, twice a second', () => {
  it('hides and shows the cursor every half period; one timer at a time', () => {
    const timers = fakeTimers();
    const el = fakeElement();
    const blink = new CursorBlink(el, timers);
    blink.restart();
    expect([...timers.intervals.values()].map((i) => i.ms)).toEqual([BLINK_HALF_MS]);
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(false);
    timers.tick();
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(true);
    timers.tick();
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(false);
    timers.tick();
    // a key: the cursor shows at once and the phase starts again
    blink.restart();
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(false);
    expect(timers.intervals.size).toBe(1);
    timers.tick();
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(true);
  });

  it('stops with the cursor shown and no timer left', () => {
    const timers = fakeTimers();
    const el = fakeElement();
    const blink = new CursorBlink(el, timers);
    blink.restart();
    timers.tick();
    blink.stop();
    expect(el.classes.has(CURSOR_OFF_CLASS)).toBe(false);
    expect(timers.intervals.size).toBe(0);
    expect(blink.blinking).toBe(false);
  });
});
