import { describe, expect, it } from 'vitest';
import {
  IdNumbering,
  NameNumbering,
  chosenNames,
  foldLayerProgress,
  normaliseOutputs,
  normaliseSpaces,
  replaceBuildTimings,
  replaceDataRoot,
  replaceIds,
  replaceNames,
  replaceRelativeTimes,
  replaceSizes,
  replaceTimestamps,
  replaceTruncatedHex,
  stripColour,
} from './normalise.ts';

const A64 = '70486ea65d7299c0b8036237156089df5c3444fac740265b886344435dd44a63';
const B64 = 'e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b';
const C64 = 'd85b16565e5ec666056329ed8908a744ecc346100e2c3f9a25bae85823d761a6';

describe('rule 1: layer progress', () => {
  it('folds a run to one line per id, in first-appearance order, with the last status', () => {
    expect(
      foldLayerProgress([
        'latest: Pulling from library/busybox',
        'aa06a41bc224: Pulling fs layer',
        'bb06a41bc224: Pulling fs layer',
        'aa06a41bc224: Verifying Checksum',
        'aa06a41bc224: Download complete',
        'bb06a41bc224: Download complete',
        'aa06a41bc224: Pull complete',
        'Digest: sha256:' + C64,
      ]),
    ).toEqual([
      'latest: Pulling from library/busybox',
      'aa06a41bc224: Pull complete',
      'bb06a41bc224: Download complete',
      'Digest: sha256:' + C64,
    ]);
  });

  it('timing-dependent middle statuses compare equal', () => {
    const a = ['x: Pulling', 'aa06a41bc224: Pulling fs layer', 'aa06a41bc224: Download complete', 'aa06a41bc224: Pull complete'];
    const b = ['x: Pulling', 'aa06a41bc224: Pulling fs layer', 'aa06a41bc224: Verifying Checksum', 'aa06a41bc224: Download complete', 'aa06a41bc224: Pull complete'];
    expect(foldLayerProgress(a)).toEqual(foldLayerProgress(b));
  });

  it('any other line ends a run', () => {
    expect(
      foldLayerProgress([
        'c26eeb54cb59: Preparing',
        'c26eeb54cb59: Pushed',
        'v1: digest: sha256:' + C64 + ' size: 528',
        'c26eeb54cb59: Preparing',
        'c26eeb54cb59: Layer already exists',
      ]),
    ).toEqual(['c26eeb54cb59: Pushed', 'v1: digest: sha256:' + C64 + ' size: 528', 'c26eeb54cb59: Layer already exists']);
  });

  it('needs exactly 12 lower-case hex, a colon and a space', () => {
    const lines = ['aa06a41bc22: x', 'aa06a41bc22: y', 'AA06A41BC224: x', 'AA06A41BC224: y', 'aa06a41bc224:x', 'aa06a41bc224:y'];
    expect(foldLayerProgress(lines)).toEqual(lines);
  });
});

describe('rule 2: colour escapes', () => {
  it('removes ESC[ … letter', () => {
    expect(stripColour('\x1b[91mls: /nope: No such file or directory\n\x1b[0m')).toBe('ls: /nope: No such file or directory\n');
    expect(stripColour('a\x1b[1;31mb\x1b[Kc')).toBe('abc');
    expect(stripColour('no escapes [91m')).toBe('no escapes [91m');
  });
});

