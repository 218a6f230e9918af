# title: docker pull with a URL, uppercase or spaces
# topic: mistakes

  $ docker pull http://busybox
  invalid reference format
  [1]
  $ docker pull https://127.0.0.1:5000/busybox
  invalid reference format
  [1]
  $ docker pull Busybox
  invalid reference format: repository name (library/Busybox) must be lowercase
  [1]
  $ docker pull busybox:latest:1
  invalid reference format
  [1]
  $ docker pull 'busybox latest'
  invalid reference format
  [1]
  $ docker pull busybox@sha256:abc
  invalid reference format
  [1]
  $ docker pull -q docker.io/busybox
  docker.io/library/busybox:latest
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
