# title: creating and listing files: touch, mkdir, ls, cat
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'mkdir /work; cd /work; touch a b; mkdir sub; ls'
  a
  b
  sub
  $ docker run --rm busybox sh -c 'mkdir -p /a/b/c && ls -R /a'
  /a:
  b
  
  /a/b:
  c
  
  /a/b/c:
  $ docker run --rm busybox sh -c 'mkdir /x; mkdir /x'
  mkdir: can't create directory '/x': File exists
  [1]
  $ docker run --rm busybox sh -c 'echo content > /f; cat /f /f'
  content
  content
  $ docker run --rm busybox ls /
  bin
  dev
  etc
  home
  lib
  lib64
  proc
  root
  sys
  tmp
  usr
  var
  $ docker run --rm busybox sh -c 'cd /tmp && touch .hidden visible && ls && echo --- && ls -a'
  visible
  ---
  .
  ..
  .hidden
  visible
  $ docker run --rm busybox sh -c 'test -d /etc && echo dir; test -f /etc && echo file || echo notfile'
  dir
  notfile
