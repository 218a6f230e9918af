# title: Inspecting images with --format
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker image inspect --format '{{.Config.Cmd}}' busybox
  [sh]
  $ docker image inspect -f '{{json .Config.Cmd}}' busybox
  ["sh"]
  $ docker image inspect -f '{{index .Config.Cmd 0}}' busybox
  sh
  $ docker inspect -f '{{.Os}}/{{.Architecture}}' busybox
  linux/amd64
  $ docker inspect -f '{{range .RepoTags}}{{println .}}{{end}}' busybox
  busybox:latest
  
  $ docker inspect --type image -f '{{join .Config.Env ";"}}' busybox
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  $ docker inspect -f '{{upper .Os}} {{len .RootFS.Layers}} {{.RootFS.Type}}' busybox
  LINUX 1 layers
  $ docker inspect -f '{{.Id}}' busybox
  sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  $ docker image inspect -f '{{json .RepoTags}} {{json .Config.Entrypoint}}' busybox
  ["busybox:latest"] null
