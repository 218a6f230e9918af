# title: GNU error messages for missing files in debian
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim cat /nosuch
  cat: /nosuch: No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim ls /nosuch
  ls: cannot access '/nosuch': No such file or directory
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'cd /nosuch'
  sh: 1: cd: can't cd to /nosuch
  [2]
  $ docker run --rm debian:bookworm-slim bash -c 'cd /nosuch'
  bash: line 1: cd: /nosuch: No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim head /nosuch
  head: cannot open '/nosuch' for reading: No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim wc -l /nosuch
  wc: /nosuch: No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim grep x /nosuch
  grep: /nosuch: No such file or directory
  [2]
  $ docker run --rm debian:bookworm-slim touch /nodir/f
  touch: cannot touch '/nodir/f': No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim sh -c 'echo x > /nodir/f'
  sh: 1: cannot create /nodir/f: Directory nonexistent
  [2]
  $ docker run --rm debian:bookworm-slim bash -c 'echo x > /nodir/f'
  bash: line 1: /nodir/f: No such file or directory
  [1]
