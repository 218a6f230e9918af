# title: cp, mv, rm, mkdir errors with GNU coreutils
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim bash -c 'mkdir -p /w/sub && cd /w && touch a b && ls'
  a
  b
  sub
  $ docker run --rm debian:bookworm-slim bash -c 'mkdir /x; mkdir /x'
  mkdir: cannot create directory '/x': File exists
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'mkdir /d; rm /d'
  rm: cannot remove '/d': Is a directory
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'mkdir -p /d/e; rmdir /d'
  rmdir: failed to remove '/d': Directory not empty
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'cp /nosuch /tmp/'
  cp: cannot stat '/nosuch': No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'mv /nosuch /tmp/'
  mv: cannot stat '/nosuch': No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'rm /nosuch'
  rm: cannot remove '/nosuch': No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim bash -c 'echo x > /tmp/a && cp /tmp/a /tmp/b && mv /tmp/b /tmp/c && ls /tmp && cat /tmp/c'
  a
  c
  x
