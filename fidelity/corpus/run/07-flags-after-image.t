# title: Options after the image name belong to the container's command
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run busybox ls -d /etc /tmp
  /etc
  /tmp
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run busybox --rm echo hi
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "--rm": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker run --rm busybox echo --rm -d
  --rm -d
  $ docker run --rm -- busybox echo after separator
  after separator
  $ docker ps -a --format '{{.Command}} {{.Status}}'
  "--rm echo hi" Created
  "ls -d /etc /tmp" Exited (0) Less than a second ago
