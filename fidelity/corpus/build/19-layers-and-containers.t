# title: Which steps add layers; --rm=false and --force-rm; --label
# topic: build
# seed: D12 D14

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir layers
  $ cd layers
  $ echo data > data.txt
  $ printf 'FROM busybox\nENV A=1\nRUN echo one > /one\nLABEL x=y\nCOPY data.txt /\nWORKDIR /w\nRUN true\nCMD ["sh"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t layers . 2>/dev/null
  sha256:9fc2e636fc3db62bdd038e671c40ac61aa6669d55b5c0cc1e6156d25d9131746
# every step is an image in history, but only steps that change files add a layer: RUN echo, COPY and
# the WORKDIR that creates /w do; ENV, LABEL, CMD and a RUN that changes nothing (true) do not
  $ docker history --format '{{.Size}}\t{{.CreatedBy}}' layers
  0B	/bin/sh -c #(nop)  CMD ["sh"]
  0B	/bin/sh -c true
  0B	/bin/sh -c #(nop) WORKDIR /w
  5B	/bin/sh -c #(nop) COPY file:b2ef05839de661da…
  0B	/bin/sh -c #(nop)  LABEL x=y
  4B	/bin/sh -c echo one > /one
  0B	/bin/sh -c #(nop)  ENV A=1
  0B	/bin/sh -c #(nop)  CMD ["sh"]
  1.98MB	/bin/sh -c #(nop) ADD file:97e6624b2687718d8…
  $ docker inspect --format '{{len .RootFS.Layers}}' busybox layers
  1
  4
# --rm=false keeps each step's container: RUN ones exited, the others only created
  $ DOCKER_BUILDKIT=0 docker build --no-cache --rm=false -t kept .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/8 : FROM busybox
   ---> d5068c83069e
  Step 2/8 : ENV A=1
   ---> Running in 00165382edb4
   ---> 756bb8a0cf28
  Step 3/8 : RUN echo one > /one
   ---> Running in 3cf7530fd652
   ---> f106e82c7393
  Step 4/8 : LABEL x=y
   ---> Running in 042feeed4860
   ---> 7f6792628cfc
  Step 5/8 : COPY data.txt /
   ---> c335ce768a35
  Step 6/8 : WORKDIR /w
   ---> Running in 2debbacb28d9
   ---> 2d744ccc37e1
  Step 7/8 : RUN true
   ---> Running in b68c3d3384fb
   ---> 7dc7d16c0716
  Step 8/8 : CMD ["sh"]
   ---> Running in 23256bc67b59
   ---> a7e9e8811693
  Successfully built a7e9e8811693
  Successfully tagged kept:latest
  $ docker ps -a --format '{{.Status}}\t{{.Command}}'
  Created	"/bin/sh -c '#(nop) …"
  Exited (0) 1 second ago	"/bin/sh -c true"
  Created	"/bin/sh -c '#(nop) …"
  Created	"/bin/sh -c '#(nop) …"
  Exited (0) 4 seconds ago	"/bin/sh -c 'echo on…"
  Created	"/bin/sh -c '#(nop) …"
  $ docker container prune -f > /dev/null
# --force-rm removes the container of a failing step too
  $ printf 'FROM busybox\nRUN echo failing; exit 2\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --force-rm -t failing .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo failing; exit 2
   ---> Running in 867d9cfa4aac
  failing
   ---> Removed intermediate container 867d9cfa4aac
  The command '/bin/sh -c echo failing; exit 2' returned a non-zero code: 2
  [2]
  $ docker ps -a -q | wc -l
  0
  $ DOCKER_BUILDKIT=0 docker build -t failing .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo failing; exit 2
   ---> Running in 7a0f59041b53
  failing
  The command '/bin/sh -c echo failing; exit 2' returned a non-zero code: 2
  [2]
  $ docker ps -a --format '{{.Status}}\t{{.Command}}'
  Exited (2) Less than a second ago	"/bin/sh -c 'echo fa…"
  $ printf 'FROM busybox\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q --label team=docs --label tier -t labelled . 2>/dev/null
  sha256:18fe14033415734375fd7aa3907ff82de28da4eaf96ba32a2e9a305d3000a3d1
  $ docker inspect --format '{{json .Config.Labels}}' labelled
  {"team":"docs","tier":""}
