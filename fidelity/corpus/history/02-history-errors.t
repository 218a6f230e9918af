# title: docker history with wrong arguments (seed W37)
# topic: history

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker history
  docker: 'docker history' requires 1 argument
  
  Usage:  docker history [OPTIONS] IMAGE
  
  Run 'docker history --help' for more information
  [1]
  $ docker history busybox 查看镜像的构建过程
  docker: 'docker history' requires 1 argument
  
  Usage:  docker history [OPTIONS] IMAGE
  
  Run 'docker history --help' for more information
  [1]
  $ docker history web
  Error response from daemon: No such image: web:latest
  [1]
  $ docker history busybox:nosuchtag
  Error response from daemon: No such image: busybox:nosuchtag
  [1]
