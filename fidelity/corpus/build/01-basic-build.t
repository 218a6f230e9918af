# title: A first build: FROM, RUN, CMD, then images, history and run
# topic: build
# seed: D01 D03 D05 D09 D13 D14 D19

  $ mkdir hello
  $ cd hello
  $ cat > Dockerfile <<'EOF'
  > # a first image
  > FROM busybox
  > RUN echo 'hello from the build' > /hello.txt
  > CMD ["cat", "/hello.txt"]
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t hello:v1 .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
  latest: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Verifying Checksum
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Downloaded newer image for busybox:latest
   ---> d5068c83069e
  Step 2/3 : RUN echo 'hello from the build' > /hello.txt
   ---> Running in 94deeb77b7d7
   ---> Removed intermediate container 94deeb77b7d7
   ---> 4d1e43f9da92
  Step 3/3 : CMD ["cat", "/hello.txt"]
   ---> Running in 3c6818293b40
   ---> Removed intermediate container 3c6818293b40
   ---> 817e90d4fcbb
  Successfully built 817e90d4fcbb
  Successfully tagged hello:v1
  $ docker images
  REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
  hello        v1        817e90d4fcbb   Less than a second ago   1.98MB
  busybox      latest    d5068c83069e   5 hours ago              1.98MB
  $ docker history hello:v1
  IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT
  817e90d4fcbb   1 second ago   /bin/sh -c #(nop)  CMD ["cat" "/hello.txt"]     0B        
  4d1e43f9da92   1 second ago   /bin/sh -c echo 'hello from the build' > /he…   21B       
  d5068c83069e   5 hours ago    /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      5 hours ago    /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker run --rm hello:v1
  hello from the build
  $ docker run --rm hello:v1 ls /hello.txt
  /hello.txt
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
  $ DOCKER_BUILDKIT=0 docker build -t="hello" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : RUN echo 'hello from the build' > /hello.txt
   ---> Using cache
   ---> 4d1e43f9da92
  Step 3/3 : CMD ["cat", "/hello.txt"]
   ---> Using cache
   ---> 817e90d4fcbb
  Successfully built 817e90d4fcbb
  Successfully tagged hello:latest
  $ docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}'
  hello:latest 817e90d4fcbb
  hello:v1 817e90d4fcbb
  busybox:latest d5068c83069e
