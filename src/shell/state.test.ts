// A saved workspace comes back as it was: whatever a learner did (generated
// command sequences), a host restored from the records saved change by
// change after each command, or from the workspace file of one full
// capture, answers the inspection commands exactly as the original does at
// the same moment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { StateError } from '../engine/state/index.ts';
import { decodeWorkspace, encodeWorkspace } from '../persist/workspaceFile.ts';
import { createHost, type SimulatedHost } from './host.ts';

const platform = () => ({ ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() });

function shell(h: SimulatedHost) {
  return async (cmd: string): Promise<string> => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return `${out}[${status}]`;
  };
}

const NAMES = ['box1', 'box2', 'box3'];
const IMAGES = ['snap1', 'snap2:v2'];

const op = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `docker run -d --name ${n} busybox sh -c 'while true; do sleep 1; done'`),
  fc.constantFrom(...NAMES).map((n) => `docker run -d --name ${n} --restart unless-stopped busybox sh -c 'echo up; touch /ran; while :; do sleep 5; done'`),
  fc.constantFrom(...NAMES).map((n) => `docker run --name ${n} busybox sh -c 'echo hello; echo oops >&2; echo data > /data.txt; rm /bin/vi; mkdir -p /var/made'`),
  fc.constantFrom(...NAMES).map((n) => `docker create --name ${n} -e A=1 busybox echo created`),
  fc.constantFrom(...NAMES).map((n) => `docker exec ${n} sh -c 'echo written > /tmp/w; ln /tmp/w /tmp/w2; rm -rf /etc/network; head -c 300 /bin/busybox > /bin.part'`),
  fc.constantFrom(...NAMES).map((n) => `docker stop -t 1 ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker start ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker pause ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker unpause ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker rm -f ${n}`),
  fc.constantFrom(...NAMES).map((n) => `docker rename ${n} renamed-${n}`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...IMAGES)).map(([n, i]) => `docker commit -m note ${n} ${i}`),
  fc.constantFrom(...IMAGES).map((i) => `docker tag busybox ${i}`),
  fc.constantFrom(...IMAGES).map((i) => `docker rmi ${i}`),
  fc.constantFrom(...IMAGES).map((i) => `docker run --rm ${i} cat /data.txt`),
  fc.constant('docker container prune -f'),
  fc.constant('docker image prune -f'),
  fc.constant('docker pull -q alpine'),
  fc.constant('docker tag busybox 127.0.0.1:5000/box && docker push 127.0.0.1:5000/box'),
  fc.nat(3).map((k) => `mkdir -p /root/d${k} && echo note${k} >> /root/d${k}/f && ln -sf f /root/d${k}/link`),
  fc.constant('sleep 2'),
);

/** What must read the same on the original and the restored hosts. */
async function observe(sh: (cmd: string) => Promise<string>, h: SimulatedHost, savedLogs: ReadonlyMap<string, number>): Promise<string[]> {
  const out: string[] = [];
  const run = async (cmd: string) => void out.push(`$ ${cmd}\n${await sh(cmd)}`);
  await run('docker ps -a --no-trunc');
  await run('docker ps -s');
  await run('docker images -a --digests');
  await run('cat /root/d0/f /root/d1/f /root/d2/f /root/d3/f; ls -l /root');
  const containers = [...h.daemon.containers.values()];
  for (const c of containers) {
    const inspected = JSON.parse(await sh(`docker inspect ${c.id}`).then((s) => s.replace(/\[\d+\]$/, ''))) as Array<{ State: Record<string, unknown> }>;
    delete inspected[0]!.State.Pid;
    out.push(JSON.stringify(inspected));
    await run(`docker diff ${c.id}`);
    if (c.state.Running) {
      // a restored running container started afresh: its log goes on after the saved lines
      out.push(`logs of ${c.name} start with: ${JSON.stringify(c.logs.slice(0, savedLogs.get(c.id) ?? 0))}`);
      if (!c.state.Paused) await run(`docker exec ${c.id} cat /tmp/w /tmp/w2 /data.txt /ran`);
    } else {
      await run(`docker logs ${c.id}`);
    }
  }
  for (const img of h.daemon.images.all()) {
    await run(`docker history --no-trunc ${img.id}`);
    await run(`docker inspect ${img.id}`);
  }
  await run('docker pull -q 127.0.0.1:5000/box');
  return out;
}

