# title: no such image across commands
# topic: errors

  $ docker rmi nosuch
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker rmi nosuch:v1
  Error response from daemon: No such image: nosuch:v1
  [1]
  $ docker tag nosuch other
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker history nosuch
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker images nosuch
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
