// Capturing the engine's state as records and restoring it (persistence).
export { StateError, type StateErrorKind } from './errors.ts';
export { StateTracker, type Changes, type RecordSource, type Stamp } from './tracker.ts';
export { daemonSource, newMemory, type CaptureMemory } from './capture.ts';
export { prepareRestore, readMeta, type PreparedRestore, type RestoredDaemon } from './restore.ts';
export { encodeTree, decodeTree, isObject, type EncodedTree } from './tree.ts';
export { STATE_FORMAT } from './records.ts';