describe('a restored workspace', () => {
  it('answers as the saved one did (generated command sequences, directly and through the file)', async () => {
    let runs = 0;
    let running = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const h1 = await createHost({ platform: platform() });
        const sh1 = shell(h1);
        await sh1('docker pull -q busybox');
        // what a store saving the changes after each command holds
        const db = h1.state.captureAll();
        for (const cmd of ops) {
          await sh1(cmd);
          const { put, remove } = h1.state.captureChanges();
          for (const key of remove) db.delete(key);
          for (const [key, value] of put) db.set(key, value);
        }
        const records = h1.state.captureAll();
        expect(new Map([...db].sort())).toEqual(new Map([...records].sort()));
        const file = await encodeWorkspace({ records, history: ops });
        const decoded = await decodeWorkspace(file);
        expect(decoded.history).toEqual(ops);
        // restored from the changes saved command by command, and from the file of one full capture
        const h2 = await createHost({ platform: platform(), restore: db });
        const h3 = await createHost({ platform: platform(), restore: decoded.records });
        const savedLogs = new Map([...h1.daemon.containers.values()].map((c) => [c.id, c.logs.length]));
        running += [...h1.daemon.containers.values()].filter((c) => c.state.Running).length;
        const expected = await observe(sh1, h1, savedLogs);
        expect(await observe(shell(h2), h2, savedLogs)).toEqual(expected);
        expect(await observe(shell(h3), h3, savedLogs)).toEqual(expected);
        runs++;
      }),
      { numRuns: 30, seed: 20261206 },
    );
    expect(runs).toBe(30);
    // the sequences did leave running containers to restore (the check was not vacuous)
    expect(running).toBeGreaterThan(5);
  }, 300_000);
});

describe('restored running containers', () => {
  it('are up with time continuing, their process alive; stop works', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run -d --name ticker busybox sh -c 'echo start; while true; do sleep 1; done'");
    await sh1("docker run -d --name frozen busybox sleep 1000 && docker pause frozen");
    await sh1('sleep 65');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    const sh2 = shell(h2);
    expect(await sh2('docker ps --format "{{.Names}} {{.Status}}"')).toBe('frozen Up About a minute (Paused)\nticker Up About a minute\n[0]');
    expect(await sh2('docker top ticker -o pid,args')).toMatch(/sh -c echo start; while true; do sleep 1; done/);
    expect(await sh2('docker exec ticker echo alive')).toBe('alive\n[0]');
    expect(await sh2('docker logs ticker')).toBe('start\nstart\n[0]');
    expect(await sh2('docker exec frozen true')).toMatch(/is paused/);
    expect(await sh2('docker unpause frozen && docker exec frozen echo thawed')).toBe('frozen\nthawed\n[0]');
    expect(await sh2('docker stop ticker')).toBe('ticker\n[0]');
    expect(await sh2('docker ps -a --format "{{.Names}} {{.Status}}"')).toMatch(/^frozen Up About a minute\nticker Exited \(137\) Less than a second ago\n/);
  });

  it('keep their restart policy and --rm', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run -d --name flaky --restart on-failure:5 busybox sh -c 'sleep 3; exit 2'");
    await sh1("docker run -d --name once --rm busybox sh -c 'sleep 3'");
    await sh1('sleep 4');
    const before = h1.daemon.container('flaky').restartCount;
    expect(before).toBe(1);
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    const sh2 = shell(h2);
    expect(h2.daemon.container('flaky').restartCount).toBe(1);
    await sh2('sleep 10');
    expect(h2.daemon.container('flaky').restartCount).toBeGreaterThan(1);
    expect(await sh2('docker ps -a --format "{{.Names}}"')).toBe('flaky\n[0]');
  });

  it('never collide with new ids (a sequential source starts again)', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox && docker create busybox && docker create busybox');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    const sh2 = shell(h2);
    const id = (await sh2('docker create busybox')).slice(0, 64);
    expect([...h1.daemon.containers.keys()]).not.toContain(id);
    expect(h2.daemon.containers.size).toBe(3);
  });

  it('keep the clock: never earlier than the save', async () => {
    const h1 = await createHost({ platform: platform() });
    await shell(h1)('sleep 3600');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    expect(h2.daemon.now()).toBe(h1.daemon.now());
    const later = { ...platform(), clock: { now: () => h1.daemon.now() + 86_400_000 } };
    const h3 = await createHost({ platform: later, restore: h1.state.captureAll() });
    expect(h3.daemon.now()).toBe(h1.daemon.now() + 86_400_000);
  });
});

