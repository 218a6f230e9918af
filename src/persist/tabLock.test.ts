// Two tabs over an in-memory lock manager and a real BroadcastChannel (Node
// has one): one owns, the other asks, the owner saves and lets go.
import { describe, expect, it } from 'vitest';
import { TabLock, type Locks } from './tabLock.ts';

/** navigator.locks, exclusive mode only: a holder and a queue per name. */
function fakeLocks(): Locks {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const grant = (name: string, callback: (lock: unknown) => Promise<void> | null) =>
    new Promise<unknown>((resolve) => {
      held.add(name);
      void Promise.resolve(callback({ name })).then((v) => {
        held.delete(name);
        queues.get(name)?.shift()?.();
        resolve(v);
      });
    });
  return {
    request(name, options, callback) {
      if (!held.has(name)) return grant(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve) => {
        const q = queues.get(name) ?? [];
        q.push(() => resolve(grant(name, callback)));
        queues.set(name, q);
      });
    },
  };
}

const channel = (name: string) => new BroadcastChannel(name) as unknown as ConstructorParameters<typeof TabLock>[1];

describe('TabLock', () => {
  it('the first tab owns, the second finds it taken', async () => {
    const locks = fakeLocks();
    const a = new TabLock(locks, channel('t1'), async () => {}, 'w1');
    const b = new TabLock(locks, channel('t1'), async () => {}, 'w1');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(a.owned).toBe(true);
    expect(b.owned).toBe(false);
    a.close();
    b.close();
  });

  it('claim asks the owner to save, and the lock moves once it has', async () => {
    const locks = fakeLocks();
    const order: string[] = [];
    const a = new TabLock(
      locks,
      channel('t2'),
      async () => {
        order.push('a saves');
        await new Promise((r) => setTimeout(r, 20));
        order.push('a saved');
      },
      'w2',
    );
    const b = new TabLock(locks, channel('t2'), async () => {}, 'w2');
    await a.tryAcquire();
    await b.claim();
    order.push('b owns');
    expect(order).toEqual(['a saves', 'a saved', 'b owns']);
    expect(a.owned).toBe(false);
    expect(b.owned).toBe(true);
    // and back
    await a.claim();
    expect(a.owned).toBe(true);
    expect(b.owned).toBe(false);
    a.close();
    b.close();
  });

  it('a failing save still lets go (the other tab is not left waiting)', async () => {
    const locks = fakeLocks();
    const a = new TabLock(locks, channel('t3'), () => Promise.reject(new Error('disk')), 'w3');
    const b = new TabLock(locks, channel('t3'), async () => {}, 'w3');
    await a.tryAcquire();
    await b.claim();
    expect(b.owned).toBe(true);
    a.close();
    b.close();
  });
});
