# title: docker top: the host's ps over a container's processes
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sh -c 'sleep 1000 & exec sleep 2000'
  c64738d789a633d316db96de8990e410cead7c21fe5d0452c3e3e7050a47425d
  $ sleep 1
  $ docker top web | sed 's/  */ /g' | cut -d' ' -f1,6-
  UID TTY TIME CMD
  root ? 00:00:00 sleep 2000
  root ? 00:00:00 sleep 1000
  $ docker top web -o pid,args | sed 's/  */ /g' | cut -d' ' -f2-
  COMMAND
  sleep 2000
  sleep 1000
  $ docker top web x | sed 's/  */ /g' | cut -d' ' -f2-
  TTY STAT TIME COMMAND
  ? Ss 0:00 sleep 2000
  ? S 0:00 sleep 1000
  $ docker top web aux | sed 's/  */ /g' | cut -d' ' -f1,7-8,10-
  USER TTY STAT TIME COMMAND
  root ? Ss 0:00 sleep 2000
  root ? S 0:00 sleep 1000
  $ docker top web -o user,comm
  Error response from daemon: Couldn't find PID field in ps output
  [1]
  $ docker top web -o
  Error response from daemon: ps: error: format specification must follow -o
  [1]
  $ docker top web -K
  Error response from daemon: ps: error: unsupported SysV option
  [1]
  $ docker top web q
  Error response from daemon: ps: error: List of process IDs must follow q.
  [1]
  $ docker top web -o pid,nosuch
  Error response from daemon: ps: error: unknown user-defined format specifier "nosuch"
  [1]
  $ docker pause web
  web
  $ docker top web -e | wc -l
  3
  $ docker unpause web
  web
  $ docker kill web
  web
# modern: VERSIONS.md row 6: dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"
  $ docker top web
  Error response from daemon: container c64738d789a633d316db96de8990e410cead7c21fe5d0452c3e3e7050a47425d is not running
  [1]
  $ docker top nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker top
  docker: 'docker top' requires at least 1 argument
  
  Usage:  docker top CONTAINER [ps OPTIONS]
  
  See 'docker top --help' for more information
  [1]
