# title: Commit a running container
# topic: commit

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name live busybox sh -c 'echo state > /state; sleep 1000' >/dev/null
  $ sleep 1
  $ docker commit live snap:v1 >/dev/null
  $ docker ps --format '{{.Names}} {{.Status}}'
  live Up 1 second
  $ docker commit --pause=false live snap:v2 >/dev/null
  $ docker run --rm snap:v2 cat /state
  state
  $ docker inspect -f '{{json .Config.Cmd}}' snap:v1
  ["sh","-c","echo state > /state; sleep 1000"]
  $ docker rm -f live
  live
