# title: Inspecting containers: fields, if/eq, printf, upper/lower
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000
  5295e79a6de72b531cc074b8a01f49476afa94d71cb95c112ace3f1e8e80b014
  $ docker inspect -f '{{.Name}} {{.State.Status}} {{.State.Running}}' web
  /web running true
  $ docker inspect -f '{{if eq .State.Status "running"}}up{{else}}down{{end}}' web
  up
  $ docker inspect -f '{{printf "%s is %s" .Name .State.Status}}' web
  /web is running
  $ docker container inspect -f '{{upper .Config.Image}} {{lower "ABC"}}' web
  BUSYBOX abc
  $ docker inspect -f '{{json .Config.Cmd}} {{join .Config.Cmd "+"}}' web
  ["sleep","1000"] sleep+1000
  $ docker inspect -f '{{json .HostConfig.RestartPolicy}}' web
  {"Name":"no","MaximumRetryCount":0}
  $ docker stop -t 0 web
  web
  $ docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{if .State.Running}}running{{else}}not running{{end}}' web
  exited 137 not running
  $ docker inspect -f '{{.RestartCount}} {{.Config.Image}} {{.Image}}' web
  0 busybox sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
