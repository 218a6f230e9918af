# title: commit -c with ENV, WORKDIR, USER, ENTRYPOINT
# topic: commit

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name base busybox true
  $ docker commit -c 'ENV APP=demo' -c 'WORKDIR /srv' -c 'USER nobody' base conf >/dev/null
  $ docker run --rm conf sh -c 'echo $APP $(pwd) $(id -un)'
  demo /srv nobody
  $ docker commit -c 'ENTRYPOINT ["echo", "entry:"]' base ep >/dev/null
  $ docker run --rm ep one two
  entry: one two
  $ docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ep
  ["echo","entry:"] null
  $ docker commit -c 'NOSUCH x' base bad
  Error response from daemon: nosuch is not a valid change command
  [1]
