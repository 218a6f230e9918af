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
const state = (name: string, ...states: Array<string | null>): PanelCheck => ({ kind: 'state', name, states });
const tag = (t: string, present: boolean): PanelCheck => ({ kind: 'tag', tag: t, present });

export const CASES: CommandCase[] = [
  { label: 'key_echo', key: 'x', line: () => '', expect: () => '[#$] x$', panel: () => none },
  { label: 'create', tab: 'lifecycle', line: (i) => `docker create --name b${i} busybox sleep 1000`, expect: () => '^[0-9a-f]{64}$', panel: (i) => state(`b${i}`, 'created') },
  { label: 'start', tab: 'lifecycle', line: (i) => `docker start b${i}`, expect: (i) => `^b${i}$`, panel: (i) => state(`b${i}`, 'running') },
  { label: 'ps', line: () => 'docker ps', expect: (i) => `^CONTAINER ID[^\\n]*\\n(.*\\n)*.* b${i}$`, panel: () => none },
  { label: 'inspect', line: (i) => `docker inspect b${i}`, expect: (i) => `"Name": "/b${i}"`, panel: () => none },
  { label: 'pause', tab: 'lifecycle', line: (i) => `docker pause b${i}`, expect: (i) => `^b${i}$`, panel: (i) => state(`b${i}`, 'paused') },
  { label: 'unpause', tab: 'lifecycle', line: (i) => `docker unpause b${i}`, expect: (i) => `^b${i}$`, panel: (i) => state(`b${i}`, 'running') },
  { label: 'restart', tab: 'lifecycle', line: (i) => `docker restart -t 0 b${i}`, expect: (i) => `^b${i}$`, panel: (i) => state(`b${i}`, 'running') },
  { label: 'logs', line: (i) => `docker logs b${i}`, expect: () => '^$', panel: () => none },
  { label: 'diff', line: (i) => `docker diff b${i}`, expect: () => '^$', panel: () => none },
  { label: 'stop', tab: 'lifecycle', line: (i) => `docker stop -t 0 b${i}`, expect: (i) => `^b${i}$`, panel: (i) => state(`b${i}`, 'exited') },
  { label: 'ps_all', line: () => 'docker ps -a', expect: (i) => `^CONTAINER ID[^\\n]*\\n(.*\\n)*.*Exited \\(137\\).* b${i}$`, panel: () => none },
  { label: 'wait', line: (i) => `docker wait b${i}`, expect: () => '^137$', panel: () => none },
  { label: 'rename', tab: 'lifecycle', line: (i) => `docker rename b${i} r${i}`, expect: () => '^$', panel: (i) => state(`r${i}`, 'exited') },
  { label: 'rm', tab: 'lifecycle', line: (i) => `docker rm r${i}`, expect: (i) => `^r${i}$`, panel: (i) => state(`r${i}`, 'removed', null) },
  { label: 'run_detached', tab: 'lifecycle', line: (i) => `docker run -d --name k${i} busybox sleep 1000`, expect: () => '^[0-9a-f]{64}$', panel: (i) => state(`k${i}`, 'running') },
  { label: 'kill', tab: 'lifecycle', line: (i) => `docker kill k${i}`, expect: (i) => `^k${i}$`, panel: (i) => state(`k${i}`, 'exited') },
  { label: 'commit', tab: 'images', line: (i) => `docker commit k${i} c${i}`, expect: () => '^sha256:[0-9a-f]{64}$', panel: (i) => tag(`c${i}:latest`, true) },
  { label: 'history', line: (i) => `docker history c${i}`, expect: () => '^IMAGE ', panel: () => none },
  { label: 'container_prune', tab: 'lifecycle', line: () => 'docker container prune -f', expect: () => '^Total reclaimed space: ', panel: (i) => state(`k${i}`, 'removed', null) },
  { label: 'rmi_delete', tab: 'images', line: (i) => `docker rmi c${i}`, expect: (i) => `^Untagged: c${i}:latest\\nDeleted: sha256:`, panel: (i) => tag(`c${i}:latest`, false) },
  { label: 'image_prune', line: () => 'docker image prune -f', expect: () => '^Total reclaimed space: 0B$', panel: () => none },
  { label: 'tag', tab: 'images', line: (i) => `docker tag busybox t${i}`, expect: () => '^$', panel: (i) => tag(`t${i}:latest`, true) },
  { label: 'images', line: () => 'docker images', expect: (i) => `^REPOSITORY[^\\n]*\\n(.*\\n)*t${i} `, panel: () => none },
  { label: 'rmi', tab: 'images', line: (i) => `docker rmi t${i}`, expect: (i) => `^Untagged: t${i}:latest$`, panel: (i) => tag(`t${i}:latest`, false) },
  { label: 'pull', line: () => 'docker pull busybox', expect: () => '^Status: Image is up to date for busybox:latest$', panel: () => none },
  { label: 'run_echo', tab: 'lifecycle', line: () => 'docker run --rm busybox echo hi', expect: () => '^hi$', panel: () => none },
  { label: 'version', line: () => 'docker version', expect: () => '^Server: ', panel: () => none },
  { label: 'info', line: () => 'docker info', expect: () => '^Server:$', panel: () => none },
];

export const commandMetric = (c: CommandCase) => (c.key ? `browser_${c.label}_ms` : `browser_cmd_${c.label}_ms`);

/** Every metric the browser half measures, in order. */
export const BROWSER_NAMES: readonly string[] = [...LOAD_NAMES, ...CASES.map(commandMetric), RELOAD_NAME];

