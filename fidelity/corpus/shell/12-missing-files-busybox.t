# title: busybox error messages for missing files
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox cat /nosuch
  cat: can't open '/nosuch': No such file or directory
  [1]
  $ docker run --rm busybox ls /nosuch
  ls: /nosuch: No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'cd /nosuch'
  sh: cd: line 0: can't cd to /nosuch: No such file or directory
  [2]
  $ docker run --rm busybox head /nosuch
  head: /nosuch: No such file or directory
  [1]
  $ docker run --rm busybox wc -l /nosuch
  wc: /nosuch: No such file or directory
  [1]
  $ docker run --rm busybox grep x /nosuch
  grep: /nosuch: No such file or directory
  [2]
  $ docker run --rm busybox sh -c '/nosuch/prog'
  sh: /nosuch/prog: not found
  [127]
  $ docker run --rm busybox touch /nodir/f
  touch: /nodir/f: No such file or directory
  [1]
  $ docker run --rm busybox sh -c 'echo x > /nodir/f'
  sh: can't create /nodir/f: nonexistent directory
  [1]
