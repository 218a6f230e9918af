// The message catalogue: every daemon error Berth can produce, worded as
// Docker 28 words it. One place, so goldens and code cannot drift apart.
import { DaemonError } from './errors.ts';

const notFound = (m: string) => new DaemonError('not-found', m);
const conflict = (m: string) => new DaemonError('conflict', m);
const invalid = (m: string) => new DaemonError('invalid-parameter', m);
const runcExec = (detail: string, exitCode: number) =>
  new DaemonError('system', `OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`, exitCode);

export const Errors = {
  noSuchImage: (ref: string) => notFound(`No such image: ${ref}`),
  noSuchContainer: (ref: string) => notFound(`No such container: ${ref}`),
  invalidReference: () => invalid('invalid reference format'),
  invalidReferenceUppercase: (name: string) =>
    invalid(`invalid reference format: repository name (${name}) must be lowercase`),
  manifestUnknown: (familiar: string) =>
    notFound(`manifest for ${familiar} not found: manifest unknown: manifest unknown`),
  repositoryDoesNotExist: (repo: string) =>
    notFound(
      `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    ),
  registryUnreachable: (host: string) =>
    new DaemonError('system', `Get "https://${host}/v2/": dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host`),
  /** A registry's NAME_UNKNOWN, as moby's notFoundError words it (pull -a of a missing repository). */
  repositoryNotFound: (name: string) =>
    notFound(`repository ${name} not found: name unknown: repository name not known to registry`),
  /** A registry refusing a push (Docker Hub without login). */
  pushDenied: () => new DaemonError('forbidden', 'denied: requested access to the resource is denied'),
  /** moby pushV2Repository: the tag named is not local. */
  pushTagNotExist: (ref: string) => notFound(`tag does not exist: ${ref}`),
  cannotPushDigest: () => invalid('cannot push a digest reference'),
  noTagsToPush: (name: string) => notFound(`no tags to push for ${name}`),
  noMatchingManifest: () => notFound('no matching manifest for linux/amd64 in the manifest list entries'),
  tagNotExist: (ref: string) => notFound(`An image does not exist locally with the tag: ${ref}`),

  /** moby imageDeleteConflict for an ID: hard conflicts cannot be forced. */
  imageDeleteConflict: (imageShort: string, hard: boolean, reason: string) =>
    conflict(`conflict: unable to delete ${imageShort} (${hard ? 'cannot be forced' : 'must be forced'}) - ${reason}`),
  /** moby imageDeleteConflict for a repository reference. */
  referenceDeleteConflict: (ref: string, reason: string) =>
    conflict(`conflict: unable to remove repository reference "${ref}" (must force) - ${reason}`),
  ambiguousContainer: (prefix: string) => invalid(`Multiple IDs found with provided prefix: ${prefix}`),

  nameInUse: (name: string, id: string) =>
    conflict(
      `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    ),
  invalidContainerName: (name: string) =>
    invalid(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`),
  allocatingName: (reason: string) => conflict(`Error when allocating new name: ${reason}`),
  renameSameName: () => invalid('Renaming a container with the same name as its current name'),
  removeRunning: (ref: string, state = 'running') =>
    conflict(`cannot remove container "${ref}": container is ${state}: stop the container before removing or force remove`),
  removePaused: (ref: string) => conflict(`cannot remove container "${ref}": container is paused and must be unpaused first`),
  removalInProgress: (id: string) => conflict(`removal of container ${id} is already in progress`),

  notRunning: (id: string) => conflict(`container ${id} is not running`),
  notPaused: (id: string) => conflict(`Container ${id} is not paused`),
  alreadyPaused: (id: string) => conflict(`Container ${id} is already paused`),
  cannotKill: (ref: string, inner: string) => conflict(`cannot kill container: ${ref}: ${inner}`),
  cannotStop: (ref: string, inner: string) => conflict(`cannot stop container: ${ref}: ${inner}`),
  invalidRestartPolicyCount: (extra: string) =>
    invalid(`invalid restart policy: maximum retry count can only be used with 'on-failure'${extra}`),
  restartingWait: (id: string) =>
    conflict(`Container ${id} is restarting, wait until the container is running`),
  pausedExec: (name: string) => conflict(`Container ${name} is paused, unpause the container before exec`),
  noCommand: () => invalid('no command specified'),
  executableNotFound: (cmd: string) =>
    new DaemonError(
      'system',
      `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd}": executable file not found in $PATH: unknown`,
      127,
    ),
  executableNoSuchFile: (cmd: string) =>
    new DaemonError(
      'system',
      `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd}": stat ${cmd}: no such file or directory: unknown`,
      127,
    ),
  /** runc exec's failures, with the status moby's setExitCodeFromError gives them (127 since Docker 28). */
  execNotFound: (cmd: string) => runcExec(`exec: "${cmd}": executable file not found in $PATH`, 127),
  execNoSuchFile: (cmd: string) => runcExec(`exec: "${cmd}": stat ${cmd}: no such file or directory`, 127),
  // 126: moby's translateContainerdStartErr gives 127 only when the message names the command
  execChdir: (cwd: string) => runcExec(`chdir to cwd ("${cwd}") set in config.json failed: no such file or directory`, 126),
  /** runc's process validation, before it starts anything (no "unable to start container process"). */
  execCwdRelative: () => new DaemonError('system', 'OCI runtime exec failed: exec failed: Cwd must be an absolute path: unknown', 126),
  /** run/start with -u a passwd or group file does not know. */
  userLookup: (detail: string) => new DaemonError('system', detail),
  /** exec -u likewise: written into the exec's stream, status 126. */
  execUserLookup: (detail: string) => new DaemonError('system', detail, 126),
  noSuchExec: (id: string) => notFound(`No such exec instance: ${id}`),
  execAlreadyRunning: (id: string) => conflict(`Error: Exec command ${id} is already running`),
  execAlreadyRan: (id: string) => conflict(`Error: Exec command ${id} has already run`),
  invalidRestartPolicy: (name: string) => invalid(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`),
  autoRemoveRestart: () => invalid('can\'t create \'AutoRemove\' container with restart policy'),
};
