# title: ARG: defaults, --build-arg, unused build-args, ARG before FROM, stages, predefined proxies
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir args
  $ cd args
  $ cat > Dockerfile <<'EOF'
  > ARG BASE=busybox
  > FROM $BASE
  > ARG WHO=world
  > ARG EMPTY
  > RUN echo "hello $WHO [$EMPTY] base=[$BASE]"
  > ENV KEPT=$WHO
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/6 : ARG BASE=busybox
  Step 2/6 : FROM $BASE
   ---> d5068c83069e
  Step 3/6 : ARG WHO=world
   ---> Running in 9fc858d21620
   ---> Removed intermediate container 9fc858d21620
   ---> 5048c361d872
  Step 4/6 : ARG EMPTY
   ---> Running in eaefb583832a
   ---> Removed intermediate container eaefb583832a
   ---> 46f892699b94
  Step 5/6 : RUN echo "hello $WHO [$EMPTY] base=[$BASE]"
   ---> Running in 6cd7977c9430
  hello world [] base=[]
   ---> Removed intermediate container 6cd7977c9430
   ---> ae93700378f7
  Step 6/6 : ENV KEPT=$WHO
   ---> Running in fa8ddc4c7985
   ---> Removed intermediate container fa8ddc4c7985
   ---> 0d1b040677cd
  Successfully built 0d1b040677cd
  Successfully tagged args:latest
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --build-arg WHO=docker --build-arg EMPTY=full -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/6 : ARG BASE=busybox
  Step 2/6 : FROM $BASE
   ---> d5068c83069e
  Step 3/6 : ARG WHO=world
   ---> Using cache
   ---> 5048c361d872
  Step 4/6 : ARG EMPTY
   ---> Using cache
   ---> 46f892699b94
  Step 5/6 : RUN echo "hello $WHO [$EMPTY] base=[$BASE]"
   ---> Running in 167e3502c322
  hello docker [full] base=[]
   ---> Removed intermediate container 167e3502c322
   ---> ad1ee8b79561
  Step 6/6 : ENV KEPT=$WHO
   ---> Running in 3ca02bfec5cb
   ---> Removed intermediate container 3ca02bfec5cb
   ---> cd868b2b5535
  Successfully built cd868b2b5535
  Successfully tagged args:latest
  $ docker history --format '{{.CreatedBy}}' args | head -3
  /bin/sh -c #(nop)  ENV KEPT=docker
  |2 EMPTY=full WHO=docker /bin/sh -c echo "he…
  /bin/sh -c #(nop)  ARG EMPTY
  $ docker inspect --format '{{json .Config.Env}}' args
  ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","KEPT=docker"]
# a build-arg that no ARG declares is reported, not refused
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --build-arg NOBODY=x --build-arg WHO=again -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/6 : ARG BASE=busybox
  Step 2/6 : FROM $BASE
   ---> d5068c83069e
  Step 3/6 : ARG WHO=world
   ---> Using cache
   ---> 5048c361d872
  Step 4/6 : ARG EMPTY
   ---> Using cache
   ---> 46f892699b94
  Step 5/6 : RUN echo "hello $WHO [$EMPTY] base=[$BASE]"
   ---> Running in d45a5dc0f6ba
  hello again [] base=[]
   ---> Removed intermediate container d45a5dc0f6ba
   ---> 667fa16fb5a0
  Step 6/6 : ENV KEPT=$WHO
   ---> Running in a10be28d6913
   ---> Removed intermediate container a10be28d6913
   ---> 65a339d4819d
  [Warning] One or more build-args [NOBODY] were not consumed
  Successfully built 65a339d4819d
  Successfully tagged args:latest
# ARG before FROM is only in scope for FROM lines unless declared again
  $ cat > Dockerfile <<'EOF'
  > ARG BASE=busybox
  > ARG V=1
  > FROM $BASE AS first
  > ARG V
  > RUN echo "first stage sees V=$V"
  > FROM $BASE
  > RUN echo "second stage sees V=[$V]"
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/7 : ARG BASE=busybox
  Step 2/7 : ARG V=1
  Step 3/7 : FROM $BASE AS first
   ---> d5068c83069e
  Step 4/7 : ARG V
   ---> Running in 47b15203fac2
   ---> Removed intermediate container 47b15203fac2
   ---> baa88fe6cfb0
  Step 5/7 : RUN echo "first stage sees V=$V"
   ---> Running in be0d87647df1
  first stage sees V=1
   ---> Removed intermediate container be0d87647df1
   ---> 27f0708c4562
  Step 6/7 : FROM $BASE
   ---> d5068c83069e
  Step 7/7 : RUN echo "second stage sees V=[$V]"
   ---> Running in b0a476c79089
  second stage sees V=[]
   ---> Removed intermediate container b0a476c79089
   ---> 9c3c8df54db9
  Successfully built 9c3c8df54db9
  Successfully tagged args:latest
# proxy variables are predefined: usable without ARG and kept out of history (the "|0" counts the build-args written there)
  $ printf 'FROM busybox\nRUN echo "proxy=$HTTP_PROXY"\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --build-arg HTTP_PROXY=http://127.0.0.1:3128 -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo "proxy=$HTTP_PROXY"
   ---> Running in 41c386541078
  proxy=http://127.0.0.1:3128
   ---> Removed intermediate container 41c386541078
   ---> 274129700d7b
  Successfully built 274129700d7b
  Successfully tagged args:latest
  $ docker history --format '{{.CreatedBy}}' args | head -1
  |0 /bin/sh -c echo "proxy=$HTTP_PROXY"
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --build-arg 'BAD NAME=1' -t args .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo "proxy=$HTTP_PROXY"
   ---> Running in b5357e8c9991
  proxy=
   ---> Removed intermediate container b5357e8c9991
   ---> cde4e72e0b68
  [Warning] One or more build-args [BAD NAME] were not consumed
  Successfully built cde4e72e0b68
  Successfully tagged args:latest
