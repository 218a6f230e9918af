# title: docker diff: added, changed and deleted paths
# topic: diff

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name dx busybox sh -c 'touch /tmp/a; rm /etc/group; mkdir /new'
# docker diff lists sibling paths in no fixed order; sort by path to compare
  $ docker diff dx | sort -k2
  C /etc
  D /etc/group
  A /new
  C /tmp
  A /tmp/a
  $ docker container diff dx | sort -k2
  C /etc
  D /etc/group
  A /new
  C /tmp
  A /tmp/a
  $ docker diff nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker diff
  docker: 'docker diff' requires 1 argument
  
  Usage:  docker diff CONTAINER
  
  Run 'docker diff --help' for more information
  [1]
