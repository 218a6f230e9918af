# title: docker rm --help, docker tag --help and the deprecated -h
# topic: help
# docker rmi --help is left out on purpose: a 28.2 client shows rmi's
# --platform flag only to a daemon with API 1.50, and the recording daemon has 1.41.

  $ docker rm --help
  Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]
  
  Remove one or more containers
  
  Aliases:
    docker container rm, docker container remove, docker rm
  
  Options:
    -f, --force     Force the removal of a running container (uses SIGKILL)
    -l, --link      Remove the specified link
    -v, --volumes   Remove anonymous volumes associated with the container
  $ docker container rm --help | head -n 3
  Usage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]
  
  Remove one or more containers
  $ docker rm -h
  Flag shorthand -h has been deprecated, use --help
  Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]
  
  Remove one or more containers
  
  Aliases:
    docker container rm, docker container remove, docker rm
  
  Options:
    -f, --force     Force the removal of a running container (uses SIGKILL)
    -l, --link      Remove the specified link
    -v, --volumes   Remove anonymous volumes associated with the container
  $ docker tag --help
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  
  Aliases:
    docker image tag, docker tag
  $ docker image tag --help | head -n 1
  Usage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
