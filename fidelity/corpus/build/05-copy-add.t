# title: COPY and ADD: globs, directories, destination rules, WORKDIR, --chown, tar archives
# topic: build
# seed: D07 D16 D22

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p ctx/dir/sub
  $ cd ctx
  $ echo alpha > a.txt
  $ echo beta > b.txt
  $ echo log > c.log
  $ echo deep > dir/sub/deep.txt
  $ echo top > dir/top.txt
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > COPY *.txt /glob/
  > COPY a.txt /renamed
  > COPY a.txt /into-dir/
  > COPY dir /contents
  > COPY dir/ /contents-slash
  > COPY ["b.txt", "/json form/"]
  > WORKDIR /app
  > COPY a.txt .
  > COPY b.txt rel/
  > COPY --chown=nobody:nogroup a.txt /owned-names
  > COPY --chown=1000:1000 a.txt /owned-ids
  > COPY --chown=daemon a.txt /owned-user
  > ADD a.txt c.log /added/
  > EOF
  $ DOCKER_BUILDKIT=0 docker build -q -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  sha256:38c972bdea2845321bb25ff917b7a979233bbd37def694d07d25d967bd37ded9
  $ docker run --rm copies find /glob /renamed /into-dir /contents /contents-slash '/json form' /app /added /owned-names | sort
  /added
  /added/a.txt
  /added/c.log
  /app
  /app/a.txt
  /app/rel
  /app/rel/b.txt
  /contents
  /contents-slash
  /contents-slash/sub
  /contents-slash/sub/deep.txt
  /contents-slash/top.txt
  /contents/sub
  /contents/sub/deep.txt
  /contents/top.txt
  /glob
  /glob/a.txt
  /glob/b.txt
  /into-dir
  /into-dir/a.txt
  /json form
  /json form/b.txt
  /owned-names
  /renamed
  $ docker run --rm copies stat -c '%n %U:%G %u:%g %a' /owned-names /owned-ids /owned-user /app/a.txt /contents
  /owned-names nobody:nogroup 65534:65534 644
  /owned-ids UNKNOWN:UNKNOWN 1000:1000 644
  /owned-user daemon:daemon 1:1 644
  /app/a.txt root:root 0:0 644
  /contents root:root 0:0 755
  $ docker run --rm copies cat /renamed /app/rel/b.txt
  alpha
  beta
# two sources need a directory destination that ends with /
  $ printf 'FROM busybox\nCOPY a.txt b.txt /notadir\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY a.txt b.txt /notadir
  When using COPY with more than one source file, the destination must be a directory and end with a /
  [1]
  $ printf 'FROM busybox\nCOPY *.nomatch /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY *.nomatch /
  COPY failed: no source files were specified
  [1]
  $ printf 'FROM busybox\nCOPY ../outside /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY ../outside /
  COPY failed: forbidden path outside the build context: ../outside ()
  [1]
  $ printf 'FROM busybox\nCOPY --chown=nosuchuser a.txt /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY --chown=nosuchuser a.txt /
  unable to convert uid/gid chown string to host mapping: can't find uid for user nosuchuser: no such user: nosuchuser
  [1]
# a user alone also names the group: busybox has a user nobody but no group nobody
  $ printf 'FROM busybox\nCOPY --chown=nobody a.txt /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY --chown=nobody a.txt /
  unable to convert uid/gid chown string to host mapping: can't find gid for group nobody: no such group: nobody
  [1]
  $ printf 'FROM busybox\nCOPY --chmod=755 a.txt /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t copies .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  8.192kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY --chmod=755 a.txt /
  the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled
  [1]
