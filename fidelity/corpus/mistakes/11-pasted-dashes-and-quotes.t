# title: en dashes, em dashes and curly quotes pasted from a web page
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker –version
  docker: unknown command: docker –version
  
  Run 'docker --help' for more information
  [1]
  $ docker ps —all
  docker: 'docker ps' accepts no arguments
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [1]
  $ docker run --rm busybox echo “hello”
  “hello”
  $ docker container commint
  docker: unknown command: docker container commint
  
  Usage:  docker container
  
  Run 'docker container --help' for more information
  [1]
  $ docker images ‐a
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
