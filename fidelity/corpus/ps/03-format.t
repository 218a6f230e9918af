# title: docker ps --format
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker ps --format '{{.Names}}'
  web
  $ docker ps --format '{{.Image}}: {{.Command}}'
  busybox: "sleep 1000"
  $ docker ps --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}'
  NAMES     IMAGE     STATUS
  web       busybox   Up Less than a second
  $ docker ps --format '{{.Names}} {{.Ports}}|{{.Labels}}|{{.Mounts}}'
  web ||
  $ docker ps -s --format '{{.Names}} {{.Size}}'
  web 0B (virtual 1.98MB)
  $ docker ps --format '{{json .Names}}'
  "web"
  $ docker ps --format '{{.Nosuch}}'
  failed to execute template: template: :1:2: executing "" at <.Nosuch>: can't evaluate field Nosuch in type *formatter.ContainerContext
  [1]
  $ docker rm -f web
  web
