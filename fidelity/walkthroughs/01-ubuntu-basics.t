# title: Ubuntu basics: a one-shot echo, a detached loop, logs, stop, start, top, the file system
# seed: 000 § 容器 › 启动, 守护状态运行, 终止; 004 § Docker容器
# topic: walkthroughs
  $ docker pull -q ubuntu:14.04
  docker.io/library/ubuntu:14.04
  $ docker run ubuntu:14.04 /bin/echo 'Hello World'
  Hello World
  $ docker run -d --name loop ubuntu:15.10 /bin/sh -c "while true; do echo hello world; sleep 1; done"
  Unable to find image 'ubuntu:15.10' locally
  15.10: Pulling from library/ubuntu
  98e4bd49cd43: Pulling fs layer
  806bd7c9eaee: Pulling fs layer
  0bb9d464f336: Pulling fs layer
  c26f55e69791: Pulling fs layer
  98e4bd49cd43: Verifying Checksum
  98e4bd49cd43: Download complete
  806bd7c9eaee: Verifying Checksum
  806bd7c9eaee: Download complete
  0bb9d464f336: Verifying Checksum
  0bb9d464f336: Download complete
  c26f55e69791: Verifying Checksum
  c26f55e69791: Download complete
  98e4bd49cd43: Pull complete
  806bd7c9eaee: Pull complete
  0bb9d464f336: Pull complete
  c26f55e69791: Pull complete
  Digest: sha256:deec280d4793ec23c1c228101fac5b70b414999a0e9bec988b564f96daef17dd
  Status: Downloaded newer image for ubuntu:15.10
  d1a9b68d3e57925d69434e2cead907557d7b8b624f66ed0a61d631272d8f0f36
  $ sleep 3
  $ docker logs loop | head -3
  hello world
  hello world
  hello world
  $ docker ps --format '{{.Image}} {{.Command}} {{.Status}} {{.Names}}'
  ubuntu:15.10 "/bin/sh -c 'while t…" Up 3 seconds loop
  $ docker stop loop
  loop
  $ docker ps -a --format '{{.Names}} {{.Status}}' --filter name=loop
  loop Exited (137) Less than a second ago
  $ docker start loop
  loop
  $ docker exec loop ps -eo user,pid,ppid,args
  USER       PID  PPID COMMAND
  root         1     0 /bin/sh -c while true; do echo hello world; sleep 1; done
  root         2     1 sleep 1
  root         3     0 ps -eo user,pid,ppid,args
  $ docker run --rm ubuntu:15.10 ls /
  bin
  boot
  dev
  etc
  home
  lib
  lib64
  media
  mnt
  opt
  proc
  root
  run
  sbin
  srv
  sys
  tmp
  usr
  var
  $ docker run --rm ubuntu:12.04 bash -c 'cat /etc/os-release | head -2; ps'
  Unable to find image 'ubuntu:12.04' locally
  12.04: Pulling from library/ubuntu
  4306f0758472: Pulling fs layer
  6469bbba5e17: Pulling fs layer
  a7e5486e7480: Pulling fs layer
  091954408e5f: Pulling fs layer
  4306f0758472: Verifying Checksum
  4306f0758472: Download complete
  6469bbba5e17: Verifying Checksum
  6469bbba5e17: Download complete
  a7e5486e7480: Verifying Checksum
  a7e5486e7480: Download complete
  091954408e5f: Verifying Checksum
  091954408e5f: Download complete
  4306f0758472: Pull complete
  6469bbba5e17: Pull complete
  a7e5486e7480: Pull complete
  091954408e5f: Pull complete
  Digest: sha256:c5da55d20a5377581fb35b30676c3b4c2288a585e426ab66f6ef9d41c4c3bc25
  Status: Downloaded newer image for ubuntu:12.04
  NAME="Ubuntu"
  VERSION="12.04.5 LTS, Precise Pangolin"
    PID TTY          TIME CMD
      1 ?        00:00:00 bash
      4 ?        00:00:00 ps
  $ docker rm -f loop
  loop
