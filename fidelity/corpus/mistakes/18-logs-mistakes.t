# title: docker logs of the wrong thing
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker logs nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker run --name quiet busybox true
  $ docker logs quiet
  $ docker logs -f quiet
  $ docker logs quiet extra
  docker: 'docker logs' requires 1 argument
  
  Usage:  docker logs [OPTIONS] CONTAINER
  
  Run 'docker logs --help' for more information
  [1]
  $ docker logs busybox
  Error response from daemon: No such container: busybox
  [1]
