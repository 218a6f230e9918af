# title: paste in busybox and debian
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'seq 3 | paste -sd,'
  1,2,3
  $ docker run --rm busybox sh -c 'seq 6 | paste - - -'
  1	2	3
  4	5	6
  $ docker run --rm busybox sh -c 'seq 3 > /tmp/a; printf "x\ny\n" > /tmp/b; paste /tmp/a /tmp/b; echo; paste -d: /tmp/b /tmp/a'
  1	x
  2	y
  3	
  x:1
  y:2
  3
  $ docker run --rm busybox sh -c 'seq 3 > /tmp/a; paste -s -d "+-" /tmp/a /tmp/a'
  1+2-3
  1+2-3
  $ docker run --rm busybox paste /nosuch
  paste: /nosuch: No such file or directory
  [1]
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim bash -c 'seq 4 | paste -sd+'
  1+2+3+4
  $ docker run --rm debian:bookworm-slim bash -c 'seq 5 | paste - -'
  1	2
  3	4
  5	
  $ docker run --rm debian:bookworm-slim bash -c 'seq 3 > /tmp/a; printf "x\ny\n" > /tmp/b; paste -d, /tmp/a /tmp/b /tmp/a'
  1,x,1
  2,y,2
  3,,3
  $ docker run --rm debian:bookworm-slim bash -c 'paste -s /dev/null; echo "status $?"'
  
  status 0
  $ docker run --rm debian:bookworm-slim paste /nosuch
  paste: /nosuch: No such file or directory
  [1]
  $ docker run --rm debian:bookworm-slim paste -x
  paste: invalid option -- 'x'
  Try 'paste --help' for more information.
  [1]
