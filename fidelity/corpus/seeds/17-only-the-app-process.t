# title: seed 000/003: a container runs only its own process
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm busybox ps
  PID   USER     COMMAND
      1 root     ps
  $ docker run --rm busybox sh -c 'ps -o pid,comm | head -n 2'
  PID   COMMAND
      1 sh
  $ docker run --rm debian:bookworm-slim ls /
  bin
  boot
  dev
  etc
  home
  lib
  lib64
  media
  mnt
  opt
  proc
  root
  run
  sbin
  srv
  sys
  tmp
  usr
  var
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run --rm debian:bookworm-slim ps
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ps": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker run --rm debian:bookworm-slim bash -c 'echo $$'
  1
  $ docker run --rm busybox sh -c 'echo $$; sh -c "echo \$PPID"'
  1
  0
