# title: no such container across commands
# topic: errors

  $ docker start nosuch
  Error response from daemon: No such container: nosuch
  Error: failed to start containers: nosuch
  [1]
  $ docker stop nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker wait nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker diff nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker rename nosuch other
  Error response from daemon: No such container: nosuch
  Error: failed to rename container named nosuch
  [1]
  $ docker pause nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker unpause nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker inspect nosuch
  []
  Error: No such object: nosuch
  [1]
