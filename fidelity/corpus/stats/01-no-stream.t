# title: docker stats --no-stream: columns, -a, --no-trunc, templates, json and errors
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sh -c 'sleep 1000 & exec sleep 2000'
  39121f3213fd03dd7cd59de2937aeebf4c61d1dbacc3273f038e0930939138b7
  $ docker create --name idle busybox
  969ffb544f3e4601343b0739d8ce4e0112abf469bb7984c8842bda503ef5dfaa
  $ sleep 1
  $ docker stats --no-stream | head -1
  CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
  $ docker stats --no-stream --format '{{.Name}} {{.PIDs}} {{.NetIO}} {{.BlockIO}} {{.MemUsage}}'
  web 2 0B / 0B 0B / 0B 536KiB / 23.54GiB
  $ docker stats --no-stream -a --format '{{.Name}} {{.PIDs}}'
  idle 0
  web 2
  $ docker stats --no-stream idle
  CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
  969ffb544f3e   idle      0.00%     0B / 0B             0.00%     0B / 0B   0B / 0B     0
  $ docker stats --no-stream --no-trunc idle
  CONTAINER ID                                                       NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
  969ffb544f3e4601343b0739d8ce4e0112abf469bb7984c8842bda503ef5dfaa   idle      0.00%     0B / 0B             0.00%     0B / 0B   0B / 0B     0
  $ docker stats --no-stream --format json idle
  {"BlockIO":"0B / 0B","CPUPerc":"0.00%","Container":"idle","ID":"969ffb544f3e","MemPerc":"0.00%","MemUsage":"0B / 0B","Name":"idle","NetIO":"0B / 0B","PIDs":"0"}
  $ docker stats --no-stream --format 'table {{.Container}}\t{{.Name}}\t{{.PIDs}}' web idle
  CONTAINER   NAME      PIDS
  web         web       2
  idle        idle      0
  $ docker stats --no-stream --format '{{.Container}} {{.ID}}' web
  web 39121f3213fd
  $ docker stats --no-stream --format '{{.Bogus}}' web
  template parsing error: template: :1:2: executing "" at <.Bogus>: can't evaluate field Bogus in type *container.statsContext
  [1]
  $ docker stats --no-stream nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker stats --no-stream --format '{{.Name}}' web nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker exec -d web sleep 500
  $ docker stats --no-stream --format '{{.PIDs}}' web
  3
  $ docker stop -t 0 web
  web
  $ docker stats --no-stream --format '{{.Name}} {{.PIDs}} {{.MemUsage}}' web
  web 0 0B / 0B
  $ docker stats --no-stream
  CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS
