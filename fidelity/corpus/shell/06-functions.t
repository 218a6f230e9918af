# title: shell functions and return values
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm busybox sh -c 'greet() { echo "hello $1"; }; greet world; greet docker'
  hello world
  hello docker
  $ docker run --rm busybox sh -c 'is_even() { [ $(($1 % 2)) -eq 0 ]; }; for n in 1 2 3 4; do is_even $n && echo "$n even" || echo "$n odd"; done'
  1 odd
  2 even
  3 odd
  4 even
  $ docker run --rm busybox sh -c 'f() { return 4; }; f; echo "returned $?"'
  returned 4
  $ docker run --rm busybox sh -c 'count() { echo $#; }; count a b c; count'
  3
  0
  $ docker run --rm busybox sh -c 'f() { local x=inner; echo $x; }; x=outer; f; echo $x'
  inner
  outer
  $ docker run --rm debian:bookworm-slim bash -c 'add() { echo $(( $1 + $2 )); }; add 2 40'
  42
