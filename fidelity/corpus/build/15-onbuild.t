# title: ONBUILD triggers run in the build of a child image
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p base child
  $ printf 'FROM busybox\nWORKDIR /app\nONBUILD COPY . /app/\nONBUILD RUN echo "trigger ran in $(pwd)"; ls\nCMD ["ls", "/app"]\n' > base/Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t onbase base
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/5 : FROM busybox
   ---> d5068c83069e
  Step 2/5 : WORKDIR /app
   ---> Running in acb977dad313
   ---> Removed intermediate container acb977dad313
   ---> d2121d282e0d
  Step 3/5 : ONBUILD COPY . /app/
   ---> Running in 91fc69ed451c
   ---> Removed intermediate container 91fc69ed451c
   ---> 1df4e652d886
  Step 4/5 : ONBUILD RUN echo "trigger ran in $(pwd)"; ls
   ---> Running in 6aedc642fffc
   ---> Removed intermediate container 6aedc642fffc
   ---> aaa29614720a
  Step 5/5 : CMD ["ls", "/app"]
   ---> Running in 5137da759536
   ---> Removed intermediate container 5137da759536
   ---> 8ac32009dda4
  Successfully built 8ac32009dda4
  Successfully tagged onbase:latest
  $ docker inspect --format '{{json .Config.OnBuild}}' onbase
  ["COPY . /app/","RUN echo \"trigger ran in $(pwd)\"; ls"]
  $ echo 'child file' > child/hello.txt
  $ printf 'FROM onbase\nRUN echo after the triggers\n' > child/Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t onchild child
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM onbase
  # Executing 2 build triggers
   ---> Running in 254dd74737dd
  trigger ran in /app
  Dockerfile
  hello.txt
   ---> Removed intermediate container 254dd74737dd
   ---> f8d63d2b692c
  Step 2/2 : RUN echo after the triggers
   ---> Running in f625cb606974
  after the triggers
   ---> Removed intermediate container f625cb606974
   ---> 62604bc7a617
  Successfully built 62604bc7a617
  Successfully tagged onchild:latest
  $ docker run --rm onchild
  Dockerfile
  hello.txt
# triggers fire once: the child image does not carry them on
  $ docker inspect --format '{{json .Config.OnBuild}}' onchild
  null
  $ printf 'FROM busybox\nONBUILD ONBUILD RUN true\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t onbad .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  6.144kB
  Error response from daemon: dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed
  [1]
  $ printf 'FROM busybox\nONBUILD FROM busybox\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t onbad .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  6.144kB
  Error response from daemon: dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger
  [1]
