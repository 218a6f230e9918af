// The engine's one import point: the daemon, its snapshot and events, and
// the contracts the outside world implements (clock, ids, hashing).
export { Daemon, ENGINE_VERSION, type ContainerSummary, type EngineSnapshot, type ImageSummary } from './daemon.ts';
export type { EngineEvent, Listener } from './events.ts';
export { DaemonError, isDaemonError, type ErrorKind } from './errors/errors.ts';
export type { Clock, Hasher, IdSource, Platform, YieldFn } from './platform.ts';
export { sequentialIds } from './platform.ts';
export { Scheduler } from './runtime/scheduler.ts';
export { HubRegistry } from './registry/hub.ts';
export { LocalRegistry } from './registry/local.ts';
export { RegistryRouter, defaultRegistries } from './registry/router.ts';
export type { Registry, RemoteImage, RemoteLayer, RepositoryWriter, PushedManifest } from './registry/registry.ts';
export type { Fs, Stat } from './fs/types.ts';
export type { Program, ProcessContext } from './runtime/process.ts';
