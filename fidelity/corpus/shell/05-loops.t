# title: for, while and until loops
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'for i in 1 2 3; do echo item $i; done'
  item 1
  item 2
  item 3
  $ docker run --rm busybox sh -c 'for f in a b c; do touch /tmp/$f.txt; done; ls /tmp'
  a.txt
  b.txt
  c.txt
  $ docker run --rm busybox sh -c 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done'
  0
  1
  2
  $ docker run --rm busybox sh -c 'n=3; until [ $n -eq 0 ]; do echo countdown $n; n=$((n-1)); done'
  countdown 3
  countdown 2
  countdown 1
  $ docker run --rm busybox sh -c 'printf "x\ny\n" | while read line; do echo "got $line"; done'
  got x
  got y
  $ docker run --rm busybox sh -c 'for i in $(seq 5); do [ $i -eq 3 ] && continue; [ $i -eq 5 ] && break; echo $i; done'
  1
  2
  4
