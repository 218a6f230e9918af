# title: rm of everything listed by ps -aq
# topic: rm

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox true
  $ docker run --name two busybox true
  $ docker run -d --name three busybox sleep 1000 >/dev/null
  $ docker rm $(docker ps -aq --filter status=exited)
  baff571aa3e6
  ecf943b4cad3
  $ docker rm -f $(docker ps -q)
  e5c9b6737743
  $ docker ps -a -q | wc -l
  0
  $ docker rm $(docker ps -aq)
  docker: 'docker rm' requires at least 1 argument
  
  Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker rm --help' for more information
  [1]
