# title: inspect .State through create, run, stop and restart
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name sleeper busybox sleep 1000 >/dev/null
  $ docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Pid}} {{.State.ExitCode}}' sleeper
  created false 0 0
  $ docker start sleeper >/dev/null
  $ docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' sleeper
  running true false
  $ docker stop -t 0 sleeper >/dev/null
  $ docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Pid}} {{.State.OOMKilled}}' sleeper
  exited 137 0 false
  $ docker start sleeper >/dev/null
  $ docker inspect -f '{{.State.Status}} {{.RestartCount}}' sleeper
  running 0
  $ docker rm -f sleeper
  sleeper
