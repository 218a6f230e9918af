# title: Unknown flags, bundled short flags, --flag=value and --
# topic: help

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
  $ docker ps --nosuch
  unknown flag: --nosuch
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [125]
  $ docker ps -x
  unknown shorthand flag: 'x' in -x
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [125]
  $ docker ps -aq | wc -l
  1
  $ docker ps -a --format='{{.Names}}'
  web
  $ docker ps --all=true --format '{{.Names}}'
  web
  $ docker rm -- web
  web
  $ docker rm -- --nosuch
  Error response from daemon: No such container: --nosuch
  [1]
  $ docker ps -a --filter=name=web -q | wc -l
  0
