# title: pwd, id, whoami, uname, hostname and env in debian
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim pwd
  /
  $ docker run --rm debian:bookworm-slim id
  uid=0(root) gid=0(root) groups=0(root)
  $ docker run --rm debian:bookworm-slim whoami
  root
  $ docker run --rm -u nobody debian:bookworm-slim id
  uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
  $ docker run --rm -u 1000 debian:bookworm-slim whoami
  whoami: cannot find name for user ID 1000
  [1]
  $ docker run --rm debian:bookworm-slim uname -s
  Linux
  $ docker run --rm -h deb1 debian:bookworm-slim hostname
  deb1
  $ docker run --rm debian:bookworm-slim head -n 1 /etc/os-release
  PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
  $ docker run --rm -e A=1 debian:bookworm-slim bash -c 'env | sort'
  A=1
  HOME=/root
  HOSTNAME=73c5c95c1647
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  PWD=/
  SHLVL=1
  _=/usr/bin/env
