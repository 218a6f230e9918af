# title: Tag errors: missing source, bad names, wrong argument counts (seed W39)
# topic: tag

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag image username/repository:tag
  Error response from daemon: No such image: image:latest
  [1]
  $ docker tag nosuch mybox
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker tag busybox Bad:Tag
  Error parsing reference: "Bad:Tag" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase
  [1]
  $ docker tag busybox 'my box'
  Error parsing reference: "my box" is not a valid repository/tag: invalid reference format
  [1]
  $ docker tag busybox
  docker: 'docker tag' requires 2 arguments
  
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Run 'docker tag --help' for more information
  [1]
  $ docker tag busybox a b
  docker: 'docker tag' requires 2 arguments
  
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Run 'docker tag --help' for more information
  [1]
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
