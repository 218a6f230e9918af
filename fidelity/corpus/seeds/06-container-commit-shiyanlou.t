# title: seed 003: touch files in /root and commit with docker container commit
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker container run --name shiyanlou01 busybox sh -c 'cd && touch test1 test2'
  $ docker container diff shiyanlou01 | sort -k2
  C /root
  A /root/test1
  A /root/test2
  $ docker container commit dafa ubuntu:18.04.test
  Error response from daemon: No such container: dafa
  [1]
  $ docker container commit shiyanlou01 ubuntu:18.04.test
  sha256:7cba50cda8a0fe9659e670abc8d7b891328c1564351e43223a6379b11687cc64
  $ docker container run --rm ubuntu:18.04.test ls /root
  test1
  test2
  $ docker image ls --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  ubuntu:18.04.test
