# title: Rebuilding a tag leaves a dangling image; -q, several -t, intermediate images
# topic: build
# seed: I17 I18 I19 D15

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir dodge
  $ cd dodge
  $ printf 'FROM busybox\nRUN echo v1 > /version\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t dodge:challenger . 2>/dev/null
  sha256:8526cbd3903cf0f7252e212714afa8930b6dd6fdb56e7f822eeba213d87ae89f
  $ docker images
  REPOSITORY   TAG          IMAGE ID       CREATED                  SIZE
  dodge        challenger   8526cbd3903c   Less than a second ago   1.98MB
  busybox      latest       d5068c83069e   6 hours ago              1.98MB
# images are listed newest first, to the second: keep the two builds a second apart
  $ sleep 1
  $ printf 'FROM busybox\nRUN echo v2 > /version\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t dodge:challenger .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo v2 > /version
   ---> Running in 78dad82cfd86
   ---> Removed intermediate container 78dad82cfd86
   ---> 5f6cab38a2b0
  Successfully built 5f6cab38a2b0
  Successfully tagged dodge:challenger
  $ docker images
  REPOSITORY   TAG          IMAGE ID       CREATED                  SIZE
  dodge        challenger   5f6cab38a2b0   Less than a second ago   1.98MB
  <none>       <none>       8526cbd3903c   2 seconds ago            1.98MB
  busybox      latest       d5068c83069e   6 hours ago              1.98MB
  $ docker images --filter dangling=true
  REPOSITORY   TAG       IMAGE ID       CREATED         SIZE
  <none>       <none>    8526cbd3903c   2 seconds ago   1.98MB
  $ docker image prune -f
  Deleted Images:
  deleted: sha256:8526cbd3903cf0f7252e212714afa8930b6dd6fdb56e7f822eeba213d87ae89f
  deleted: sha256:a18daa9e4a65e54012fa1a2770b940debb28779e268c40afe25ee0b5a3ee405f
  
  Total reclaimed space: 3B
  $ docker images -q | wc -l
  2
# several -t tag one image; a repository without a tag gets latest
  $ printf 'FROM busybox\nLABEL step=one\nRUN echo hi > /hi\nLABEL step=two\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t multi -t multi:1.0 -t 127.0.0.1:5000/multi:dev .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/4 : FROM busybox
   ---> d5068c83069e
  Step 2/4 : LABEL step=one
   ---> Running in 5d533fa99028
   ---> Removed intermediate container 5d533fa99028
   ---> bad303eefb77
  Step 3/4 : RUN echo hi > /hi
   ---> Running in dc77856793d7
   ---> Removed intermediate container dc77856793d7
   ---> fcf85c14e80c
  Step 4/4 : LABEL step=two
   ---> Running in ab7285600362
   ---> Removed intermediate container ab7285600362
   ---> 68de1c76dd15
  Successfully built 68de1c76dd15
  Successfully tagged multi:latest
  Successfully tagged multi:1.0
  Successfully tagged 127.0.0.1:5000/multi:dev
  $ docker images multi
  REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
  multi        1.0       68de1c76dd15   Less than a second ago   1.98MB
  multi        latest    68de1c76dd15   Less than a second ago   1.98MB
# every step left an image; -a also counts the untagged intermediates (the newest share a second, so their order is not fixed)
  $ docker images -a --format '{{.Repository}}:{{.Tag}}' | sort | uniq -c
        1 127.0.0.1:5000/multi:dev
        2 <none>:<none>
        1 busybox:latest
        1 dodge:challenger
        1 multi:1.0
        1 multi:latest
  $ docker history -q multi:1.0
  68de1c76dd15
  fcf85c14e80c
  bad303eefb77
  d5068c83069e
  <missing>
  $ docker rmi multi:1.0
  Untagged: multi:1.0
  $ DOCKER_BUILDKIT=0 docker build -t 'Bad:Tag' .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  invalid argument "Bad:Tag" for "-t, --tag" flag: invalid reference format: repository name (library/Bad) must be lowercase
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [125]
