# title: test, [ ] and if/else
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm busybox sh -c 'if [ -f /etc/passwd ]; then echo exists; else echo missing; fi'
  exists
  $ docker run --rm busybox sh -c 'if [ -e /nosuch ]; then echo exists; else echo missing; fi'
  missing
  $ docker run --rm busybox sh -c '[ 2 -gt 1 ] && echo bigger'
  bigger
  $ docker run --rm busybox sh -c '[ "abc" = "abc" ]; echo $?; [ "abc" = "abd" ]; echo $?'
  0
  1
  $ docker run --rm busybox sh -c '[ -z "" ] && echo empty; [ -n "x" ] && echo nonempty'
  empty
  nonempty
  $ docker run --rm busybox sh -c '[ 1 -eq ]'
  sh: -eq: argument expected
  [2]
  $ docker run --rm debian:bookworm-slim bash -c '[[ abc == a* ]] && echo glob-match'
  glob-match
  $ docker run --rm debian:bookworm-slim sh -c '[[ abc == a* ]] && echo glob-match'
  sh: 1: [[: not found
  [127]
