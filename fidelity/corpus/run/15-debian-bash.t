# title: debian default command and bash options
# topic: run

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name deb debian:bookworm-slim
  $ docker ps -a --format '{{.Command}} {{.Status}}'
  "bash" Exited (0) Less than a second ago
  $ docker run --rm debian:bookworm-slim bash -c 'echo $0'
  bash
  $ docker run --rm debian:bookworm-slim bash --version | head -n 1
  GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
  $ docker run --rm debian:bookworm-slim cat /etc/hostname | wc -c
  13
  $ docker run --rm --entrypoint /bin/sh debian:bookworm-slim -c 'echo via sh'
  via sh
