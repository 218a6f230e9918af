# title: arithmetic and parameter expansion
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'echo $((2 + 3 * 4))'
  14
  $ docker run --rm busybox sh -c 'a=7; b=2; echo $((a / b)) $((a % b))'
  3 1
  $ docker run --rm busybox sh -c 'echo ${UNSET:-default}'
  default
  $ docker run --rm busybox sh -c 'X=hello; echo ${#X}'
  5
  $ docker run --rm busybox sh -c 'F=archive.tar.gz; echo ${F%.gz} ${F#*.}'
  archive.tar tar.gz
  $ docker run --rm -e N=5 busybox sh -c 'echo $((N * N))'
  25
  $ docker run --rm busybox sh -c 'set -- a b c; echo $# $2; shift; echo $@'
  3 b
  b c
  $ docker run --rm busybox sh -c 'echo $((1/0))'
  sh: divide by zero
  [2]
