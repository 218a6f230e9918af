# title: exec into a stopped container, start an image
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
# modern: VERSIONS.md row 6: dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"
  $ docker exec web ls
  Error response from daemon: container f2a7c8d52dbf02055c6cdb59b3512284460534da3d2c473c7c4334d27e94cc86 is not running
  [1]
  $ docker exec nosuch ls
  Error response from daemon: No such container: nosuch
  [1]
  $ docker start busybox
  Error response from daemon: No such container: busybox
  Error: failed to start containers: busybox
  [1]
  $ docker start -a web nosuch
  you cannot start and attach multiple containers at once
  [1]
  $ docker ps -a --format '{{.Names}}'
  web
