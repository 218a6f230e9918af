# title: rmi with several arguments, some missing
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox a
  $ docker tag busybox b
  $ docker rmi a nosuch b
  Untagged: a:latest
  Untagged: b:latest
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker rmi nosuch1 nosuch2
  Error response from daemon: No such image: nosuch1:latest
  Error response from daemon: No such image: nosuch2:latest
  [1]
  $ docker images --format '{{.Repository}}'
  busybox
