# title: docker diff in debian
# topic: diff

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name deb debian:bookworm-slim bash -c 'mkdir -p /srv/app && echo hi > /srv/app/f && rm /etc/issue.net'
  $ docker diff deb | sort -k2
  C /etc
  D /etc/issue.net
  C /srv
  A /srv/app
  A /srv/app/f
  $ docker run --name clean debian:bookworm-slim true
  $ docker diff clean
