# title: Multi-stage builds: named stages, COPY --from, --target, FROM scratch
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir ms
  $ cd ms
  $ cat > Dockerfile <<'EOF'
  > FROM busybox AS builder
  > RUN mkdir /out && echo 'built artefact' > /out/app.txt
  >
  > FROM busybox AS tester
  > COPY --from=builder /out/app.txt /check/
  > RUN cat /check/app.txt
  >
  > FROM scratch
  > COPY --from=builder /out /
  > COPY --from=busybox /bin/busybox /bin/cat
  > COPY --from=0 /out/app.txt /again.txt
  > CMD ["/bin/cat", "/app.txt", "/again.txt"]
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t final .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/10 : FROM busybox AS builder
   ---> d5068c83069e
  Step 2/10 : RUN mkdir /out && echo 'built artefact' > /out/app.txt
   ---> Running in c47073971548
   ---> Removed intermediate container c47073971548
   ---> 04d508a22b24
  Step 3/10 : FROM busybox AS tester
   ---> d5068c83069e
  Step 4/10 : COPY --from=builder /out/app.txt /check/
   ---> 7d506e3f1728
  Step 5/10 : RUN cat /check/app.txt
   ---> Running in be67d9d6ed7f
  built artefact
   ---> Removed intermediate container be67d9d6ed7f
   ---> e5f3f6bdc1dc
  Step 6/10 : FROM scratch
   ---> 
  Step 7/10 : COPY --from=builder /out /
   ---> c7375792203d
  Step 8/10 : COPY --from=busybox /bin/busybox /bin/cat
   ---> eb74a3a0c34c
  Step 9/10 : COPY --from=0 /out/app.txt /again.txt
   ---> ddde4b26fae7
  Step 10/10 : CMD ["/bin/cat", "/app.txt", "/again.txt"]
   ---> Running in 50c179582a32
   ---> Removed intermediate container 50c179582a32
   ---> 1dc420a1bd7a
  Successfully built 1dc420a1bd7a
  Successfully tagged final:latest
  $ docker run --rm final
  built artefact
  built artefact
  $ docker history final
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  1dc420a1bd7a   Less than a second ago   /bin/sh -c #(nop)  CMD ["/bin/cat" "/app.txt…   0B        
  ddde4b26fae7   1 second ago             /bin/sh -c #(nop) COPY file:13cf503cb9ee5eb2…   15B       
  eb74a3a0c34c   1 second ago             /bin/sh -c #(nop) COPY file:66622fc90963203a…   1.98MB    
  c7375792203d   2 seconds ago            /bin/sh -c #(nop) COPY dir:933e63aade8361d70…   15B       
  $ docker images -a --format '{{.Repository}}:{{.Tag}}' | sort | uniq -c
        6 <none>:<none>
        1 busybox:latest
        1 final:latest
  $ DOCKER_BUILDKIT=0 docker build --target tester -t tester .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/5 : FROM busybox AS builder
   ---> d5068c83069e
  Step 2/5 : RUN mkdir /out && echo 'built artefact' > /out/app.txt
   ---> Using cache
   ---> 04d508a22b24
  Step 3/5 : FROM busybox AS tester
   ---> d5068c83069e
  Step 4/5 : COPY --from=builder /out/app.txt /check/
   ---> Using cache
   ---> 7d506e3f1728
  Step 5/5 : RUN cat /check/app.txt
   ---> Using cache
   ---> e5f3f6bdc1dc
  Successfully built e5f3f6bdc1dc
  Successfully tagged tester:latest
  $ docker inspect --format '{{json .Config.Cmd}}' tester
  ["sh"]
# scratch has no shell: a shell-form RUN cannot start
  $ printf 'FROM scratch\nRUN echo hi\n' > Dockerfile
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ DOCKER_BUILDKIT=0 docker build -t empty .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM scratch
   ---> 
  Step 2/2 : RUN echo hi
   ---> Running in 0f0c5c8e8f59
  failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown
  [1]
  $ printf 'FROM scratch\nCMD ["/nothing"]\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t empty .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM scratch
   ---> 
  Step 2/2 : CMD ["/nothing"]
   ---> Running in 02be939d3ec7
   ---> Removed intermediate container 02be939d3ec7
   ---> 7c3ce7977bf8
  Successfully built 7c3ce7977bf8
  Successfully tagged empty:latest
  $ docker images empty
  REPOSITORY   TAG       IMAGE ID       CREATED        SIZE
  empty        latest    7c3ce7977bf8   1 second ago   0B
  $ docker history empty
  IMAGE          CREATED        CREATED BY                            SIZE      COMMENT
  7c3ce7977bf8   1 second ago   /bin/sh -c #(nop)  CMD ["/nothing"]   0B        
