# title: The build cache: Using cache, a changed COPY source, --no-cache
# topic: build
# seed: D17 D18

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir app
  $ cd app
  $ echo 'version 1' > msg.txt
  $ echo 'unchanged' > other.txt
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > ENV REFRESHED_AT 2017-11-28
  > RUN echo built > /built.txt
  > COPY other.txt /other.txt
  > COPY msg.txt /msg.txt
  > RUN cat /msg.txt > /copy-of-msg.txt
  > CMD ["cat", "/copy-of-msg.txt"]
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM busybox
   ---> d5068c83069e
  Step 2/7 : ENV REFRESHED_AT 2017-11-28
   ---> Running in c268b5e5eda4
   ---> Removed intermediate container c268b5e5eda4
   ---> 63490de0fabb
  Step 3/7 : RUN echo built > /built.txt
   ---> Running in 43230318b1ce
   ---> Removed intermediate container 43230318b1ce
   ---> 37734f411200
  Step 4/7 : COPY other.txt /other.txt
   ---> a7e1be963eb2
  Step 5/7 : COPY msg.txt /msg.txt
   ---> 17d1b9aa1a7b
  Step 6/7 : RUN cat /msg.txt > /copy-of-msg.txt
   ---> Running in e63b1a68f326
   ---> Removed intermediate container e63b1a68f326
   ---> dcf6586bb6ec
  Step 7/7 : CMD ["cat", "/copy-of-msg.txt"]
   ---> Running in a77610696685
   ---> Removed intermediate container a77610696685
   ---> 1cfe6d5beabe
  Successfully built 1cfe6d5beabe
  Successfully tagged cached:latest
  $ DOCKER_BUILDKIT=0 docker build -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM busybox
   ---> d5068c83069e
  Step 2/7 : ENV REFRESHED_AT 2017-11-28
   ---> Using cache
   ---> 63490de0fabb
  Step 3/7 : RUN echo built > /built.txt
   ---> Using cache
   ---> 37734f411200
  Step 4/7 : COPY other.txt /other.txt
   ---> Using cache
   ---> a7e1be963eb2
  Step 5/7 : COPY msg.txt /msg.txt
   ---> Using cache
   ---> 17d1b9aa1a7b
  Step 6/7 : RUN cat /msg.txt > /copy-of-msg.txt
   ---> Using cache
   ---> dcf6586bb6ec
  Step 7/7 : CMD ["cat", "/copy-of-msg.txt"]
   ---> Using cache
   ---> 1cfe6d5beabe
  Successfully built 1cfe6d5beabe
  Successfully tagged cached:latest
# the file's content changes: the cache holds up to the COPY of that file
  $ echo 'version 2' > msg.txt
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM busybox
   ---> d5068c83069e
  Step 2/7 : ENV REFRESHED_AT 2017-11-28
   ---> Using cache
   ---> 63490de0fabb
  Step 3/7 : RUN echo built > /built.txt
   ---> Using cache
   ---> 37734f411200
  Step 4/7 : COPY other.txt /other.txt
   ---> Using cache
   ---> a7e1be963eb2
  Step 5/7 : COPY msg.txt /msg.txt
   ---> 741fd98dfd9a
  Step 6/7 : RUN cat /msg.txt > /copy-of-msg.txt
   ---> Running in 409b9540c01d
   ---> Removed intermediate container 409b9540c01d
   ---> 48df60206d1b
  Step 7/7 : CMD ["cat", "/copy-of-msg.txt"]
   ---> Running in f37cf6e1df5c
   ---> Removed intermediate container f37cf6e1df5c
   ---> 582175a40054
  Successfully built 582175a40054
  Successfully tagged cached:latest
  $ docker run --rm cached
  version 2
# only the modification time changes: the content checksum still matches
  $ touch other.txt msg.txt
  $ DOCKER_BUILDKIT=0 docker build -q -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  sha256:582175a40054badcf0c56d5073ca82cc2ce300532f077d34f200e6f60ab3a9af
# the ENV REFRESHED_AT trick: a new value invalidates every later step
  $ sed -i 's/2017-11-28/2017-11-29/' Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM busybox
   ---> d5068c83069e
  Step 2/7 : ENV REFRESHED_AT 2017-11-29
   ---> Running in 17cc44e40721
   ---> Removed intermediate container 17cc44e40721
   ---> 7390f6452d15
  Step 3/7 : RUN echo built > /built.txt
   ---> Running in fe2438018a59
   ---> Removed intermediate container fe2438018a59
   ---> 62350fdb748e
  Step 4/7 : COPY other.txt /other.txt
   ---> 3d5ab306ffd2
  Step 5/7 : COPY msg.txt /msg.txt
   ---> 7478682e4a3d
  Step 6/7 : RUN cat /msg.txt > /copy-of-msg.txt
   ---> Running in 41dc913ea909
   ---> Removed intermediate container 41dc913ea909
   ---> 2f5707ea4eca
  Step 7/7 : CMD ["cat", "/copy-of-msg.txt"]
   ---> Running in 64bec69b871a
   ---> Removed intermediate container 64bec69b871a
   ---> 35efec35a590
  Successfully built 35efec35a590
  Successfully tagged cached:latest
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --no-cache -t cached .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM busybox
   ---> d5068c83069e
  Step 2/7 : ENV REFRESHED_AT 2017-11-29
   ---> Running in b770187b6f2a
   ---> Removed intermediate container b770187b6f2a
   ---> 2889b0312dba
  Step 3/7 : RUN echo built > /built.txt
   ---> Running in cf5d0ce2e14a
   ---> Removed intermediate container cf5d0ce2e14a
   ---> 3c857a2f2e59
  Step 4/7 : COPY other.txt /other.txt
   ---> 969740508e76
  Step 5/7 : COPY msg.txt /msg.txt
   ---> 6c8cf4e765d9
  Step 6/7 : RUN cat /msg.txt > /copy-of-msg.txt
   ---> Running in 489a3f11c459
   ---> Removed intermediate container 489a3f11c459
   ---> 85558f45bf68
  Step 7/7 : CMD ["cat", "/copy-of-msg.txt"]
   ---> Running in 2ff2d242d50a
   ---> Removed intermediate container 2ff2d242d50a
   ---> 981448fe482d
  Successfully built 981448fe482d
  Successfully tagged cached:latest
  $ docker images -a --format '{{.Repository}}:{{.Tag}}' | sort | uniq -c
       20 <none>:<none>
        1 busybox:latest
        1 cached:latest
