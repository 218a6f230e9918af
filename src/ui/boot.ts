// The page's workspace, created before the rest of the page's code is
// evaluated: main.ts imports this module first (after the marks), so the tab
// lock and the database are asked for while the browser still evaluates
// xterm, Svelte and the page, and the lock's answer is usually in by the time
// the page mounts.
import { Workspace } from './workspace.svelte.ts';

export const workspace = new Workspace();