describe('rule 3: ids', () => {
  it('replaces sha256: digests whole and numbers bare and prefixed spellings alike', () => {
    const ids = new IdNumbering([A64, B64]);
    expect(replaceIds(`Deleted: sha256:${A64}`, ids)).toBe('Deleted: <H64-1>');
    expect(replaceIds(A64, ids)).toBe('<H64-1>');
    expect(replaceIds(`Deleted: sha256:${B64}`, ids)).toBe('Deleted: <H64-2>');
    expect(replaceIds(`busybox@sha256:${C64}`, ids)).toBe('busybox@<H64-3>');
  });

  it('maps a 12-hex prefix of a long id seen anywhere in the file to that id', () => {
    const ids = new IdNumbering([A64]);
    // the short spelling comes first: the long id takes its number
    expect(replaceIds('busybox      latest    70486ea65d72   2 minutes ago', ids)).toBe(
      'busybox      latest    <H12-1>   2 minutes ago',
    );
    expect(replaceIds(`Deleted: sha256:${A64}`, ids)).toBe('Deleted: <H64-1>');
  });

  it('gives a 12-hex that is no prefix of any long id a number of its own', () => {
    const ids = new IdNumbering([A64]);
    expect(replaceIds('0ead962f3252 2914f32c9895 0ead962f3252 70486ea65d72', ids)).toBe('<H12-1> <H12-2> <H12-1> <H12-3>');
    // 70486ea65d73 shares 11 digits with A64 but is not its prefix
    expect(replaceIds('70486ea65d73', ids)).toBe('<H12-4>');
    expect(replaceIds(A64, ids)).toBe('<H64-3>');
  });

  it('only replaces whole words', () => {
    const ids = new IdNumbering([]);
    expect(replaceIds('x0ead962f3252 0ead962f3252g 0ead962f32521 0ead962f325', ids)).toBe(
      'x0ead962f3252 0ead962f3252g 0ead962f32521 0ead962f325',
    );
    expect(replaceIds('a' + A64, ids)).toBe('a' + A64);
    expect(replaceIds(A64 + '0', ids)).toBe(A64 + '0');
    expect(replaceIds('[0ead962f3252] /0ead962f3252_x ---> 0ead962f3252', ids)).toBe('[<H12-1>] /<H12-1>_x ---> <H12-1>');
    expect(replaceIds('sha256:0ead962f3252', ids)).toBe('sha256:<H12-1>');
  });

  it('collects long ids from bare and sha256: spellings', () => {
    expect(IdNumbering.longIdsIn([`sha256:${A64} ${B64}`, 'x' + C64])).toEqual([A64, B64]);
  });
});

describe('rule 4: truncated hex', () => {
  it('replaces 6 to 63 hex cut short by …', () => {
    expect(replaceTruncatedHex('ADD file:2a993ffb9ed2805f0… in / ')).toBe('ADD file:<HEX>… in / ');
    expect(replaceTruncatedHex('abc12… abcdef… ' + 'a'.repeat(63) + '… ' + 'a'.repeat(64) + '…')).toBe(
      'abc12… <HEX>… <HEX>… ' + 'a'.repeat(64) + '…',
    );
    expect(replaceTruncatedHex(`"sh -c 'while true; …"`)).toBe(`"sh -c 'while true; …"`);
    expect(replaceTruncatedHex('abcdef...')).toBe('abcdef...');
  });
});

describe('rule 5: data root', () => {
  it('replaces both engines’ data roots', () => {
    expect(replaceDataRoot('"Mountpoint": "/var/lib/docker/volumes/data/_data",')).toBe(
      '"Mountpoint": "<DOCKER-ROOT>/volumes/data/_data",',
    );
    expect(replaceDataRoot('/tmp/dockerd/root/volumes/data/_data')).toBe('<DOCKER-ROOT>/volumes/data/_data');
    expect(replaceDataRoot('/var/lib/dockerd')).toBe('<DOCKER-ROOT>d');
    expect(replaceDataRoot('/var/lib/apt')).toBe('/var/lib/apt');
  });
});

describe('rule 6: timestamps', () => {
  it('replaces RFC 3339 with or without fraction and zone', () => {
    expect(replaceTimestamps('2026-11-23T13:02:06.775119527Z hello world')).toBe('<TIME> hello world');
    expect(replaceTimestamps('"Created": "2026-11-23T12:50:53Z",')).toBe('"Created": "<TIME>",');
    expect(replaceTimestamps('2026-11-23T12:50:53+01:00|2026-11-23T12:50:53.5-05:00|2026-11-23T12:50:53')).toBe(
      '<TIME>|<TIME>|<TIME>',
    );
  });

  it("replaces Go's default form", () => {
    expect(replaceTimestamps('busybox 2026-11-23 12:28:09 +0000 UTC 1.98MB')).toBe('busybox <TIME> 1.98MB');
    expect(replaceTimestamps('2026-11-23 12:28:09.123 +0100 CET')).toBe('<TIME>');
  });

  it('leaves dates alone', () => {
    expect(replaceTimestamps('2026-11-23 and 12:28:09')).toBe('2026-11-23 and 12:28:09');
  });
});

