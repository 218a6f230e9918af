# title: Build gotchas: ENV beats ARG, writes into a VOLUME are lost, RUN cd does not last, shell state is per step
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir gt
  $ cd gt
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > ARG MODE=dev
  > ENV MODE=prod
  > RUN echo "MODE is $MODE"
  > VOLUME /data
  > RUN echo written > /data/file; ls /data
  > RUN ls /data
  > RUN cd /tmp && export LOCAL=set
  > RUN pwd; echo "LOCAL=[$LOCAL]"
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --build-arg MODE=cli -t gt .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/9 : FROM busybox
   ---> d5068c83069e
  Step 2/9 : ARG MODE=dev
   ---> Running in 7ebd924d8c37
   ---> Removed intermediate container 7ebd924d8c37
   ---> bd59185527aa
  Step 3/9 : ENV MODE=prod
   ---> Running in 994227ba0148
   ---> Removed intermediate container 994227ba0148
   ---> c9cb615cb067
  Step 4/9 : RUN echo "MODE is $MODE"
   ---> Running in b0b363a163e4
  MODE is prod
   ---> Removed intermediate container b0b363a163e4
   ---> 701c9352d522
  Step 5/9 : VOLUME /data
   ---> Running in a31fb8f10b31
   ---> Removed intermediate container a31fb8f10b31
   ---> 23507a0b24e8
  Step 6/9 : RUN echo written > /data/file; ls /data
   ---> Running in c5f238734729
  file
   ---> Removed intermediate container c5f238734729
   ---> 898448c84f0a
  Step 7/9 : RUN ls /data
   ---> Running in 2465e78a235b
   ---> Removed intermediate container 2465e78a235b
   ---> e6d5cc8be14b
  Step 8/9 : RUN cd /tmp && export LOCAL=set
   ---> Running in ecaffdcc781d
   ---> Removed intermediate container ecaffdcc781d
   ---> 5ff742579b57
  Step 9/9 : RUN pwd; echo "LOCAL=[$LOCAL]"
   ---> Running in 298a6a08f4df
  /
  LOCAL=[]
   ---> Removed intermediate container 298a6a08f4df
   ---> e6e79ff5f92d
  Successfully built e6e79ff5f92d
  Successfully tagged gt:latest
  $ docker run --rm gt ls /data
# the anonymous volumes of the build containers went with them
  $ docker volume ls -q | wc -l
  0
