# title: create with -e, -w, -h, --entrypoint and --restart
# topic: create

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name opts -e GREETING=hello -w /tmp -h box --restart unless-stopped busybox sh -c 'echo $GREETING from $(hostname) in $(pwd)'
  074f7a92d95c9467c4336d65e0db6c40fe444b26bd432ff757ccba4142e4c119
  $ docker inspect -f '{{.Config.Hostname}} {{.Config.WorkingDir}} {{.HostConfig.RestartPolicy.Name}}' opts
  box /tmp unless-stopped
  $ docker start -a opts
  hello from box in /tmp
  $ docker create --name ep --entrypoint echo busybox via entrypoint
  5f9cff4b4d2aee013d56fec0bf7cb8318ea5e9c34cc46699767dd32bfc4f1779
  $ docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ep
  ["echo"] ["via","entrypoint"]
  $ docker start -a ep
  via entrypoint
  $ docker rm -f opts ep
  opts
  ep