describe('rule 7: relative times', () => {
  it('replaces spans followed by ago', () => {
    for (const span of ['Less than a second', '1 second', '3 seconds', 'About a minute', '5 minutes', 'About an hour', '2 hours', '3 days', '2 weeks', '4 months', '10 years']) {
      expect(replaceRelativeTimes(`${span} ago`)).toBe('<AGO>');
    }
    expect(replaceRelativeTimes('Exited (0) 2 minutes ago')).toBe('Exited (0) <AGO>');
    expect(replaceRelativeTimes('Exited (137) Less than a second ago')).toBe('Exited (137) <AGO>');
    expect(replaceRelativeTimes('1 second ago   Exited (0) Less than a second ago   x')).toBe('<AGO>   Exited (0) <AGO>   x');
  });

  it('replaces spans after Up, keeping what follows', () => {
    expect(replaceRelativeTimes('Up Less than a second (Paused)')).toBe('Up <DUR> (Paused)');
    expect(replaceRelativeTimes('Up 2 seconds (healthy)')).toBe('Up <DUR> (healthy)');
    expect(replaceRelativeTimes('web Up About an hour')).toBe('web Up <DUR>');
    expect(replaceRelativeTimes('Up 3 minutes')).toBe('Up <DUR>');
  });

  it('leaves other text alone', () => {
    expect(replaceRelativeTimes('sleep 3 seconds')).toBe('sleep 3 seconds');
    expect(replaceRelativeTimes('Up to date')).toBe('Up to date');
    expect(replaceRelativeTimes('Created')).toBe('Created');
    expect(replaceRelativeTimes('13 secondsago')).toBe('13 secondsago');
    expect(replaceRelativeTimes('a minute ago')).toBe('a minute ago');
  });
});

describe('rule 8: sizes', () => {
  it('replaces a size other than 0B', () => {
    expect(replaceSizes('busybox latest x <AGO> 1.98MB')).toBe('busybox latest x <AGO> <SIZE>');
    expect(replaceSizes('0B (virtual 1.98MB)')).toBe('0B (virtual <SIZE>)');
    expect(replaceSizes('4.1kB 210MB 12B 3GB 1TB 2.5KiB 7MiB 1GiB')).toBe('<SIZE> <SIZE> <SIZE> <SIZE> <SIZE> <SIZE> <SIZE> <SIZE>');
    expect(replaceSizes('0B')).toBe('0B');
    expect(replaceSizes('0.0B 00B 0kB')).toBe('<SIZE> <SIZE> <SIZE>');
  });

  it('needs the unit right after the number', () => {
    expect(replaceSizes('1.98 MB')).toBe('1.98 MB');
    expect(replaceSizes('v2B x2B 2Bytes 2mb')).toBe('v2B x2B 2Bytes 2mb');
  });

  it('replaces the byte count ending a push', () => {
    expect(replaceSizes('v1: digest: <H64-2> size: 528')).toBe('v1: digest: <H64-2> size: <SIZE>');
    expect(replaceSizes('latest: digest: sha256:abc size: 1234  ')).toBe('latest: digest: sha256:abc size: <SIZE>  ');
    expect(replaceSizes('size: 528')).toBe('size: 528');
    expect(replaceSizes('v1: digest: <H64-2> size: 528 bytes')).toBe('v1: digest: <H64-2> size: 528 bytes');
  });
});

describe('rule 9: generated names', () => {
  it('numbers generated names by first appearance, inside docker ps tables too', () => {
    const names = new NameNumbering();
    expect(replaceNames('<H12-3>   busybox   "echo Hello World"   <AGO>   Exited (0) <AGO>             nervous_shaw', names)).toBe(
      '<H12-3>   busybox   "echo Hello World"   <AGO>   Exited (0) <AGO>             <NAME-1>',
    );
    expect(replaceNames('elated_hugle nervous_shaw elated_hugle3', names)).toBe('<NAME-2> <NAME-1> <NAME-3>');
    expect(replaceNames('Error response from daemon: No such container: /elated_hugle', names)).toBe(
      'Error response from daemon: No such container: /<NAME-2>',
    );
  });

  it('leaves other words and --name names alone', () => {
    const names = new NameNumbering(new Set(['happy_turing']));
    expect(replaceNames('my_web boring_wozniak nervous_shaw12 x_nervous_shaw nervous_shaw_x happy_turing', names)).toBe(
      'my_web boring_wozniak nervous_shaw12 x_nervous_shaw nervous_shaw_x happy_turing',
    );
  });

  it('finds --name names in command text', () => {
    expect(
      chosenNames([
        'docker run -d --name loop busybox',
        "docker create --name='happy_turing' busybox && docker run --name \"x y\" busybox",
        'docker run --name=web2 busybox; docker ps --format {{.Names}}',
        'docker run --namespace foo busybox',
      ]),
    ).toEqual(new Set(['loop', 'happy_turing', 'x y', 'web2']));
  });
});

