# title: Foreground runs and their exit statuses
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run busybox echo hello
  hello
  $ docker run busybox sh -c 'echo out; sleep 0.5; echo err >&2'
  out
  err
  $ docker run busybox sh -c 'exit 3'
  [3]
  $ docker run busybox sh -c 'exit 3'; echo "status $?"
  status 3
  $ docker run busybox false
  [1]
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run busybox nosuch
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker run -d busybox sh -c 'exit 3' >/dev/null; echo "status $?"
  status 0
  $ sleep 1
  $ docker ps -a --format '{{.Status}}'
  Exited (3) 1 second ago
  Created
  Exited (1) 1 second ago
  Exited (3) 1 second ago
  Exited (3) 2 seconds ago
  Exited (0) 2 seconds ago
  Exited (0) 3 seconds ago
