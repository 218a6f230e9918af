// A simulated host for tests: deterministic ids, the test epoch, and `sh`,
// which runs one command line at the prompt and returns what it printed
// (stdout and stderr in the order written) with its exit status.
import { createNodePlatform } from './platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { createHost, type SimulatedHost } from '../shell/host.ts';

export interface ShResult {
  out: string;
  status: number;
}

export interface TestHost {
  h: SimulatedHost;
  sh(cmd: string): Promise<ShResult>;
}

/** A fresh host; `pull` names images to pull first (quietly). */
export async function testHost(...pull: string[]): Promise<TestHost> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() }, recorderServices: true });
  const sh = async (cmd: string): Promise<ShResult> => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return { out, status };
  };
  for (const image of pull) await sh(`docker pull -q ${image}`);
  return { h, sh };
}
