# title: docker logs --tail, --since, --until, -t, -f against the real engine
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name counter busybox sh -c 'for i in 1 2 3 4 5; do echo line $i; sleep 1; done; echo bye >&2'
  17332adef6bebf8ca2b921a3d774083c0a246f5495205e69398d6be7eede48e2
  $ sleep 7
  $ docker logs counter
  line 1
  line 2
  line 3
  line 4
  line 5
  bye
  $ docker logs --tail 2 counter
  line 5
  bye
  $ docker logs -n 0 counter
  $ docker logs --tail -1 counter | wc -l
  bye
  5
  $ docker logs --tail abc counter | wc -l
  bye
  5
  $ docker logs --tail 2 -t counter | sed 's/^[^ ]* //'
  2026-12-06T05:44:00.149432294Z bye
  line 5
  $ docker logs -t counter | cut -c1-4,11,20,31
  2026-12-06T05:44:00.149432294Z bye
  2026T. 
  2026T. 
  2026T. 
  2026T. 
  2026T. 
  $ docker logs --since 1h counter | wc -l
  bye
  5
  $ docker logs --since 5m --until 1s counter | wc -l
  bye
  5
  $ docker logs --until 1h counter | wc -l
  0
  $ docker logs --since 2000-01-01T00:00:00Z counter | wc -l
  bye
  5
  $ docker logs --since 2099-01-01 counter | wc -l
  0
  $ docker logs --since 0 counter | wc -l
  bye
  5
  $ docker logs --since xyz counter
  invalid value for "since": failed to parse value as time or duration: "xyz"
  [1]
  $ docker logs --until xyz counter
  invalid value for "until": failed to parse value as time or duration: "xyz"
  [1]
  $ docker logs -f counter
  line 1
  line 2
  line 3
  line 4
  line 5
  bye
  $ docker logs --details --tail 1 counter
   bye
  $ docker logs nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker logs
  docker: 'docker logs' requires 1 argument
  
  Usage:  docker logs [OPTIONS] CONTAINER
  
  Run 'docker logs --help' for more information
  [1]
  $ docker run -d --name ticker busybox sh -c 'while true; do echo tick; sleep 1; done'
  eed2e418115e52c2cd98efdb28f327cd03334c020295472fd84771adb14e6d4d
  $ sleep 2.5
  $ docker logs -f --until 1s ticker
  tick
  tick
  $ docker logs -f --until 2s --tail 1 ticker
  $ docker rm -f ticker
  ticker