describe('pulled layers', () => {
  it('are saved by catalogue reference and rebuilt only when read', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q ubuntu && docker pull -q alpine');
    await sh1("docker run --name mine ubuntu sh -c 'echo mine > /root/mine' && docker commit mine mine");
    const records = h1.state.captureAll();
    const contents = [...records].filter(([k]) => k.startsWith('content/')).map(([, v]) => v as Record<string, unknown>);
    // two pulled layers by reference, the committed one by content
    expect(contents.filter((c) => 'catalogue' in c)).toHaveLength(2);
    expect(contents.filter((c) => 'tree' in c)).toHaveLength(1);
    expect(JSON.stringify(contents.filter((c) => 'catalogue' in c)).length).toBeLessThan(600);
    const h2 = await createHost({ platform: platform(), restore: records });
    for (const l of h2.daemon.layers.records()) expect(Object.getOwnPropertyDescriptor(l, 'tree')?.get).toBeTypeOf('function');
    const sh2 = shell(h2);
    expect(await sh2('docker run --rm mine cat /root/mine /etc/os-release')).toMatch(/^mine\nPRETTY_NAME="Ubuntu/);
    expect(await sh2('docker run --rm alpine cat /etc/alpine-release')).toBe(await sh1('docker run --rm alpine cat /etc/alpine-release'));
    // a reference without its history step (a layer no image names) is found by fingerprint
    const bare = new Map([...records].map(([k, v]) => [k, k.startsWith('content/') && 'catalogue' in (v as object) ? { catalogue: { ...(v as { catalogue: object }).catalogue, createdBy: undefined } } : v]));
    const h3 = await createHost({ platform: platform(), restore: bare });
    expect(await shell(h3)('docker run --rm mine cat /root/mine')).toBe('mine\n[0]');
  }, 60_000);
});

describe('registries', () => {
  it('keep what was pushed to the private registry', async () => {
    const h1 = await createHost({ platform: platform(), recorderServices: true });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run --name maker busybox sh -c 'echo pushed > /p' && docker commit maker 127.0.0.1:5000/mine:v1");
    const push = await sh1('docker push -q 127.0.0.1:5000/mine:v1');
    expect(push).toMatch(/^127.0.0.1:5000\/mine:v1\n\[0\]$/);
    await sh1('docker rm maker && docker rmi 127.0.0.1:5000/mine:v1');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    const sh2 = shell(h2);
    // the layer is not local any more: the pull fetches it from the restored registry
    expect(await sh2('docker pull 127.0.0.1:5000/mine:v1')).toMatch(/: Pull complete\n[^]*Status: Downloaded newer image for 127.0.0.1:5000\/mine:v1/);
    expect(await sh2('docker run --rm 127.0.0.1:5000/mine:v1 cat /p')).toBe('pushed\n[0]');
    // its v2 metadata survived too: pushing again finds the layers already there
    expect(await sh2('docker push 127.0.0.1:5000/mine:v1')).toMatch(/Layer already exists/);
  }, 30_000);
});

describe('registry servers', () => {
  it('keep the layer blobs a registry server holds, with their files', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run --name maker busybox sh -c 'echo kept > /k' && docker commit maker made > /dev/null");
    const img = h1.daemon.images.get(h1.daemon.refs.get({ domain: 'docker.io', path: 'library/made', tag: 'latest' })!)!;
    const top = h1.daemon.layers.get(img.chainIds.at(-1)!)!;
    h1.daemon.registryBlobs.put({ digest: 'sha256:' + 'a'.repeat(64), diffId: top.diffId, size: 123, tree: () => top.tree });
    await sh1('docker rm maker && docker rmi made');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll() });
    const blob = h2.daemon.registryBlobs.get('sha256:' + 'a'.repeat(64));
    expect(blob).toMatchObject({ diffId: top.diffId, size: 123 });
    expect(new TextDecoder().decode(blob!.tree().lookup('k')!.data as Uint8Array)).toBe('kept\n');
  }, 30_000);
});

