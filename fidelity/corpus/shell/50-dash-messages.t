# title: Debian's /bin/sh is dash: its messages carry the line number
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim sh -c 'if true; then echo x'
  sh: 1: Syntax error: end of file unexpected (expecting "fi")
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'echo "unterminated'
  sh: 1: Syntax error: Unterminated quoted string
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'fi'
  sh: 1: Syntax error: "fi" unexpected
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'set -u; echo $NOPE'
  sh: 1: NOPE: parameter not set
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'echo ${x'
  sh: 1: Syntax error: Missing '}'
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'cat < /nosuch'
  sh: 1: cannot open /nosuch: No such file
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'true
  > nosuch'
  sh: 2: nosuch: not found
  [127]
  $ docker run --rm debian:bookworm-slim sh -c 'cat /nosuch > /nodir/x; echo "status $?"'
  sh: 1: cannot create /nodir/x: Directory nonexistent
  status 2
  $ docker run --rm debian:bookworm-slim sh -c 'readonly r=1; r=2'
  sh: 1: r: is read only
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'echo $((1/0))'
  sh: 1: arithmetic expression: division by zero: "1/0"
  [2]
  $ docker run --rm debian:bookworm-slim sh -c 'exit 3'
  [3]
  $ docker run --rm debian:bookworm-slim sh -c 'f() { return 4; }; f; echo $?'
  4
  $ docker run --rm debian:bookworm-slim sh -c 'echo $0 $$'
  sh 1
  $ docker run --rm debian:bookworm-slim sh -c 'for i in 1 2; do echo $i; done | while read l; do echo "l=$l"; done'
  l=1
  l=2
  $ docker run --rm debian:bookworm-slim sh -c 'case x in (x) echo paren;; esac'
  paren
  $ docker run --rm debian:bookworm-slim sh -c 'echo {a,b} $RANDOM-'
  {a,b} -
  $ docker run --rm debian:bookworm-slim sh -c 'type cd echo ls nosuch'
  cd is a shell builtin
  echo is a shell builtin
  ls is /usr/bin/ls
  nosuch: not found
  [127]
  $ docker run --rm debian:bookworm-slim sh -c 'local x=1'
  sh: 1: local: not in a function
  [2]
