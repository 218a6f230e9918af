// The host's part of a saved workspace: the files made at the prompt and
// the host's settings. Terminals are not saved: a restored host opens a new
// login shell at /root.
import type { UnionFs } from '../engine/fs/union.ts';
import type { LayerTree } from '../engine/layer/tree.ts';
import { StateError, decodeTree, encodeTree, isObject, type RecordSource } from '../engine/state/index.ts';
import type { HostSettings } from './host.ts';

export const HOST_KEY = { fs: 'host/fs', settings: 'host/settings' } as const;

export function hostSource(fs: UnionFs, settings: HostSettings): RecordSource {
  return (recorder) => {
    const tree = fs.upper;
    recorder.group('host', 'fs', (record) => record(HOST_KEY.fs, [tree, tree.version], () => encodeTree(tree)));
    recorder.group('host', 'settings', (record) => {
      const saved = { ...settings };
      record(HOST_KEY.settings, [JSON.stringify(saved)], () => saved);
    });
  };
}

export interface SavedHost {
  fs: LayerTree | undefined;
  settings: Partial<HostSettings>;
}

/** The host's records, checked; throws StateError when they are damaged. */
export function readHostRecords(records: ReadonlyMap<string, unknown>): SavedHost {
  const fsValue = records.get(HOST_KEY.fs);
  const fs = fsValue === undefined ? undefined : decodeTree(fsValue, "the host's files");
  const s = records.get(HOST_KEY.settings);
  const settings: Partial<HostSettings> = {};
  if (s !== undefined) {
    if (!isObject(s)) throw StateError.damaged("the host's settings are unreadable");
    if (typeof s.sourcesAsToday === 'boolean') settings.sourcesAsToday = s.sourcesAsToday;
  }
  return { fs, settings };
}
