# title: Instructions with missing or malformed arguments
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir ae
  $ cd ae
  $ printf 'FROM busybox\nENV ONLYNAME\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: failed to parse Dockerfile: ENV must have two arguments
  [1]
# the old ENV form takes everything after the name as the value
  $ printf 'FROM busybox\nENV GREETING hello big world\nRUN echo "[$GREETING]"\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t ae . 2>/dev/null
  sha256:6ab7c04c1ba496a72ef437464cff607a008203a88da4f3d64ca1cc8d6beca38d
  $ docker inspect --format '{{json .Config.Env}}' ae
  ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","GREETING=hello big world"]
  $ printf 'FROM busybox\nLABEL justakey\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: failed to parse Dockerfile: LABEL must have two arguments
  [1]
  $ printf 'FROM busybox\nENV A=1 B\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: failed to parse Dockerfile: Syntax error - can't find = in "B". Must be of the form: name=value
  [1]
  $ printf 'FROM busybox\nEXPOSE\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 2: EXPOSE requires at least one argument
  [1]
# WORKDIR takes the rest of the line as one path: this makes a directory named "/a /b"
  $ printf 'FROM busybox\nWORKDIR /a /b\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : WORKDIR /a /b
   ---> Running in 004f331bbab3
   ---> Removed intermediate container 004f331bbab3
   ---> 0504d9a34af4
  Successfully built 0504d9a34af4
  Successfully tagged ae:latest
  $ printf 'FROM busybox\nUSER\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 2: USER requires exactly one argument
  [1]
# not recorded: STOPSIGNAL BOGUS and EXPOSE 80/xyz; dockerd 20.10 says "Invalid signal: BOGUS" and
# "Invalid proto: xyz", Docker 28 (moby/sys/signal, go-connections 0.5) "invalid signal: BOGUS", "invalid proto: xyz"
# USER is not checked until a step runs a container as that user
  $ printf 'FROM busybox\nUSER nosuchuser\nRUN id\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t ae .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : USER nosuchuser
   ---> Running in a391ea5f5fd6
   ---> Removed intermediate container a391ea5f5fd6
   ---> 356042e5df6a
  Step 3/3 : RUN id
   ---> Running in 1c6b1eb643c4
  unable to find user nosuchuser: no matching entries in passwd file
  [1]
