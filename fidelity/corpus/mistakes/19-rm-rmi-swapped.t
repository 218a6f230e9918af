# title: rm given an image, rmi given a container
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
  $ docker rm busybox
  Error response from daemon: No such container: busybox
  [1]
  $ docker rmi web
  Error response from daemon: No such image: web:latest
  [1]
  $ docker rm -f nosuch
  Error response from daemon: No such container: nosuch
  $ docker rmi -f nosuch
  Error response from daemon: No such image: nosuch:latest
  $ docker rm web nosuch
  web
  Error response from daemon: No such container: nosuch
  [1]
  $ docker ps -a -q | wc -l
  0
