# title: run -it and exec -it without a terminal: the client refuses before anything is created (-t or -i alone run)
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -it busybox echo hi
  the input device is not a TTY
  [1]
  $ docker ps -aq | wc -l
  0
  $ docker run -t --rm busybox echo hi
  hi
  $ docker run -i --rm busybox echo hi
  hi
  $ docker run -dit --name bg busybox sh
  70f282f0826a0004774f2f3ba736aeda8827cefab537d1dad186aa0506a60bf9
  $ docker ps --format '{{.Names}} {{.Status}}' | cut -c1-5
  bg Up
  $ docker exec -it bg echo hi
  the input device is not a TTY
  [1]
  $ docker exec -t bg echo hi
  hi
  $ docker create -it --name made busybox sh
  d9af98641d9111ad148827127d11b67aee6462abc45eec0fab035ff155e0d879
  $ docker start made
  made
  $ docker ps --format '{{.Names}}' | sort
  bg
  made
