# title: Dockerfile syntax details: line continuations, comments, parser directives, BuildKit-only flags
# topic: build
# seed: D02 D12 D21

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir syn
  $ cd syn
  $ cat > Dockerfile <<'EOF'
  > # syntax=docker/dockerfile:1
  > #Version:0.01
  > FROM busybox
  > # a comment between instructions
  > RUN echo one && \
  >     echo two && \
  > # a comment inside a continued line is dropped
  >     echo three
  > RUN echo "a # inside an argument is not a comment"
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t syn .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : RUN echo one &&     echo two &&     echo three
   ---> Running in a64bb21ddf25
  one
  two
  three
   ---> Removed intermediate container a64bb21ddf25
   ---> cb3657285f5b
  Step 3/3 : RUN echo "a # inside an argument is not a comment"
   ---> Running in fd898abc0df0
  a # inside an argument is not a comment
   ---> Removed intermediate container fd898abc0df0
   ---> bdee63a9cad2
  Successfully built bdee63a9cad2
  Successfully tagged syn:latest
# the escape directive makes the backtick the continuation character
  $ printf '# escape=`\nFROM busybox\nRUN echo back `\n    tick\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t syn .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo back     tick
   ---> Running in c8268952b7fe
  back tick
   ---> Removed intermediate container c8268952b7fe
   ---> d7a0c4168a86
  Successfully built d7a0c4168a86
  Successfully tagged syn:latest
# a directive after the first instruction is only a comment
  $ printf 'FROM busybox\n# escape=`\nRUN echo still \\\n    backslash\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t syn .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo still     backslash
   ---> Running in 14dac02fddbf
  still backslash
   ---> Removed intermediate container 14dac02fddbf
   ---> 1b76d9dd486e
  Successfully built 1b76d9dd486e
  Successfully tagged syn:latest
# flags only BuildKit knows are refused by the legacy builder
  $ printf 'FROM busybox\nRUN --mount=type=cache,target=/cache echo hi\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t syn .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN --mount=type=cache,target=/cache echo hi
  the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled
  [1]
# not recorded: an unknown flag (RUN --nosuch) reads "Unknown flag: nosuch" on dockerd 20.10 but
# "unknown flag: --nosuch" (with a did-you-mean hint when one is close) in Docker 28's parser; nor
# RUN <<EOF heredocs: 20.10 parses the body lines as instructions (unknown instruction: ECHO),
# while Docker 28's parser takes the body in and the legacy builder then runs only "<<EOF"
