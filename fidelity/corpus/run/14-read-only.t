# title: docker run --read-only
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm --read-only busybox touch /x
  touch: /x: Read-only file system
  [1]
  $ docker run --rm --read-only busybox sh -c 'echo x > /tmp/f'
  sh: can't create /tmp/f: Read-only file system
  [1]
  $ docker run --rm --read-only busybox cat /etc/hostname | wc -c
  13
  $ docker run --rm busybox touch /x
  $ docker run --name ro --read-only busybox true
  $ docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' ro
  true
