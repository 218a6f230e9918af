import { describe, expect, it } from 'vitest';
import {
  ALIGN_RIGHT,
  DEBUG,
  DISCARD_EMPTY_COLUMNS,
  TabWriter,
  displayWidth,
  dockerTable,
  tabwrite,
  type TabWriterOptions,
} from './tabwriter.ts';

describe('Docker tables (minwidth 10, tabwidth 1, padding 3, spaces)', () => {
  it('docker images with no images: the header alone', () => {
    expect(tabwrite('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n')).toBe(
      'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
    );
  });

  it('docker images with one image', () => {
    const out = dockerTable([
      ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
      ['busybox', 'latest', '70486ea65d72', 'About a minute ago', '1.98MB'],
    ]);
    expect(out).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED              SIZE\n' +
        'busybox      latest    70486ea65d72   About a minute ago   1.98MB\n',
    );
  });

  it('docker ps -a with no containers (minwidth includes the padding)', () => {
    expect(dockerTable([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']])).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });

  it('docker ps -a where PORTS is empty in every row: empty cells are padded too', () => {
    const out = dockerTable([
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      ['a1b2c3d4e5f6', 'busybox', '"sh"', '10 seconds ago', 'Exited (0) 9 seconds ago', '', 'happy_turing'],
      ['0f9e8d7c6b5a', 'alpine', '"/bin/sh"', '2 minutes ago', 'Exited (0) 2 minutes ago', '', 'quirky_hopper'],
    ]);
    expect(out).toBe(
      'CONTAINER ID   IMAGE     COMMAND     CREATED          STATUS                     PORTS     NAMES\n' +
        'a1b2c3d4e5f6   busybox   "sh"        10 seconds ago   Exited (0) 9 seconds ago             happy_turing\n' +
        '0f9e8d7c6b5a   alpine    "/bin/sh"   2 minutes ago    Exited (0) 2 minutes ago             quirky_hopper\n',
    );
  });

  it('docker ps with a running container publishing a port', () => {
    const out = dockerTable([
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      [
        '3f4e8b2c1a9d',
        'nginx',
        '"/docker-entrypoint.…"',
        '5 seconds ago',
        'Up 4 seconds',
        '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
        'web',
      ],
    ]);
    expect(out).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES\n' +
        '3f4e8b2c1a9d   nginx     "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n',
    );
  });

  it('does not pad the last cell, even when it is empty', () => {
    expect(tabwrite('NAME\tDRIVER\n')).toBe('NAME      DRIVER\n');
    expect(tabwrite('a\tb\n\tx\n')).toBe('a         b\n          x\n');
  });

  it('measures wide characters as go-runewidth does', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('abc')).toBe(3);
    expect(tabwrite('日本語\tx\nab\ty\n')).toBe('日本語    x\nab        y\n');
  });
});

describe('column blocks', () => {
  const opts: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', flags: 0 };

  it('ends a column at a line with fewer cells; later lines start new columns', () => {
    expect(tabwrite('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n', opts)).toBe(
      'aaaa.bbb.d\naa...b...dd\na....\naa...cccc.eee\n',
    );
  });

  it('a line without tabs breaks every column', () => {
    expect(tabwrite('a\tb\nheading\nccc\td\n', opts)).toBe('a.b\nheading\nccc.d\n');
  });

  it('writes the same in chunks as all at once', () => {
    const src = 'REPOSITORY\tTAG\tIMAGE ID\nbusybox\tlatest\t70486ea65d72\n';
    const w = new TabWriter();
    for (const ch of src) w.write(ch);
    expect(w.flush()).toBe(tabwrite(src));
    expect(w.flush()).toBe('');
  });
});

// The table from Go's text/tabwriter tests (the HTML-filter and escape cases
// aside). Go's own tabwriter counts runes, so these measure with 'runes'.
const goCases: [string, number, number, number, string, number, string, string][] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['1a debug', 8, 0, 1, '.', DEBUG, '', ''],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['4b', 8, 0, 1, '.', ALIGN_RIGHT, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5c debug', 8, 0, 1, '.', DEBUG, '*\t*\t', '*.......|*'],
  ['5d', 8, 0, 1, '.', ALIGN_RIGHT, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['9c debug', 1, 0, 0, '.', DEBUG, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1|2|3|4\n---\n11|222|3333|44444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11',
    8,
    0,
    1,
    '.',
    0,
    '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  ],
  [
    '12a',
    8,
    0,
    1,
    ' ',
    ALIGN_RIGHT,
    'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
    '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
  ],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  [
    '12c',
    8,
    0,
    1,
    '_',
    0,
    'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  ],
  [
    '13a',
    4,
    0,
    1,
    '-',
    0,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  [
    '13b',
    4,
    0,
    3,
    '.',
    0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  ],
  [
    '14',
    1,
    0,
    2,
    ' ',
    ALIGN_RIGHT,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3',
  ],
  [
    '14 debug',
    1,
    0,
    2,
    ' ',
    ALIGN_RIGHT | DEBUG,
    '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t',
    '    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|',
  ],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', ALIGN_RIGHT | DISCARD_EMPTY_COLUMNS, 'a\v\vb', '...ab'],
  [
    '16a',
    100,
    100,
    0,
    '\t',
    0,
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
  [
    '16b',
    100,
    100,
    0,
    '\t',
    DISCARD_EMPTY_COLUMNS,
    'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
  [
    '16b debug',
    100,
    100,
    0,
    '\t',
    DISCARD_EMPTY_COLUMNS | DEBUG,
    'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  ],
  [
    '16c debug',
    100,
    100,
    0,
    '\t',
    DISCARD_EMPTY_COLUMNS | DEBUG,
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n',
  ],
];

describe("Go's tabwriter test table", () => {
  it.each(goCases)('%s', (_name, minwidth, tabwidth, padding, padchar, flags, src, want) => {
    const opts: TabWriterOptions = { minwidth, tabwidth, padding, padchar, flags, measure: 'runes' };
    expect(tabwrite(src, opts)).toBe(want);
    // byte-by-byte, as Go's test also writes it
    const w = new TabWriter(opts);
    for (const ch of src) w.write(ch);
    expect(w.flush()).toBe(want);
  });
});
