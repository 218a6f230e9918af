# title: docker images --format: fields, table and json
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  debian:bookworm-slim
  busybox:latest
  $ docker images --format '{{.ID}} {{.Repository}} {{.Size}}'
  b6002da5c5c0 debian 74.8MB
  7cac330e49e5 busybox 1.98MB
  $ docker images --format 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}'
  REPOSITORY   TAG             IMAGE ID
  debian       bookworm-slim   b6002da5c5c0
  busybox      latest          7cac330e49e5
  $ docker images --format 'table'
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   22 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   22 minutes ago   1.98MB
  $ docker images --format json busybox
  {"Containers":"N/A","CreatedAt":"2026-11-23 14:03:29 +0000 UTC","CreatedSince":"22 minutes ago","Digest":"\u003cnone\u003e","ID":"7cac330e49e5","Repository":"busybox","SharedSize":"N/A","Size":"1.98MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"1.985MB"}
  $ docker images --format '{{json .Repository}}'
  "debian"
  "busybox"
  $ docker image ls --format='{{.Repository}} created {{.CreatedSince}}'
  debian created 22 minutes ago
  busybox created 22 minutes ago
  $ docker images --format '{{.Nosuch}}'
  template parsing error: template: :1:2: executing "" at <.Nosuch>: can't evaluate field Nosuch in type *formatter.imageContext
  [1]
