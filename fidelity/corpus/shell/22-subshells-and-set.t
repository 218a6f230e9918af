# title: subshells, command substitution, set -e and set -u
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm busybox sh -c 'set -e; echo before; false; echo after'
  before
  [1]
  $ docker run --rm busybox sh -c 'x=1; (x=2; echo inner $x); echo outer $x'
  inner 2
  outer 1
  $ docker run --rm busybox sh -c 'echo $(echo nested $(echo deep))'
  nested deep
  $ docker run --rm busybox sh -c 'set -u; echo $NOPE'
  sh: NOPE: parameter not set
  [2]
  $ docker run --rm busybox sh -c 'false | true; echo $?'
  0
  $ docker run --rm busybox sh -c 'echo one; exit 5; echo never'
  one
  [5]
  $ docker run --rm debian:bookworm-slim bash -c 'set -o pipefail; false | true; echo $?'
  1
