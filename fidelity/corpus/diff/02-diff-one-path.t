# title: docker diff with one changed path at a time
# topic: diff

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name d1 busybox mkdir -p /new/sub
  $ docker diff d1
  A /new
  A /new/sub
  $ docker run --name d2 busybox rm /etc/group
  $ docker diff d2
  C /etc
  D /etc/group
  $ docker run --name d3 busybox sh -c 'echo x >> /etc/passwd'
  $ docker diff d3
  C /etc
  C /etc/passwd
  $ docker create --name d4 busybox
  f3be2fcc00ac508cf6ceab1ace5a2d40c494d3f0ac29823ad7587a2e449aa95b
  $ docker diff d4
  $ docker run --name d5 busybox true
  $ docker diff d5
