# title: cp, mv, rm and rmdir in busybox
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'echo data > /tmp/a; cp /tmp/a /tmp/b; mv /tmp/b /tmp/c; ls /tmp; cat /tmp/c'
  a
  c
  data
  $ docker run --rm busybox sh -c 'rm /tmp/nosuch'
  rm: can't remove '/tmp/nosuch': No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'rm -f /tmp/nosuch; echo $?'
  0
  $ docker run --rm busybox sh -c 'mkdir /d; rm /d'
  rm: '/d' is a directory
  [1]
  $ docker run --rm busybox sh -c 'mkdir -p /d/e; rmdir /d'
  rmdir: '/d': Directory not empty
  [1]
  $ docker run --rm busybox sh -c 'mkdir -p /d/e; rm -r /d; ls /d'
  ls: /d: No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'cp /nosuch /tmp/'
  cp: can't stat '/nosuch': No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'mv /nosuch /tmp/'
  mv: can't rename '/nosuch': No such file or directory
  [1]
