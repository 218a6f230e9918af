# title: docker run with and without -i
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ echo hello | docker run --rm busybox cat
  $ echo hello | docker run --rm -i busybox cat
  hello
  $ printf '3\n1\n2\n' | docker run --rm -i busybox sort
  1
  2
  3
  $ printf 'a\nb\n' | docker run --rm -i busybox wc -l
  2
  $ echo 'echo scripted' | docker run --rm -i busybox sh
  scripted
