# title: pipes between busybox tools
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'echo one two three | wc -w'
  3
  $ docker run --rm busybox sh -c 'printf "pear\napple\nfig\n" | sort'
  apple
  fig
  pear
  $ docker run --rm busybox sh -c 'printf "b\na\nb\nb\n" | sort | uniq -c'
        1 a
        3 b
  $ docker run --rm busybox sh -c 'seq 1 10 | tail -n 3'
  8
  9
  10
  $ docker run --rm busybox sh -c 'seq 10 | head -n 4 | tr "\n" ","; echo'
  1,2,3,4,
  $ docker run --rm busybox sh -c 'echo Hello Docker | tr a-z A-Z'
  HELLO DOCKER
  $ docker run --rm busybox sh -c 'grep "^root" /etc/passwd | cut -d: -f1,6'
  root:/root
