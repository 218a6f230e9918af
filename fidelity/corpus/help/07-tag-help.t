# title: docker tag --help, -h and docker help tag
# topic: help

  $ docker tag --help
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  
  Aliases:
    docker image tag, docker tag
  $ docker image tag -h
  Flag shorthand -h has been deprecated, use --help
  Usage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  
  Aliases:
    docker image tag, docker tag
  $ docker tag --help | head -n 2
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  $ docker help tag | tail -n 3
  
  Aliases:
    docker image tag, docker tag