describe('captureChanges', () => {
  it('puts and removes only what changed', async () => {
    const h = await createHost({ platform: platform() });
    const sh = shell(h);
    await sh('docker pull -q busybox');
    for (let i = 0; i < 20; i++) await sh(`docker create --name idle${i} busybox true`);
    await sh("docker run -d --name busy busybox sh -c 'while true; do sleep 1; done'");
    const all = h.state.captureAll();
    expect(all.size).toBeGreaterThan(40);
    // nothing happened, not even time passing
    expect([...h.state.captureChanges().put.keys()]).toEqual([]);
    // a file written inside one container: its read-write layer (and the clock)
    await sh('docker exec busy sh -c "echo x > /x"');
    const id = h.daemon.container('busy').id;
    const exec = h.state.captureChanges();
    expect([...exec.put.keys()].sort()).toEqual(['container/' + id, 'meta', 'rw/' + id].sort());
    // a file at the prompt: the host's files
    await sh('echo hi > /root/hi');
    expect([...h.state.captureChanges().put.keys()].sort()).toEqual(['host/fs', 'meta']);
    // docker run --rm: nothing left of it
    await sh('docker run --rm busybox true');
    const rm = h.state.captureChanges();
    expect([...rm.put.keys()]).toEqual(['meta']);
    expect(rm.remove).toEqual([]);
    // removing a container removes its records
    const idle = h.daemon.container('idle3').id;
    await sh('docker rm idle3');
    const gone = h.state.captureChanges();
    expect([...gone.put.keys()]).toEqual(['meta']);
    expect(gone.remove.sort()).toEqual([`container/${idle}`, `rw/${idle}`].sort());
    // a commit: the image, its layer and content, the tag list
    await sh('docker commit busy snap');
    const commit = h.state.captureChanges();
    const kinds = [...commit.put.keys()].map((k) => k.split('/')[0]).sort();
    expect(kinds).toEqual(['container', 'content', 'dangling', 'image', 'layer', 'meta', 'refs', 'v2metadata']);
  });
});

