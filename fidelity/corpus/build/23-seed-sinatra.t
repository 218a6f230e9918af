# title: The ouruser/sinatra walk-through with a Dockerfile: build with -t="…", list, tag by ID
# topic: build
# seed: D01 D02 D04 D05 D12 D13 D14 I13 I30

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir sinatra
  $ cd sinatra
  $ touch Dockerfile
  $ cat > Dockerfile <<'EOF'
  > # This is a comment
  > FROM busybox
  > MAINTAINER Docker Newbee <newbee@docker.com>
  > RUN mkdir -p /var/lib/gems
  > RUN echo 'sinatra (stand-in)' > /var/lib/gems/sinatra
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t="ouruser/sinatra:v2" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/4 : FROM busybox
   ---> d5068c83069e
  Step 2/4 : MAINTAINER Docker Newbee <newbee@docker.com>
   ---> Running in 4c187d36fdc2
   ---> Removed intermediate container 4c187d36fdc2
   ---> c90177e61980
  Step 3/4 : RUN mkdir -p /var/lib/gems
   ---> Running in 4cd6013d65fc
   ---> Removed intermediate container 4cd6013d65fc
   ---> 299de245a494
  Step 4/4 : RUN echo 'sinatra (stand-in)' > /var/lib/gems/sinatra
   ---> Running in 6c16124c73fb
   ---> Removed intermediate container 6c16124c73fb
   ---> 4b1513e42baa
  Successfully built 4b1513e42baa
  Successfully tagged ouruser/sinatra:v2
  $ docker images ouruser/sinatra
  REPOSITORY        TAG       IMAGE ID       CREATED                  SIZE
  ouruser/sinatra   v2        4b1513e42baa   Less than a second ago   1.98MB
  $ docker tag $(docker images -q ouruser/sinatra:v2) ouruser/sinatra:devel
  $ docker images ouruser/sinatra
  REPOSITORY        TAG       IMAGE ID       CREATED        SIZE
  ouruser/sinatra   devel     4b1513e42baa   1 second ago   1.98MB
  ouruser/sinatra   v2        4b1513e42baa   1 second ago   1.98MB
  $ docker run --rm ouruser/sinatra:devel cat /var/lib/gems/sinatra
  sinatra (stand-in)
  $ docker inspect --format '{{.Author}}' ouruser/sinatra:devel
  Docker Newbee <newbee@docker.com>
# a Dockerfile written in lower case still builds; the seed's apt-get is not in busybox
  $ printf 'from busybox\nrun apt-get -qq update\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t="ouruser/sinatra:v3" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : from busybox
   ---> d5068c83069e
  Step 2/2 : run apt-get -qq update
   ---> Running in cc16d6cb213a
  [91m/bin/sh: apt-get: not found
  [0mThe command '/bin/sh -c apt-get -qq update' returned a non-zero code: 127
  [127]
  $ docker ps -a --format '{{.Status}}'
  Exited (127) Less than a second ago
