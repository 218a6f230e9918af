# title: docker commit without a container, with bad names
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker commit
  docker: 'docker commit' requires at least 1 and at most 2 arguments
  
  Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]
  
  Run 'docker commit --help' for more information
  [1]
  $ docker commit busybox
  Error response from daemon: No such container: busybox
  [1]
  $ docker commit nosuch myimg
  Error response from daemon: No such container: nosuch
  [1]
  $ docker run --name work busybox touch /f
  $ docker commit work MyImage
  invalid reference format: repository name (library/MyImage) must be lowercase
  [1]
  $ docker commit work my image
  docker: 'docker commit' requires at least 1 and at most 2 arguments
  
  Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]
  
  Run 'docker commit --help' for more information
  [1]
  $ docker commit work myimg:v1:v2
  invalid reference format
  [1]
  $ docker images --format '{{.Repository}}' | sort
  busybox
