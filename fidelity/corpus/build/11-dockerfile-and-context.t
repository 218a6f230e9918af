# title: Choosing the Dockerfile and the context: -f, a Dockerfile on stdin, a tar context on stdin
# topic: build
# seed: D13 D20

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p proj/src elsewhere
  $ echo 'from the context' > proj/src/data.txt
  $ printf 'FROM busybox\nCOPY src/data.txt /\nCMD ["cat", "/data.txt"]\n' > proj/Dockerfile.dev
  $ printf 'FROM busybox\nCOPY src/data.txt /outside.txt\nCMD ["cat", "/outside.txt"]\n' > elsewhere/Dockerfile
# the context directory as the argument, the Dockerfile named with -f
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -f proj/Dockerfile.dev -t dev proj
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.584kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : COPY src/data.txt /
   ---> 7b4e38a8e87c
  Step 3/3 : CMD ["cat", "/data.txt"]
   ---> Running in fdd29006bc08
   ---> Removed intermediate container fdd29006bc08
   ---> 55cca631c71c
  Successfully built 55cca631c71c
  Successfully tagged dev:latest
  $ DOCKER_BUILDKIT=0 docker build -q -f elsewhere/Dockerfile -t outside proj 2>/dev/null
  sha256:0d8d854d5346d724af8d015a643d33acfb9e7757780426da03d82faf251af906
  $ docker run --rm outside
  from the context
# a context without a Dockerfile fails the same way, but the message names the absolute
# path of the context (unable to evaluate symlinks in Dockerfile path: lstat /.../proj/Dockerfile),
# so only the -f form is recorded here
  $ DOCKER_BUILDKIT=0 docker build -f /nonexistent/Dockerfile -t nofile proj
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /nonexistent: no such file or directory
  [1]
  $ cd proj
# a Dockerfile on stdin and no context: nothing to COPY from
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ printf 'FROM busybox\nRUN echo piped\n' | DOCKER_BUILDKIT=0 docker build -t piped -
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo piped
   ---> Running in 56efb3ec18f8
  piped
   ---> Removed intermediate container 56efb3ec18f8
   ---> e8367b7bdd8b
  Successfully built e8367b7bdd8b
  Successfully tagged piped:latest
  $ DOCKER_BUILDKIT=0 docker build -t piped - < Dockerfile.dev
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : COPY src/data.txt /
  COPY failed: file not found in build context or excluded by .dockerignore: stat src/data.txt: file does not exist
  [1]
# a Dockerfile on stdin with a context directory
  $ DOCKER_BUILDKIT=0 docker build -q -f- -t dash-f . < Dockerfile.dev 2>/dev/null
  sha256:55cca631c71ce9fcad74b275c5e5eb35ecb08fc9ea4680d85ccfdcde79808b32
  $ docker run --rm dash-f
  from the context
# a tar archive on stdin is the context; its Dockerfile is used
  $ cp Dockerfile.dev Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ tar -cf - . | DOCKER_BUILDKIT=0 docker build -t from-tar -
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  10.24kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : COPY src/data.txt /
   ---> 81b618ee1c2e
  Step 3/3 : CMD ["cat", "/data.txt"]
   ---> Running in 4db88b4bfa9b
   ---> Removed intermediate container 4db88b4bfa9b
   ---> d58114e9d052
  Successfully built d58114e9d052
  Successfully tagged from-tar:latest
  $ docker run --rm from-tar
  from the context
