# title: docker pull with wrong arguments (seed W38, W44)
# topic: pull

  $ docker pull
  docker: 'docker pull' requires 1 argument
  
  Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]
  
  Run 'docker pull --help' for more information
  [1]
  $ docker pull busybox 127.0.0.1:5000
  docker: 'docker pull' requires 1 argument
  
  Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]
  
  Run 'docker pull --help' for more information
  [1]
  $ docker image pull -a busybox:latest
  tag can't be used with --all-tags/-a
  [1]
  $ docker pull --all-tags busybox:latest
  tag can't be used with --all-tags/-a
  [1]
  $ docker pull --nosuch busybox
  unknown flag: --nosuch
  
  Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]
  
  Run 'docker pull --help' for more information
  [125]
