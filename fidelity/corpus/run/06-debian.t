# title: Running the debian image
# topic: run

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim head -n 1 /etc/os-release
  PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
  $ docker run --rm debian:bookworm-slim bash -c 'echo ${BASH_VERSION%%.*}'
  5
  $ docker run debian:bookworm-slim
  $ docker ps -a --format '{{.Image}} {{.Command}} {{.Status}}'
  debian:bookworm-slim "bash" Exited (0) Less than a second ago
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
