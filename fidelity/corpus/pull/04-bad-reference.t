# title: Malformed image references
# topic: pull

  $ docker pull Busybox
  invalid reference format: repository name (library/Busybox) must be lowercase
  [1]
  $ docker pull busybox:
  invalid reference format
  [1]
  $ docker pull busybox:latest:v1
  invalid reference format
  [1]
  $ docker pull 'busy box'
  invalid reference format
  [1]
  $ docker pull busybox@sha256:123
  invalid reference format
  [1]
  $ docker pull :latest
  invalid reference format
  [1]
  $ docker pull 'busybox!'
  invalid reference format
  [1]
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
