# title: logs -f of an exited container and -t
# topic: logs

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name ab busybox sh -c 'echo a; echo b'
  a
  b
  $ docker logs -f ab
  a
  b
  $ docker logs -t ab | wc -l
  2
  $ docker logs -t --tail 1 ab | cut -c1-4 | grep -c 20
  1
  $ docker container logs --details ab
   a
   b
