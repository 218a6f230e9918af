# title: docker wait
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name waiter busybox sh -c 'sleep 1; exit 5' >/dev/null
  $ docker wait waiter
  5
  $ docker wait waiter
  5
  $ docker run -d --name quick busybox true >/dev/null
  $ docker container wait quick waiter
  0
  5
  $ docker wait nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker wait
  docker: 'docker wait' requires at least 1 argument
  
  Usage:  docker wait CONTAINER [CONTAINER...]
  
  See 'docker wait --help' for more information
  [1]
