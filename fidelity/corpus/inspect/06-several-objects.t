# title: inspect several containers at once, one missing
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox true
  $ docker run --name two busybox true
  $ docker inspect -f '{{.Name}}' one two
  /one
  /two
  $ docker inspect -f '{{.Name}}' one nosuch two
  /one
  /two
  Error: No such object: nosuch
  [1]
  $ docker container inspect -f '{{.Name}}' two one
  /two
  /one
  $ docker inspect -f '{{.Name}} {{.State.ExitCode}}' one busybox
  /one 0
  template parsing error: template: :1:2: executing "" at <.Name>: map has no entry for key "Name"
  [1]
