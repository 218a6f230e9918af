# title: create: name conflict, command not found, exit status with start -a
# topic: create

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name dup busybox
  894bd3e5c185ce429241b607fec87ec21e8bb4b8f03a1b56985c884433fc0fec
  $ docker create --name dup busybox
  Error response from daemon: Conflict. The container name "/dup" is already in use by container "894bd3e5c185ce429241b607fec87ec21e8bb4b8f03a1b56985c884433fc0fec". You have to remove (or rename) that container to be able to reuse that name.
  [1]
  $ docker create --name bad busybox nosuch
  cda687d777e1a1df7c97e68124ece0bdd1dea8ca5957b14a71f20cbf1c1c3e69
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker start bad
  Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown
  Error: failed to start containers: bad
  [1]
  $ docker create --name three busybox sh -c 'exit 3'
  66d1393fb6c3014eba1072e14c1aaa1eb1e0d4b7e3202b4af222af651a34597d
  $ docker start -a three
  [3]
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  three Exited (3) Less than a second ago
  bad Created
  dup Created
  $ docker create
  docker: 'docker create' requires at least 1 argument
  
  Usage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  See 'docker create --help' for more information
  [1]
