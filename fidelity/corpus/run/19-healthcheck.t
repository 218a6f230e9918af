# title: run --health-*: the probe's log, unhealthy after the retries, timeouts, the start period, stop and start, and the flags' errors
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name sick --health-cmd 'echo probe says no; exit 1' --health-interval 5s --health-retries 1 busybox sleep 60 >/dev/null
  $ docker ps --format '{{.Names}} {{.Status}}'
  sick Up Less than a second (health: starting)
  $ docker inspect --format '{{json .Config.Healthcheck}} {{.State.Health.Status}} {{.State.Health.FailingStreak}}' sick
  {"Test":["CMD-SHELL","echo probe says no; exit 1"],"Interval":5000000000,"Retries":1} starting 0
  $ docker run -d --name slow --health-cmd 'sleep 10' --health-interval 1s --health-timeout 1s --health-retries 1 busybox sleep 60 >/dev/null
  $ docker run -d --name warming --health-cmd 'exit 1' --health-interval 1s --health-start-period 30s --health-retries 1 busybox sleep 60 >/dev/null
# the first probe of sick runs 5 seconds after its start; slow's first one is killed after a second
  $ sleep 6
  $ docker ps --format '{{.Names}} {{.Status}}'
  warming Up 6 seconds (health: starting)
  slow Up 6 seconds (unhealthy)
  sick Up 7 seconds (unhealthy)
  $ docker ps --filter health=unhealthy --format '{{.Names}}'
  slow
  sick
  $ docker ps --filter health=starting --filter health=none --format '{{.Names}}'
  warming
  $ docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{json .State.Health.Log}}' sick
  unhealthy 1 [{"Start":"2026-12-06T11:21:24.924681108Z","End":"2026-12-06T11:21:25.185664159Z","ExitCode":1,"Output":"probe says no\n"}]
  $ docker inspect --format '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{.Output}}{{end}}' slow
  unhealthy -1 Health check exceeded timeout (1s)
# failures in the start period do not count
  $ docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' warming
  starting 0
# a stopped container's checks stop (moby leaves the status unhealthy); a start begins again at starting, its log kept
  $ docker stop -t 0 sick
  sick
  $ docker inspect --format '{{.State.Status}} {{.State.Health.Status}} {{len .State.Health.Log}}' sick
  exited unhealthy 1
  $ docker start sick
  sick
  $ docker ps --filter name=sick --format '{{.Names}} {{.Status}}'
  sick Up Less than a second (health: starting)
  $ docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' sick
  starting 0 1
  $ docker run -d --name none --no-healthcheck busybox sleep 60 >/dev/null
  $ docker inspect --format '{{json .Config.Healthcheck}} {{json .State.Health}}' none
  {"Test":["NONE"]} null
  $ docker ps --filter name=none --format '{{.Names}} {{.Status}}'
  none Up Less than a second
  $ docker create --name fresh --health-cmd true busybox >/dev/null
  $ docker inspect --format '{{json .State.Health}}' fresh
  null
# the probe runs as the container's user in its working directory; its output is cut at 4096 bytes
  $ docker run -d --name big -u 1000 -w /tmp --health-cmd 'id -u; pwd; echo $HOME; printf "%05000d" 7' --health-interval 1s busybox sleep 60 >/dev/null
# a CMD probe that cannot start fails with the runtime's error
  $ mkdir nosuch
  $ printf 'FROM busybox\nHEALTHCHECK --interval=1s --retries=1 CMD ["nosuch", "x"]\n' > nosuch/Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t nosuch nosuch 2>/dev/null >/dev/null
  $ docker run -d --name nosuch nosuch sleep 60 >/dev/null
  $ sleep 2.5
  $ docker inspect --format '{{with index .State.Health.Log 0}}{{.ExitCode}} {{len .Output}} {{printf "%q" (slice .Output 0 14)}} {{slice .Output 4090}}{{end}}' big
  0 4099 "1000\n/tmp\n/\n00" 000000...
  $ docker inspect --format '{{.State.Health.Status}} {{with index .State.Health.Log 0}}{{.ExitCode}} {{.Output}}{{end}}' nosuch
  unhealthy -1 OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown
# docker commit keeps the container's check in the image; a container of that image inherits it, --health-* flags override parts of it
  $ docker commit sick withcheck >/dev/null
  $ docker inspect --format '{{json .Config.Healthcheck}}' withcheck
  {"Test":["CMD-SHELL","echo probe says no; exit 1"],"Interval":5000000000,"Retries":1}
  $ docker create --name heir --health-interval 2s withcheck >/dev/null
  $ docker inspect --format '{{json .Config.Healthcheck}}' heir
  {"Test":["CMD-SHELL","echo probe says no; exit 1"],"Interval":2000000000,"Retries":1}
  $ docker run --no-healthcheck --health-cmd true busybox true
  docker: --no-healthcheck conflicts with --health-* options
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --health-retries -1 busybox true
  docker: --health-retries cannot be negative
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --health-timeout -1s busybox true
  docker: --health-timeout cannot be negative
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --health-interval 500us --health-cmd true busybox true
  docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms
  
  Run 'docker run --help' for more information
  [125]
  $ docker rm -f sick slow warming none fresh big nosuch heir
  sick
  slow
  warming
  none
  fresh
  big
  nosuch
  heir
