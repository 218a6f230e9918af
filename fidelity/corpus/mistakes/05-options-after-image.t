# title: options written after the image name go to the container
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run -d busybox --name x sleep 1
  06b1887b0f42b23dda225fe665991939b5513e67783cce86839dab62bb4ad70b
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "--name": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker ps -a --format '{{.Command}} {{.Status}}'
  "--name x sleep 1" Created
  $ docker ps -a --filter name=x -q | wc -l
  0
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run busybox -e A=1 env
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "-e": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker run busybox sh -c 'echo [$A]' -e A=1
  []
  $ docker ps -a -q | wc -l
  3