describe('rule 10: BuildKit timings', () => {
  it('replaces decimal seconds', () => {
    expect(replaceBuildTimings('#5 DONE 0.3s')).toBe('#5 DONE <T>');
    expect(replaceBuildTimings('#5 12.05s')).toBe('#5 <T>');
    expect(replaceBuildTimings('sleep 10s; v1.0.3s 0.3sec')).toBe('sleep 10s; v1.0.3s 0.3sec');
  });
});

describe('rule 11: spaces', () => {
  it('drops trailing spaces and tabs, then turns runs of 2+ spaces into a tab', () => {
    expect(normaliseSpaces('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES')).toBe(
      'CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES',
    );
    expect(normaliseSpaces('a b  \t ')).toBe('a b');
    expect(normaliseSpaces('   indented')).toBe('\tindented');
    expect(normaliseSpaces('a\t\tb')).toBe('a\t\tb');
    expect(normaliseSpaces('')).toBe('');
  });
});

describe('a whole file', () => {
  it('applies the rules in order with one set of counters per file', () => {
    const out = normaliseOutputs(
      [
        ['REPOSITORY   TAG       IMAGE ID   CREATED   SIZE'],
        [
          'Using default tag: latest',
          'latest: Pulling from library/busybox',
          'aa06a41bc224: Pulling fs layer',
          'aa06a41bc224: Download complete',
          'aa06a41bc224: Pull complete',
          `Digest: sha256:${C64}`,
          'Status: Downloaded newer image for busybox:latest',
        ],
        [
          'REPOSITORY   TAG       IMAGE ID       CREATED              SIZE',
          'busybox      latest    70486ea65d72   About a minute ago   1.98MB   ',
        ],
        [`Untagged: busybox@sha256:${C64}`, `Deleted: sha256:${A64}`],
        ['\x1b[91mfailed\x1b[0m', 'Step 2/2 : ADD file:2a993ffb9ed2805f0… in /'],
        ['elated_hugle  loop', 'Up 3 seconds (Paused)'],
      ],
      ['docker images', 'docker pull busybox', 'docker images', 'docker rmi busybox', 'x', 'docker run --name loop busybox'],
    );
    expect(out).toEqual([
      ['REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE'],
      [
        'Using default tag: latest',
        'latest: Pulling from library/busybox',
        '<H12-1>: Pull complete',
        'Digest: <H64-2>',
        'Status: Downloaded newer image for busybox:latest',
      ],
      ['REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE', 'busybox\tlatest\t<H12-3>\t<AGO>\t<SIZE>'],
      ['Untagged: busybox@<H64-2>', 'Deleted: <H64-3>'],
      ['failed', 'Step 2/2 : ADD file:<HEX>… in /'],
      ['<NAME-1>\tloop', 'Up <DUR> (Paused)'],
    ]);
  });

  it('uses separate counters for separate files', () => {
    const a = normaliseOutputs([['0ead962f3252 nervous_shaw']]);
    const b = normaliseOutputs([['2914f32c9895 elated_hugle']]);
    expect(a).toEqual(b);
  });

  it('does not confuse different ids', () => {
    const a = normaliseOutputs([['0ead962f3252'], ['0ead962f3252']]);
    const b = normaliseOutputs([['0ead962f3252'], ['2914f32c9895']]);
    expect(a).not.toEqual(b);
  });

  it('is idempotent', () => {
    const raw = [
      ['aa06a41bc224: Pulling fs layer', 'aa06a41bc224: Pull complete', `Digest: sha256:${C64}`],
      ['busybox      latest    70486ea65d72   About a minute ago   1.98MB', `Deleted: sha256:${A64}`],
      ['x   nervous_shaw   Up Less than a second   0B (virtual 1.98MB)   2026-11-23T13:02:06.775119527Z'],
    ];
    const once = normaliseOutputs(raw);
    expect(normaliseOutputs(once)).toEqual(once);
  });
});
