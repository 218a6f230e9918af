# title: busybox ps: the default columns, BSD options ignored, -o columns and headers
# topic: processes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox ps
  PID   USER     COMMAND
      1 root     ps
  $ docker run --rm busybox ps aux
  PID   USER     COMMAND
      1 root     ps aux
  $ docker run --rm busybox ps -o pid,user,comm
  PID   USER     COMMAND
      1 root     ps
  $ docker run --rm busybox ps -o pid=ID,comm=NAME
  ID NAME
   1 ps
  $ docker run --rm busybox ps -o pid=,comm=
      1 ps
  $ docker run --rm busybox ps -o user,group,nice,tty,stat
  USER     GROUP    NI    TT     STAT
  root     root         0 ?      R  
  $ docker run --rm busybox ps -o etime
  ps: bad -o argument 'etime', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss
  [1]
