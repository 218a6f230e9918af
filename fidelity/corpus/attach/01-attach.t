# title: docker attach without a terminal: new output only, the container's status, refusals
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name talk busybox sh -c 'echo before; sleep 2; echo after; echo oops >&2; exit 4'
  5ec0fc9ec28a41eee28ba835f6810a322cea121792344fd43cc49c2a29dc7bfd
  $ sleep 1
  $ docker attach talk
  after
  oops
  [4]
  $ docker attach talk
  You cannot attach to a stopped container, start it first
  [1]
  $ docker run -d --name web busybox sleep 1000
  a35523fa67c5f18d21efe80efed542ffe8df88f5652bbf9690b1327339f9caca
  $ docker pause web
  web
  $ docker attach web
  You cannot attach to a paused container, unpause it first
  [1]
  $ docker unpause web
  web
  $ docker attach nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker run -dt --name term busybox sh
  9f2f434796a6bb22997d021d56fb19e02abab89bcbd81e7f8ad023d80d40e83c
  $ docker attach term
  the input device is not a TTY
  [1]
  $ docker ps --format '{{.Names}} {{.State}}' --filter name=term
  term running
  $ docker attach
  docker: 'docker attach' requires 1 argument
  
  Usage:  docker attach [OPTIONS] CONTAINER
  
  Run 'docker attach --help' for more information
  [1]
  $ docker rm -f web term
  web
  term
