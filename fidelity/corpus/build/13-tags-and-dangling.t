# title: Rebuilding a tag leaves a dangling image; -q, several -t, intermediate images
# topic: build
# seed: I17 I18 I19 D15

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir dodge
  $ cd dodge
  $ printf 'FROM busybox\nRUN echo v1 > /version\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t dodge:challenger . 2>/dev/null
  sha256:ce5a3b1f64f0b52b0d3533476f2796841c8ffc613a06e51b63d9aa9f894adf28
  $ docker images
  REPOSITORY   TAG          IMAGE ID       CREATED                  SIZE
  dodge        challenger   ce5a3b1f64f0   Less than a second ago   1.98MB
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
   ---> Running in 4a66ebb9eb7c
   ---> Removed intermediate container 4a66ebb9eb7c
   ---> 7a7eba1fb51a
  Successfully built 7a7eba1fb51a
  Successfully tagged dodge:challenger
  $ docker images
  REPOSITORY   TAG          IMAGE ID       CREATED                  SIZE
  <none>       <none>       83b8429326d1   Less than a second ago   1.98MB
  dodge        challenger   7a7eba1fb51a   Less than a second ago   1.98MB
  <none>       <none>       ce5a3b1f64f0   3 seconds ago            1.98MB
  busybox      latest       d5068c83069e   6 hours ago              1.98MB
  $ docker images --filter dangling=true
  REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
  <none>       <none>    83b8429326d1   Less than a second ago   1.98MB
  <none>       <none>    ce5a3b1f64f0   3 seconds ago            1.98MB
  $ docker image prune -f
  Deleted Images:
  deleted: sha256:83b8429326d1c3540e7087f15df2e80252542c11fc6ee86b3a2b6eea7316edbf
  deleted: sha256:c2bb10f013340b7177c665de5e7f557130e9b5fe2ae8964a80269b5046cc151d
  deleted: sha256:e1b7928a91ff89436de43d68817bf1122b0577b58bf5097e0902367224eb9d1e
  deleted: sha256:ce5a3b1f64f0b52b0d3533476f2796841c8ffc613a06e51b63d9aa9f894adf28
  deleted: sha256:04a977a2b7a894513b104ba7677bd9b2f6421ea3b2a42ccc8880add95e976788
  
  Total reclaimed space: 7B
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
   ---> Running in b949d53d2cd1
   ---> Removed intermediate container b949d53d2cd1
   ---> fea517826076
  Step 3/4 : RUN echo hi > /hi
   ---> Running in 85ffc3457f90
   ---> Removed intermediate container 85ffc3457f90
   ---> cd78cb90f4da
  Step 4/4 : LABEL step=two
   ---> Running in c63f55d0b447
   ---> Removed intermediate container c63f55d0b447
   ---> ce45cc414191
  Successfully built ce45cc414191
  Successfully tagged multi:latest
  Successfully tagged multi:1.0
  Successfully tagged 127.0.0.1:5000/multi:dev
  $ docker images multi
  REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
  multi        1.0       ce45cc414191   Less than a second ago   1.98MB
  multi        latest    ce45cc414191   Less than a second ago   1.98MB
# every step left an image; -a also counts the untagged intermediates (the newest share a second, so their order is not fixed)
  $ docker images -a --format '{{.Repository}}:{{.Tag}}' | sort | uniq -c
        1 127.0.0.1:5000/multi:dev
        4 <none>:<none>
        1 busybox:latest
        1 dodge:challenger
        1 multi:1.0
        1 multi:latest
  $ docker history -q multi:1.0
  ce45cc414191
  cd78cb90f4da
  fea517826076
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
