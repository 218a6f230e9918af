# title: ps and kill in a running container through docker exec
# topic: processes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name sleeper busybox sleep 300 > /dev/null
  $ docker exec sleeper ps -o comm,args
  COMMAND          COMMAND
  sleep            sleep 300
  ps               ps -o comm,args
  $ docker exec sleeper ps -o user,comm
  USER     COMMAND
  root     sleep
  root     ps
  $ docker exec sleeper kill 1
  $ docker exec sleeper ps -o comm
  COMMAND
  sleep
  ps
  $ docker exec sleeper kill 4242
  kill: can't kill pid 4242: No such process
  [1]
  $ docker exec sleeper kill -s NOSUCH 1
  kill: bad signal name 'NOSUCH'
  [1]
  $ docker exec sleeper kill
  kill: you need to specify whom to kill
  [1]
  $ docker exec sleeper kill -l 9 15
  KILL
  TERM
  $ docker exec sleeper kill -l TERM
  15
  $ docker exec sleeper sh -c 'sleep 100 & /bin/kill $!; wait $!; echo $?'
  143
  $ docker exec sleeper sh -c 'sleep 100 & /bin/kill -9 $!; wait $!; echo $?'
  137
  $ docker rm -f sleeper > /dev/null
