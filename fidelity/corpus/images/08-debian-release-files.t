# title: what debian:bookworm-slim says about itself: os-release, issue, awk
# topic: images

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim cat /etc/os-release
  PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
  NAME="Debian GNU/Linux"
  VERSION_ID="12"
  VERSION="12 (bookworm)"
  VERSION_CODENAME=bookworm
  ID=debian
  HOME_URL="https://www.debian.org/"
  SUPPORT_URL="https://www.debian.org/support"
  BUG_REPORT_URL="https://bugs.debian.org/"
  $ docker run --rm debian:bookworm-slim cat /etc/issue /etc/issue.net
  Debian GNU/Linux 12 \n \l
  
  Debian GNU/Linux 12
  $ docker run --rm debian:bookworm-slim sh -c '. /etc/os-release; echo "$ID $VERSION_ID $VERSION_CODENAME"'
  debian 12 bookworm
  $ docker run --rm debian:bookworm-slim sh -c 'command -v awk; ls /etc/alternatives/awk'
  /usr/bin/awk
  /etc/alternatives/awk
  $ docker run --rm debian:bookworm-slim grep -c nologin /etc/passwd
  16
  $ docker run --rm debian:bookworm-slim cut -d: -f1 /etc/passwd
  root
  daemon
  bin
  sys
  sync
  games
  man
  lp
  mail
  news
  uucp
  proxy
  www-data
  backup
  list
  irc
  _apt
  nobody
