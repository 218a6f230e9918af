# title: inspect --format with json, index and range
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name cfg -e A=1 -e B=2 -w /srv --label app=demo busybox sh -c 'echo hi'
  5be96d263e1fbec822b2a86c1d3af6230a1f70359d7789a543f697289bab2c41
  $ docker inspect -f '{{json .Config.Labels}}' cfg
  {"app":"demo"}
  $ docker inspect -f '{{index .Config.Labels "app"}}' cfg
  demo
  $ docker inspect -f '{{range .Config.Env}}[{{.}}]{{end}}' cfg
  [B=2][A=1][PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin]
  $ docker inspect -f '{{range $i, $a := .Config.Cmd}}{{$i}}={{$a}} {{end}}' cfg
  0=sh 1=-c 2=echo hi 
  $ docker inspect -f '{{.Config.WorkingDir}} {{len .Config.Env}}' cfg
  /srv 3
  $ docker inspect -f '{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}}{{end}}' cfg
  app:demo
  $ docker inspect --format='{{.Path}} {{json .Args}}' cfg
  sh ["-c","echo hi"]
