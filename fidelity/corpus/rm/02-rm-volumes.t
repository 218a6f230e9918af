# title: docker rm -v removes anonymous volumes
# topic: rm

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name v1 -v /data busybox true
  $ docker run --name v2 -v /data busybox true
  $ docker volume ls -q | wc -l
  2
  $ docker rm v1
  v1
  $ docker volume ls -q | wc -l
  2
  $ docker rm -v v2
  v2
  $ docker volume ls -q | wc -l
  1
