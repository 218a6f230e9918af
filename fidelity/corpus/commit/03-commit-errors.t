# title: commit with wrong names and arguments (seed W35, W36)
# topic: commit

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name shiyanlou01 busybox true
  $ docker commit dafa ubuntu:18.04.test
  Error response from daemon: No such container: dafa
  [1]
  $ docker commit -m=”a new image” --author=”bigdata” shiyanlou01 harbourside/yongyou
  docker: 'docker commit' requires at least 1 and at most 2 arguments
  
  Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]
  
  Run 'docker commit --help' for more information
  [1]
  $ docker commit
  docker: 'docker commit' requires at least 1 and at most 2 arguments
  
  Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]
  
  Run 'docker commit --help' for more information
  [1]
  $ docker commit shiyanlou01 Bad:Name
  invalid reference format: repository name (library/Bad) must be lowercase
  [1]
  $ docker commit -c 'NOPE x' shiyanlou01 img:v1
  Error response from daemon: nope is not a valid change command
  [1]
  $ docker commit shiyanlou01 ubuntu:18.04.test
  sha256:c6374ae7e42b12fc6104b41bf0901df2ffb43fbcd9fe7045f0c57595168819bb
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  ubuntu:18.04.test
  busybox:latest
