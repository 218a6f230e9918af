# title: docker push with a tag that does not exist, a digest, a bad name, wrong arguments
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb:v1
  $ docker push 127.0.0.1:5000/bb:v2
  The push refers to repository [127.0.0.1:5000/bb]
  tag does not exist: 127.0.0.1:5000/bb:v2
  [1]
  $ docker push 127.0.0.1:5000/nosuch:v1
  The push refers to repository [127.0.0.1:5000/nosuch]
  An image does not exist locally with the tag: 127.0.0.1:5000/nosuch
  [1]
  $ docker push 127.0.0.1:5000/bb@sha256:0000000000000000000000000000000000000000000000000000000000000000
  cannot push a digest reference
  [1]
  $ docker push 127.0.0.1:5000/BB:v1
  invalid reference format: repository name (BB) must be lowercase
  [1]
  $ docker push
  docker: 'docker push' requires 1 argument
  
  Usage:  docker push [OPTIONS] NAME[:TAG]
  
  Run 'docker push --help' for more information
  [1]
  $ docker push 127.0.0.1:5000/bb:v1 127.0.0.1:5000/bb:v2
  docker: 'docker push' requires 1 argument
  
  Usage:  docker push [OPTIONS] NAME[:TAG]
  
  Run 'docker push --help' for more information
  [1]
  $ docker push --nosuch 127.0.0.1:5000/bb:v1
  unknown flag: --nosuch
  
  Usage:  docker push [OPTIONS] NAME[:TAG]
  
  Run 'docker push --help' for more information
  [125]
  $ docker push -q 127.0.0.1:5000/bb:v2
  tag does not exist: 127.0.0.1:5000/bb:v2
  [1]
  $ docker tag busybox 127.0.0.1:5000
  $ docker images --format '{{.Repository}} {{.Tag}}' | sort
  127.0.0.1 5000
  127.0.0.1:5000/bb v1
  busybox latest
  $ docker tag busybox 127.0.0.1:5001/bb
  $ docker push 127.0.0.1:5001/bb
  Using default tag: latest
  The push refers to repository [127.0.0.1:5001/bb]
  Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker push -q 127.0.0.1:5001/bb
  Get "http://127.0.0.1:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
