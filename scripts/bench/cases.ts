// What the browser benchmark measures (scripts/bench/browser.ts), apart from
// the code that measures it, so `berth bench` can check metric names
// without loading Vite and Playwright.
import type { PanelCheck } from './recorder.ts';

export const LOAD_NAMES = ['browser_initial_js_gzip_bytes', 'browser_prompt_drawn_ms', 'browser_first_command_ms'];
export const RELOAD_NAME = 'browser_reload_200_images_1000_containers_ms';

export interface CommandCase {
  label: string;
  /** The i-th sample's command line, what its output matches and what the panel shows after it. */
  line(i: number): string;
  expect(i: number): string;
  panel(i: number): PanelCheck;
  /** The panel tab to show while it runs. */
  tab?: 'lifecycle' | 'images';
  /**
   * The key timed instead of a command's Enter (nothing typed before it;
   * Backspace after it, untimed). `expect` then matches the prompt's row.
   */
  key?: string;
}

export const none: PanelCheck = { kind: 'none' };

/**
 * The learner's everyday commands, in an order where each sample leaves the
 * state as it found it; first, a key typed at the prompt (no command): the
 * shortest path from a key to the screen, the floor of every figure.
 */
export const CASES: CommandCase[] = [
  { label: 'key_echo', key: 'x', line: () => '', expect: () => '[#$] x$', panel: () => none },
  { label: 'create', tab: 'lifecycle', line: (i) => `docker create --name b${i} busybox sleep 1000`, expect: () => '^[0-9a-f]{64}$', panel: (i) => ({ kind: 'state', name: `b${i}`, states: ['created'] }) },
  { label: 'start', tab: 'lifecycle', line: (i) => `docker start b${i}`, expect: (i) => `^b${i}$`, panel: (i) => ({ kind: 'state', name: `b${i}`, states: ['running'] }) },
  { label: 'ps', line: () => 'docker ps', expect: (i) => `^CONTAINER ID[^\\n]*\\n(.*\\n)*.* b${i}$`, panel: () => none },
  { label: 'inspect', line: (i) => `docker inspect b${i}`, expect: (i) => `"Name": "/b${i}"`, panel: () => none },
  { label: 'stop', tab: 'lifecycle', line: (i) => `docker stop -t 0 b${i}`, expect: (i) => `^b${i}$`, panel: (i) => ({ kind: 'state', name: `b${i}`, states: ['exited'] }) },
  { label: 'ps_all', line: () => 'docker ps -a', expect: (i) => `^CONTAINER ID[^\\n]*\\n(.*\\n)*.*Exited \\(137\\).* b${i}$`, panel: () => none },
  { label: 'rm', tab: 'lifecycle', line: (i) => `docker rm b${i}`, expect: (i) => `^b${i}$`, panel: (i) => ({ kind: 'state', name: `b${i}`, states: ['removed', null] }) },
  { label: 'tag', tab: 'images', line: (i) => `docker tag busybox t${i}`, expect: () => '^$', panel: (i) => ({ kind: 'tag', tag: `t${i}:latest`, present: true }) },
  { label: 'images', line: () => 'docker images', expect: (i) => `^REPOSITORY[^\\n]*\\n(.*\\n)*t${i} `, panel: () => none },
  { label: 'rmi', tab: 'images', line: (i) => `docker rmi t${i}`, expect: (i) => `^Untagged: t${i}:latest$`, panel: (i) => ({ kind: 'tag', tag: `t${i}:latest`, present: false }) },
  { label: 'run_echo', tab: 'lifecycle', line: () => 'docker run --rm busybox echo hi', expect: () => '^hi$', panel: () => none },
];

export const commandMetric = (c: CommandCase) => (c.key ? `browser_${c.label}_ms` : `browser_cmd_${c.label}_ms`);

/** Every metric the browser half measures, in order. */
export const BROWSER_NAMES: readonly string[] = [...LOAD_NAMES, ...CASES.map(commandMetric), RELOAD_NAME];

