# title: HEALTHCHECK in a Dockerfile: the config it leaves and the health shown by docker ps
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir hc
  $ cd hc
  $ printf 'FROM busybox\nHEALTHCHECK --interval=1s --timeout=3s --retries=2 CMD test -e /tmp/ok\nCMD ["sh", "-c", "sleep 2; touch /tmp/ok; sleep 60"]\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t hc .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : HEALTHCHECK --interval=1s --timeout=3s --retries=2 CMD test -e /tmp/ok
   ---> Running in 813573b16aea
   ---> Removed intermediate container 813573b16aea
   ---> 50686676db99
  Step 3/3 : CMD ["sh", "-c", "sleep 2; touch /tmp/ok; sleep 60"]
   ---> Running in df45ec1b7550
   ---> Removed intermediate container df45ec1b7550
   ---> 551e4d3f2dce
  Successfully built 551e4d3f2dce
  Successfully tagged hc:latest
  $ docker inspect --format '{{json .Config.Healthcheck}}' hc
  {"Test":["CMD-SHELL","test -e /tmp/ok"],"Interval":1000000000,"Timeout":3000000000,"Retries":2}
  $ docker run -d --name hc1 hc > /dev/null
  $ docker ps --format '{{.Names}} {{.Status}}'
  hc1 Up Less than a second (health: starting)
  $ sleep 4.5
  $ docker ps --format '{{.Names}} {{.Status}}'
  hc1 Up 4 seconds (healthy)
  $ docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' hc1
  healthy 0
  $ docker rm -f hc1
  hc1
# HEALTHCHECK NONE switches off a check inherited from the base image (the commit merges the old timings in)
  $ printf 'FROM hc\nHEALTHCHECK NONE\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t hc-none . 2>/dev/null
  sha256:002b1332ad90831e8b9c7a5ca69303ea03950a456e386bc9b395643fd3916e42
  $ docker inspect --format '{{json .Config.Healthcheck}}' hc-none
  {"Test":["NONE"],"Interval":1000000000,"Timeout":3000000000,"Retries":2}
  $ printf 'FROM busybox\nHEALTHCHECK RUN true\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t hc-bad .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 2: Unknown type "RUN" in HEALTHCHECK (try CMD)
  [1]
  $ printf 'FROM busybox\nHEALTHCHECK --interval=500us CMD true\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t hc-bad .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms
  [1]
