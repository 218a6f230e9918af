// The learner's workspace: the simulated host the page's terminals and
// panels share.
import { createHost, type SimulatedHost } from '../shell/host.ts';
import { browserPlatform } from './platform.ts';

export class Workspace {
  readonly host: Promise<SimulatedHost>;

  constructor() {
    this.host = createHost({ platform: browserPlatform(), realtime: true });
  }
}
