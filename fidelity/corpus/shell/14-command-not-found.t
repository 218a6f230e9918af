# title: a missing command in busybox sh, dash and bash
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm busybox sh -c 'nosuch'
  sh: nosuch: not found
  [127]
  $ docker run --rm busybox sh -c 'exec 2>&1; nosuch; echo after $?'
  sh: nosuch: not found
  after 127
  $ docker run --rm debian:bookworm-slim sh -c 'nosuch'
  sh: 1: nosuch: not found
  [127]
  $ docker run --rm debian:bookworm-slim bash -c 'nosuch'
  bash: line 1: nosuch: command not found
  [127]
  $ docker run --rm debian:bookworm-slim bash -c 'exec 2>&1; ifconfig; echo status $?'
  bash: line 1: ifconfig: command not found
  status 127
  $ docker run --rm busybox sh -c 'vim /etc/hosts'
  sh: vim: not found
  [127]
  $ docker run --rm debian:bookworm-slim bash -c 'vim /etc/hosts'
  bash: line 1: vim: command not found
  [127]
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run --rm debian:bookworm-slim nosuch
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
