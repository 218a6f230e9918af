# title: head, tail and wc
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'seq 100 > /n; head -n 3 /n; tail -n 2 /n; wc -l /n'
  1
  2
  3
  99
  100
  100 /n
  $ docker run --rm busybox sh -c 'seq 100 | head -5 | tail -1'
  5
  $ docker run --rm busybox sh -c 'printf "one two\nthree\n" | wc'
          2         3        14
  $ docker run --rm busybox sh -c 'printf "abc" | wc -c'
  3
  $ docker run --rm busybox sh -c 'seq 20 | tail -n +18'
  18
  19
  20
  $ docker run --rm busybox sh -c 'seq 3 | head -c 4'
  1
  2
