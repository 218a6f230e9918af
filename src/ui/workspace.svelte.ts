// The learner's workspace: the simulated host the page's terminals and
// panels share.
import { createHost, type SimulatedHost } from '../shell/host.ts';
import { browserPlatform } from './platform.ts';
import { MemoryHistory } from './terminal/history.ts';

export class Workspace {
  readonly host: Promise<SimulatedHost>;
  /** The terminals' shared history. */
  readonly history = new MemoryHistory();

  constructor() {
    this.host = createHost({ platform: browserPlatform(), realtime: true });
  }
}
