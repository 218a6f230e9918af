import { describe, expect, it } from 'vitest';
import { parseIP, parsePortSpec, parsePublishFlags, PortTable } from './ports.ts';

const spec = (raw: string) => parsePortSpec(raw).map((m) => [m.port, m.binding.HostIp, m.binding.HostPort]);
const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('port specs (go-connections/nat ParsePortSpec)', () => {
  it('reads the forms -p takes', () => {
    expect(spec('5000')).toEqual([['5000/tcp', '', '']]);
    expect(spec('5000:5000')).toEqual([['5000/tcp', '', '5000']]);
    expect(spec('127.0.0.1:8080:80')).toEqual([['80/tcp', '127.0.0.1', '8080']]);
    expect(spec('8080:80/udp')).toEqual([['80/udp', '', '8080']]);
    expect(spec('8080:80/UDP')).toEqual([['80/udp', '', '8080']]);
    expect(spec('8000-8001:80-81')).toEqual([['80/tcp', '', '8000'], ['81/tcp', '', '8001']]);
    expect(spec('8000-8010:80')).toEqual([['80/tcp', '', '8000-8010']]);
    expect(spec('[::1]:80:80')).toEqual([['80/tcp', '::1', '80']]);
    expect(spec(':80')).toEqual([['80/tcp', '', '']]);
    expect(spec('127.0.0.1::80')).toEqual([['80/tcp', '127.0.0.1', '']]);
  });

  it('refuses bad ones with docker/cli words', () => {
    expect(error(() => parsePortSpec('x'))).toBe('invalid containerPort: x');
    expect(error(() => parsePortSpec('70000'))).toBe('invalid containerPort: 70000');
    expect(error(() => parsePortSpec('x:80'))).toBe('invalid hostPort: x');
    expect(error(() => parsePortSpec('1.2.3:80:80'))).toBe('invalid IP address: 1.2.3');
    expect(error(() => parsePortSpec('80/ftp'))).toBe('invalid proto: ftp');
    expect(error(() => parsePortSpec('8000-8002:80-81'))).toBe('invalid ranges specified for container and host Ports: 80-81 and 8000-8002');
    expect(error(() => parsePortSpec('8080:'))).toBe('no port specified: 8080:<empty>');
    expect(error(() => parsePortSpec('81-80'))).toBe('invalid containerPort: 81-80');
  });

  it('merges --expose, and refuses its bad values', () => {
    const r = parsePublishFlags(['5000:5000'], ['80', '7000-7001/udp', '5000']);
    expect(r.exposed).toEqual(['5000/tcp', '80/tcp', '7000/udp', '7001/udp']);
    expect(r.bindings).toEqual({ '5000/tcp': [{ HostIp: '', HostPort: '5000' }] });
    expect(error(() => parsePublishFlags([], ['1:2']))).toBe('invalid port format for --expose: 1:2');
    expect(error(() => parsePublishFlags([], ['x']))).toBe('invalid range format for --expose: x, error: strconv.ParseUint: parsing "x": invalid syntax');
    expect(parsePublishFlags(['published=8080,target=80'], []).bindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(error(() => parsePublishFlags(['target'], []))).toBe('invalid containerPort: target');
    expect(error(() => parsePublishFlags(['target=80,x'], []))).toBe("invalid publish opts format (should be name=value but got 'x')");
  });

  it('prints addresses as Go does', () => {
    expect(parseIP('::1')).toBe('::1');
    expect(parseIP('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(parseIP('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(parseIP('2001:DB8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(parseIP('01.2.3.4')).toBeNull();
    expect(parseIP('localhost')).toBeNull();
  });
});

describe('PortTable (moby portallocator and bridge port mapping)', () => {
  const req = (bindings: Record<string, Array<{ HostIp: string; HostPort: string }>>, exposed: string[] = [], publishAll = false) => ({ exposed, bindings, publishAll });

  it('binds 0.0.0.0 and :: for a plain -p, and refuses the port a second time', () => {
    const t = new PortTable();
    expect(t.bind('a', req({ '5000/tcp': [{ HostIp: '', HostPort: '5000' }] }))).toEqual({
      map: { '5000/tcp': [{ HostIp: '0.0.0.0', HostPort: '5000' }, { HostIp: '::', HostPort: '5000' }] },
    });
    expect(t.bind('b', req({ '5000/tcp': [{ HostIp: '', HostPort: '5000' }] }))).toEqual({ error: 'Bind for 0.0.0.0:5000 failed: port is already allocated' });
    expect(t.find(5000)?.containerId).toBe('a');
    t.release('a');
    expect(t.find(5000)).toBeUndefined();
    expect('map' in t.bind('b', req({ '5000/tcp': [{ HostIp: '', HostPort: '5000' }] }))).toBe(true);
  });

  it('hands out ephemeral ports after the last one given, as the allocator does', () => {
    const t = new PortTable();
    const r1 = t.bind('a', req({}, ['80/tcp', '443/tcp'], true));
    expect(r1).toEqual({
      map: {
        '443/tcp': [{ HostIp: '0.0.0.0', HostPort: '32769' }, { HostIp: '::', HostPort: '32769' }],
        '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32768' }, { HostIp: '::', HostPort: '32768' }],
      },
    });
    t.release('a');
    const r2 = t.bind('b', req({ '80/tcp': [{ HostIp: '', HostPort: '' }] }));
    expect(r2).toEqual({ map: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32770' }, { HostIp: '::', HostPort: '32770' }] } });
  });

  it('lists exposed-only ports as null and summarises for ps', () => {
    const t = new PortTable();
    t.bind('a', req({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }, ['80/tcp', '8080/tcp']));
    expect(t.portMap('a')).toEqual({ '80/tcp': null, '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
    expect(t.summary('a')).toEqual([
      { privatePort: 80, type: 'tcp' },
      { privatePort: 8080, type: 'tcp', publicPort: 8080, ip: '127.0.0.1' },
    ]);
  });

  it('fails a bind on an address a wider binding or a host service holds', () => {
    const t = new PortTable();
    t.bind('a', req({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] }));
    expect(t.bind('b', req({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }))).toEqual({
      error: 'failed to bind host port for 127.0.0.1:8080:172.17.0.2:80/tcp: address already in use',
    });
    expect(t.bind('c', req({ '5000/tcp': [{ HostIp: '', HostPort: '5000' }] }), (p) => p === 5000)).toEqual({
      error: 'failed to bind host port for 0.0.0.0:5000:172.17.0.2:5000/tcp: address already in use',
    });
    // nothing of the failed containers stays allocated
    expect(t.published().map((b) => b.hostPort)).toEqual([8080]);
  });

  it('picks a free port in a host range', () => {
    const t = new PortTable();
    t.bind('a', req({ '80/tcp': [{ HostIp: '', HostPort: '8000' }] }));
    const r = t.bind('b', req({ '80/tcp': [{ HostIp: '', HostPort: '8000-8001' }] }));
    expect(r).toEqual({ map: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8001' }, { HostIp: '::', HostPort: '8001' }] } });
  });
});
