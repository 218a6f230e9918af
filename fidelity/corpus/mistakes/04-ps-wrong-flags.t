# title: docker ps with wrong flags and arguments
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
  $ docker ps -f
  flag needs an argument: 'f' in -f
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [125]
  $ docker ps aux
  docker: 'docker ps' accepts no arguments
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [1]
  $ docker container ls -x
  unknown shorthand flag: 'x' in -x
  
  Usage:  docker container ls [OPTIONS]
  
  Run 'docker container ls --help' for more information
  [125]
  $ docker ps -n
  flag needs an argument: 'n' in -n
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [125]
  $ docker ps -a --format '{{.Nmae}}'
  failed to execute template: template: :1:2: executing "" at <.Nmae>: can't evaluate field Nmae in type *formatter.ContainerContext
  [1]
  $ docker ps -a --format '{{.Names}}'
  web
