import { describe, expect, it } from 'vitest';
import { BurstWriter } from './burst.ts';

function setup() {
  const writes: string[] = [];
  const tasks: Array<() => void> = [];
  const burst = new BurstWriter({ write: (d) => writes.push(d), nextTask: (run) => tasks.push(run) });
  return { burst, writes, tasks };
}

describe('BurstWriter', () => {
  it('writes straight through outside a burst', () => {
    const t = setup();
    t.burst.write('a');
    t.burst.write('b');
    expect(t.writes).toEqual(['a', 'b']);
    expect(t.burst.holding).toBe(false);
  });

  it('hands a burst over as one write when it ends', () => {
    const t = setup();
    t.burst.begin();
    t.burst.write('\r\n');
    t.burst.write('CONTAINER ID\r\n');
    t.burst.write('root@berth:~# ');
    expect(t.writes).toEqual([]);
    expect(t.burst.holding).toBe(true);
    t.burst.end();
    expect(t.writes).toEqual(['\r\nCONTAINER ID\r\nroot@berth:~# ']);
    expect(t.burst.holding).toBe(false);
    t.burst.write('x');
    expect(t.writes.at(-1)).toBe('x');
  });

  it('ends a burst at the next task at the latest (a long command is not held back)', () => {
    const t = setup();
    t.burst.begin();
    t.burst.write('\r\n');
    t.burst.write('Pulling');
    expect(t.tasks).toHaveLength(1);
    t.tasks[0]!();
    expect(t.writes).toEqual(['\r\nPulling']);
    t.burst.write(' done');
    expect(t.writes).toEqual(['\r\nPulling', ' done']);
  });

  it('a deadline left over from an ended burst does not cut the next one short', () => {
    const t = setup();
    t.burst.begin();
    t.burst.write('a');
    t.burst.end();
    t.burst.begin();
    t.burst.write('b');
    t.tasks[0]!();
    expect(t.burst.holding).toBe(true);
    expect(t.writes).toEqual(['a']);
    t.tasks[1]!();
    expect(t.writes).toEqual(['a', 'b']);
  });

  it('an empty burst writes nothing; begin while holding keeps one burst', () => {
    const t = setup();
    t.burst.begin();
    t.burst.begin();
    expect(t.tasks).toHaveLength(1);
    t.burst.end();
    t.burst.end();
    expect(t.writes).toEqual([]);
  });
});
