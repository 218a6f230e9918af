# title: rmi without arguments and with a container name
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
  $ docker rmi
  docker: 'docker rmi' requires at least 1 argument
  
  Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]
  
  See 'docker rmi --help' for more information
  [1]
  $ docker rmi web
  Error response from daemon: No such image: web:latest
  [1]
  $ docker image rm -f nosuch
  Error response from daemon: No such image: nosuch:latest
  $ docker rmi -f busybox nosuch
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Error response from daemon: No such image: nosuch:latest
  $ docker images -q | wc -l
  0
