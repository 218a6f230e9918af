# title: inspect: several objects, missing objects, template errors
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name one busybox
  992fb292a7f23692b1eff2f3f43707a810b0d1cb3c068ba2f7ae926d0436f116
  $ docker create --name two busybox
  4ae71c17a4d11afa8c7e0b79910e63190655917501969f5c9a01d6466aaa779b
  $ docker inspect -f '{{.Name}}' one two
  /one
  /two
  $ docker inspect nosuch
  []
  Error: No such object: nosuch
  [1]
  $ docker inspect -f '{{.Name}}' one nosuch
  /one
  Error: No such object: nosuch
  [1]
  $ docker container inspect busybox
  []
  Error response from daemon: No such container: busybox
  [1]
  $ docker inspect -f '{{.Nosuch}}' one
  
  template parsing error: template: :1:2: executing "" at <.Nosuch>: map has no entry for key "Nosuch"
  [1]
  $ docker inspect -f '{{.State.Status' one
  template parsing error: template: :1: unclosed action
  [64]
  $ docker inspect
  docker: 'docker inspect' requires at least 1 argument
  
  Usage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]
  
  See 'docker inspect --help' for more information
  [1]
