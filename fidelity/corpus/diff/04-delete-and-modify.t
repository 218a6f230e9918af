# title: docker diff of deleted and changed files in busybox
# topic: diff

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name mod busybox sh -c 'echo extra >> /etc/passwd'
  $ docker diff mod
  C /etc
  C /etc/passwd
  $ docker run --name del busybox rm /etc/group
  $ docker diff del
  C /etc
  D /etc/group
  $ docker run --name tmp busybox sh -c 'touch /tmp/a; rm /tmp/a'
  $ docker diff tmp