describe('refused restores', () => {
  async function saved(): Promise<Map<string, unknown>> {
    const h = await createHost({ platform: platform() });
    const sh = shell(h);
    await sh('docker pull -q busybox');
    await sh("docker run --name keep busybox sh -c 'echo kept | tee /k'");
    await sh('docker commit keep kept');
    return h.state.captureAll();
  }

  it('a record referencing a missing layer', async () => {
    const records = await saved();
    const layer = [...records.keys()].find((k) => k.startsWith('layer/'))!;
    records.delete(layer);
    await expect(createHost({ platform: platform(), restore: records })).rejects.toThrow(
      /^the saved workspace is damaged: (image|container|layer) \w+ (references|stands on) a missing layer/,
    );
  });

  it('a newer format', async () => {
    const records = await saved();
    records.set('meta', { ...(records.get('meta') as object), format: 99 });
    const err = await createHost({ platform: platform(), restore: records }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateError);
    expect((err as StateError).message).toMatch(/^the saved workspace is from a newer Berth/);
  });

  it('damaged records of every kind', async () => {
    const base = await saved();
    const keyOf = (prefix: string) => [...base.keys()].find((k) => k.startsWith(prefix))!;
    const tamper = (img: { configJson: string }) => ({ ...img, configJson: img.configJson.replace('"os":"linux"', '"os":"windows"') });
    const cases: Array<[string, unknown, RegExp]> = [
      ['meta', 'garbage', /description record is missing/],
      [keyOf('image/'), tamper(base.get(keyOf('image/')) as { configJson: string }), /does not match its ID/],
      [keyOf('image/'), { ...(base.get(keyOf('image/')) as object), configJson: '{"tampered":1}' }, /is not an image configuration/],
      [keyOf('rw/'), { paths: ['', 'x'], meta: [0], data: [] }, /the files of container \w+: its entries do not line up/],
      [keyOf('content/'), { tree: 7 }, /not a file tree/],
      ['refs', [['busybox:latest', 'sha256:' + 'f'.repeat(64)]], /names a missing image/],
      [keyOf('logs/'), undefined, /logs of container \w+ are missing a part/],
      [keyOf('container/'), { record: 1 }, /is unreadable/],
    ];
    for (const [key, value, message] of cases) {
      const records = new Map(base);
      if (value === undefined) records.delete(key);
      else records.set(key, value);
      const err = await createHost({ platform: platform(), restore: records }).catch((e: unknown) => e);
      expect(err, key).toBeInstanceOf(StateError);
      expect((err as Error).message, key).toMatch(message);
    }
  });

  it('a damaged private registry, before anything is restored', async () => {
    const h = await createHost({ platform: platform(), recorderServices: true });
    const sh = shell(h);
    await sh('docker pull -q busybox');
    await sh("docker run --name maker busybox sh -c 'echo pushed > /p' && docker commit maker 127.0.0.1:5000/mine:v1");
    await sh('docker push -q 127.0.0.1:5000/mine:v1');
    const base = h.state.captureAll();
    // the registry's index is in the host's files; its layer blobs are a record of their own
    const blobs = base.get('registry/blobs') as Array<Record<string, unknown>>;
    expect(blobs.length).toBeGreaterThan(0);
    const damaged: Array<[unknown, string]> = [
      [null, 'the private registry is unreadable'],
      [[null], 'the private registry is unreadable'],
      [[{ ...blobs[0], size: 'x' }], 'the private registry is unreadable'],
      [[{ ...blobs[0], diffId: 'sha256:' + '0'.repeat(64) }], 'the private registry holds a layer whose files are missing (000000000000)'],
    ];
    for (const [value, message] of damaged) {
      const err = await createHost({ platform: platform(), restore: new Map(base).set('registry/blobs', value) }).catch((e: unknown) => e);
      expect(err, JSON.stringify(value).slice(0, 200)).toBeInstanceOf(StateError);
      expect((err as Error).message).toBe(`the saved workspace is damaged: ${message}`);
    }
  }, 30_000);

  it('damaged anywhere: refused with a StateError, or restored into a host that answers without failing', async () => {
    const base = await saved();
    const keys = [...base.keys()];
    /** Every path to a value inside a record. */
    const paths = (v: unknown, at: Array<string | number> = []): Array<Array<string | number>> => {
      const out: Array<Array<string | number>> = [at];
      if (Array.isArray(v)) v.slice(0, 12).forEach((x, i) => out.push(...paths(x, [...at, i])));
      else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
      return out;
    };
    const garbage = fc.constantFrom<unknown>(null, -1, 1e300, 'x', '', true, [], {}, [1, 'a'], new Uint8Array([1]), undefined);
    let refused = 0;
    let restored = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.nat(), garbage, async (key, pick, junk) => {
        const records = new Map(base);
        const value = structuredClone(base.get(key));
        const all = paths(value);
        const path = all[pick % all.length]!;
        let damagedValue: unknown = junk;
        if (path.length > 0) {
          let parent = value as Record<string | number, unknown>;
          for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
          parent[path[path.length - 1]!] = junk;
          damagedValue = value;
        }
        records.set(key, damagedValue);
        let h: SimulatedHost;
        try {
          h = await createHost({ platform: platform(), restore: records });
        } catch (e) {
          expect(e).toBeInstanceOf(StateError);
          expect((e as Error).message).toMatch(/^the saved workspace is (damaged: .+|from a newer Berth)/);
          refused++;
          return;
        }
        restored++;
        const sh = shell(h);
        for (const cmd of ['docker ps -a', 'docker images -a', 'docker inspect keep kept', 'docker diff keep', 'docker logs keep', 'docker history kept', 'docker start -a keep', 'docker run --rm kept cat /k', 'ls /root']) {
          const out = await sh(cmd);
          expect(out, cmd).not.toMatch(/TypeError|RangeError|ReferenceError|undefined is not|Cannot read prop|\n\s+at /);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
    if (process.env.TRACE) console.log({ refused, restored });
    expect(refused).toBeGreaterThan(20);
    expect(restored).toBeGreaterThan(20);
  }, 300_000);
});

describe('a restored build cache', () => {
  it('lets BuildKit take every step from the cache after a reload, and the same image ID comes out', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1(`mkdir /ctx && echo data > /ctx/f.txt && printf 'FROM busybox\\nCOPY f.txt /f.txt\\nRUN echo built > /built\\nENV A=b\\n' > /ctx/Dockerfile`);
    expect(await sh1('docker build -q -t cached /ctx')).toMatch(/^sha256:[0-9a-f]{64}\n\[0\]$/);
    const id = await sh1('docker images -q --no-trunc cached');
    // the cache holds a layer no image uses once the tag moves on
    await sh1(`printf 'FROM busybox\\nRUN echo other > /other\\n' > /ctx/Dockerfile.other && docker build -q -f /ctx/Dockerfile.other -t cached /ctx`);
    await sh1('docker image prune -f');
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll(), recorderServices: true });
    const sh2 = shell(h2);
    const out = await sh2('docker build -t cached /ctx 2>&1');
    expect(out.match(/CACHED/g)?.length).toBe(2);
    expect(await sh2('docker images -q --no-trunc cached')).toBe(id);
  });
});
