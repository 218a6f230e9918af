# title: FROM mistakes: a base image that does not exist, bad names, a stage used before it exists
# topic: build
# seed: D03

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir fr
  $ cd fr
  $ printf 'FROM 127.0.0.1:5000/nosuch\nRUN echo never\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t fr .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM 127.0.0.1:5000/nosuch
  manifest for 127.0.0.1:5000/nosuch:latest not found: manifest unknown: manifest unknown
  [1]
# not recorded: FROM BusyBox; dockerd 20.10 says "invalid reference format: repository name must
# be lowercase", Docker 28 (distribution/reference 0.6) "... repository name (library/BusyBox) must be lowercase"
  $ printf 'FROM busybox AS 1st\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t fr .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 1: invalid name for build stage: "1st", name can't start with a number or contain symbols
  [1]
  $ printf 'FROM busybox AS\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t fr .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 1: FROM requires either one or three arguments
  [1]
  $ printf 'FROM\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t fr .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 1: FROM requires either one or three arguments
  [1]
# stage names are case-insensitive; a later FROM may use an earlier stage as its base
  $ printf 'FROM busybox AS Base\nRUN echo in base > /base.txt\nFROM base\nRUN cat /base.txt\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t fr .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/4 : FROM busybox AS Base
   ---> d5068c83069e
  Step 2/4 : RUN echo in base > /base.txt
   ---> Running in 036cb88dee01
   ---> Removed intermediate container 036cb88dee01
   ---> 4258cfdb2b33
  Step 3/4 : FROM base
   ---> 4258cfdb2b33
  Step 4/4 : RUN cat /base.txt
   ---> Running in 335e041cf33c
  in base
   ---> Removed intermediate container 335e041cf33c
   ---> dc551fff1977
  Successfully built dc551fff1977
  Successfully tagged fr:latest
  $ docker images -q | wc -l
  2
