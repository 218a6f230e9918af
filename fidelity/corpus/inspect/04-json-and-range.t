# title: inspect --format with json, index and range
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name cfg -e A=1 -e B=2 -w /srv --label app=demo busybox sh -c 'echo hi'
  5cde3b9a420c767f202488a9b1ca9b00c4c4cd348be341243d4ec8420173742f
  $ docker inspect -f '{{json .Config.Labels}}' cfg
  {"app":"demo"}
  $ docker inspect -f '{{index .Config.Labels "app"}}' cfg
  demo
# Docker sends -e values through a Go map, so their order varies from run to run: sort them.
  $ docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' cfg | sort
  
  A=1
  B=2
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  $ docker inspect -f '{{range $i, $a := .Config.Cmd}}{{$i}}={{$a}} {{end}}' cfg
  0=sh 1=-c 2=echo hi 
  $ docker inspect -f '{{.Config.WorkingDir}} {{len .Config.Env}}' cfg
  /srv 3
  $ docker inspect -f '{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}}{{end}}' cfg
  app:demo
  $ docker inspect --format='{{.Path}} {{json .Args}}' cfg
  sh ["-c","echo hi"]
