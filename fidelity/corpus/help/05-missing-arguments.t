# title: Commands run without their arguments
# topic: help

  $ docker run
  docker: 'docker run' requires at least 1 argument
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  See 'docker run --help' for more information
  [1]
  $ docker rm
  docker: 'docker rm' requires at least 1 argument
  
  Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker rm --help' for more information
  [1]
  $ docker rmi
  docker: 'docker rmi' requires at least 1 argument
  
  Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]
  
  See 'docker rmi --help' for more information
  [1]
  $ docker tag busybox
  docker: 'docker tag' requires 2 arguments
  
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Run 'docker tag --help' for more information
  [1]
  $ docker logs
  docker: 'docker logs' requires 1 argument
  
  Usage:  docker logs [OPTIONS] CONTAINER
  
  Run 'docker logs --help' for more information
  [1]
  $ docker pull
  docker: 'docker pull' requires 1 argument
  
  Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]
  
  Run 'docker pull --help' for more information
  [1]
  $ docker stop
  docker: 'docker stop' requires at least 1 argument
  
  Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker stop --help' for more information
  [1]
  $ docker rename one
  docker: 'docker rename' requires 2 arguments
  
  Usage:  docker rename CONTAINER NEW_NAME
  
  Run 'docker rename --help' for more information
  [1]
