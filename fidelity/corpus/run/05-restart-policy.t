# title: run --restart
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name flaky --restart on-failure:3 busybox sh -c 'exit 1' >/dev/null
  $ sleep 6
  $ docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' flaky
  3 exited 1
  $ docker run -d --name always --restart always busybox sleep 1000 >/dev/null
  $ docker inspect -f '{{json .HostConfig.RestartPolicy}}' always
  {"Name":"always","MaximumRetryCount":0}
  $ docker run --restart always --rm busybox true
  docker: conflicting options: cannot specify both --restart and --rm
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --restart on-failure:x busybox true
  docker: invalid restart policy format: maximum retry count must be an integer
  
  Run 'docker run --help' for more information
  [125]
  $ docker rm -f always flaky
  always
  flaky
