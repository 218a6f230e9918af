// daemon.json as dockerd 28 reads it: Go's JSON errors, unknown keys,
// conflicts with docker.service's flags, types, and the registry settings
// checked once the daemon is starting.
import { describe, expect, it } from 'vitest';
import { UnionFs } from '../fs/union.ts';
import { LayerTree } from '../layer/tree.ts';
import { isConfigFailure, loadDaemonConfig } from './config.ts';
import { newServiceConfig, validateMirror } from './registry-config.ts';

function load(text: string | null) {
  const fs = new UnionFs([new LayerTree()], { clock: { now: () => 0 } });
  fs.mkdir('/etc/docker', { recursive: true });
  if (text !== null) fs.writeFile('/etc/docker/daemon.json', new TextEncoder().encode(text));
  return loadDaemonConfig(fs);
}

/** The message dockerd exits with, or 'OK'. */
function outcome(text: string | null): string {
  const r = load(text);
  return isConfigFailure(r) ? r.message : 'OK';
}

const unable = (why: string) => `unable to configure the Docker daemon with file /etc/docker/daemon.json: ${why}`;

describe('daemon.json syntax (Go encoding/json)', () => {
  it.each([
    ['{"a": 1}\n{"b": 2}', "invalid character '{' after top-level value"],
    ['{"registry-mirrors": ["x"],}', "invalid character '}' looking for beginning of object key string"],
    ['{"debug": true', 'unexpected end of JSON input'],
    ["{'debug': true}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"debug" true}', "invalid character 't' after object key"],
    ['{"debug": true "x": 1}', `invalid character '"' after object key:value pair`],
    ['{"dns": ["8.8.8.8" "1.1.1.1"]}', `invalid character '"' after array element`],
    ['{"debug": tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"debug": yes}', "invalid character 'y' looking for beginning of value"],
    ['{\u201cdebug\u201d: true}', "invalid character 'â' looking for beginning of object key string"],
    ['{"mtu": 01}', "invalid character '1' after object key:value pair"],
    ['{"mtu": 1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a": "x\ty"}', "invalid character '\\t' in string literal"],
    ['{"a": "\\q"}', "invalid character 'q' in string escape code"],
  ])('%s', (text, why) => {
    expect(outcome(text)).toBe(unable(why));
  });

  it('an empty or missing file is the default configuration', () => {
    expect(outcome(null)).toBe('OK');
    expect(outcome('  \n')).toBe('OK');
    expect(outcome('{}')).toBe('OK');
  });

  it('the top level must be an object', () => {
    expect(outcome('["x"]')).toBe(unable('json: cannot unmarshal array into Go value of type map[string]interface {}'));
    expect(outcome('"x"')).toBe(unable('json: cannot unmarshal string into Go value of type map[string]interface {}'));
  });
});

describe('daemon.json keys', () => {
  it('unknown keys, graph (removed in Docker 23) among them', () => {
    expect(outcome('{"graph": "/data/docker"}')).toBe(unable("the following directives don't match any configuration option: graph"));
    expect(outcome('{"foo": 1, "registry-mirror": ["https://a"], "bar": 2}')).toBe(unable("the following directives don't match any configuration option: foo, bar"));
  });

  it('hosts conflicts with docker.service\'s -H fd://', () => {
    expect(outcome('{"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"]}')).toBe(
      unable('the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [unix:///var/run/docker.sock tcp://0.0.0.0:2375])'),
    );
  });

  it('values of the wrong type', () => {
    expect(outcome('{"debug": "true"}')).toBe(unable('json: cannot unmarshal string into Go struct field Config.CommonConfig.debug of type bool'));
    expect(outcome('{"registry-mirrors": "https://a"}')).toBe(
      unable('json: cannot unmarshal string into Go struct field Config.CommonConfig.ServiceOptions.registry-mirrors of type []string'),
    );
    expect(outcome('{"log-level": "verbose"}')).toBe(unable('merged configuration validation from file and command line flags failed: invalid logging level: verbose'));
  });

  it('the common keys are kept; registry settings and debug are read', () => {
    const r = load(
      '{"registry-mirrors": ["https://a.example.com/", "https://a.example.com"], "insecure-registries": ["http://10.0.0.5:5000", "10.1.0.0/16"], "debug": true, "dns": ["8.8.8.8"], "storage-driver": "overlay2", "log-driver": "json-file", "data-root": "/data/docker", "live-restore": true}',
    );
    if (isConfigFailure(r)) throw new Error(r.message);
    expect(r.config.registryMirrors).toEqual(['https://a.example.com/']);
    expect(r.config.insecureRegistries).toEqual(['10.0.0.5:5000', '10.1.0.0/16']);
    expect(r.config.debug).toBe(true);
    expect(r.config.extra).toEqual({ dns: ['8.8.8.8'], 'storage-driver': 'overlay2', 'log-driver': 'json-file', 'data-root': '/data/docker', 'live-restore': true });
    expect(r.warnings).toEqual(["insecure registry http://10.0.0.5:5000 should not contain 'http://' and 'http://' has been removed from the insecure registry config"]);
    expect(r.registry.insecureCIDRs).toEqual(['10.1.0.0/16', '::1/128', '127.0.0.0/8']);
  });
});

describe('registry settings (moby registry/config.go)', () => {
  it('mirrors get one trailing slash; a scheme is required', () => {
    expect(validateMirror('https://n6syp70m.mirror.aliyuncs.com')).toBe('https://n6syp70m.mirror.aliyuncs.com/');
    expect(validateMirror('http://10.0.0.1:5000/')).toBe('http://10.0.0.1:5000/');
    expect(outcome('{"registry-mirrors": ["n6syp70m.mirror.aliyuncs.com"]}')).toBe('failed to start daemon: invalid mirror: unsupported scheme "" in "n6syp70m.mirror.aliyuncs.com"');
    expect(outcome('{"registry-mirrors": ["192.168.1.1:5000"]}')).toBe(
      'failed to start daemon: invalid mirror: "192.168.1.1:5000" is not a valid URI: parse "192.168.1.1:5000": first path segment in URL cannot contain colon',
    );
    expect(outcome('{"registry-mirrors": ["https://a.com/?x=1"]}')).toBe('failed to start daemon: invalid mirror: query or fragment at end of the URI "https://a.com/?x=1"');
    expect(outcome('{"registry-mirrors": ["https://u:p@a.com"]}')).toBe('failed to start daemon: invalid mirror: username/password not allowed in URI "https://u:xxxxx@a.com"');
  });

  it('insecure registries: names, CIDRs, and what is refused', () => {
    expect(newServiceConfig([], ['192.168.2.100:8086', '10.0.0.7/8'])).toMatchObject({ insecureNames: ['192.168.2.100:8086'], insecureCIDRs: ['10.0.0.0/8', '::1/128', '127.0.0.0/8'] });
    expect(outcome('{"insecure-registries": ["ftp://x"]}')).toBe("failed to start daemon: insecure registry ftp://x should not contain '://'");
    expect(outcome('{"insecure-registries": ["my_registry:5000"]}')).toBe('failed to start daemon: insecure registry my_registry:5000 is not valid: invalid host "my_registry"');
    expect(outcome('{"insecure-registries": ["reg:99999"]}')).toBe('failed to start daemon: insecure registry reg:99999 is not valid: invalid port "99999"');
    expect(outcome('{"insecure-registries": ["-reg"]}')).toBe('failed to start daemon: invalid index name (-reg). Cannot begin or end with a hyphen');
  });
});
