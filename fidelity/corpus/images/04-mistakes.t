# title: docker images ls and other arguments that are filters (seed W04)
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker images ls
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  
  No images found matching "ls": did you mean "docker image ls"?
  $ docker images busybox latest
  docker: 'docker images' requires at most 1 argument
  
  Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]
  
  SRun 'docker images --help' for more information
  [1]
  $ docker image ls busybox
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  busybox      latest    7cac330e49e5   23 minutes ago   1.98MB
  $ docker images busybox:latest
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  busybox      latest    7cac330e49e5   23 minutes ago   1.98MB
  $ docker images nosuch
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  $ docker image ls -q nosuch
