# title: Failing builds: a RUN that fails, parse errors, no FROM, a missing COPY source
# topic: build
# seed: D03 D12

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir fail
  $ cd fail
  $ printf 'FROM busybox\nRUN echo before\nRUN false\nRUN echo never\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/4 : FROM busybox
   ---> d5068c83069e
  Step 2/4 : RUN echo before
   ---> Running in 43838c9978bf
  before
   ---> Removed intermediate container 43838c9978bf
   ---> 61a20b05f231
  Step 3/4 : RUN false
   ---> Running in 40062da4d585
  The command '/bin/sh -c false' returned a non-zero code: 1
  [1]
# the build stops at the first failing RUN; its exit status becomes the client's
  $ printf 'FROM busybox\nRUN echo to stderr >&2; exit 3\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo to stderr >&2; exit 3
   ---> Running in 92069d9c4b74
  [91mto stderr
  [0mThe command '/bin/sh -c echo to stderr >&2; exit 3' returned a non-zero code: 3
  [3]
  $ printf 'FROM busybox\nRUN nosuchcommand --version\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN nosuchcommand --version
   ---> Running in 0a7729aff8b4
  [91m/bin/sh: nosuchcommand: not found
  [0mThe command '/bin/sh -c nosuchcommand --version' returned a non-zero code: 127
  [127]
# exec form: no shell, so the daemon fails to start the process; the client exits 1
  $ printf 'FROM busybox\nRUN ["nosuchcommand", "--version"]\n' > Dockerfile
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN ["nosuchcommand", "--version"]
   ---> Running in 3ff857333a99
  failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcommand": executable file not found in $PATH: unknown
  [1]
# parse errors come before any step runs
  $ printf 'FORM busybox\nRUN echo hi\n' > Dockerfile
# modern: VERSIONS.md row 10: dockerd 20.10 printed "dockerfile parse error line N: unknown instruction: X"; Docker 23.0+ prints "dockerfile parse error on line N: unknown instruction: X" and adds "(did you mean Y?)" for an instruction within edit distance 2
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 1: unknown instruction: FORM (did you mean FROM?)
  [1]
# instructions are not case-sensitive (run works), but an unknown one fails the whole file
  $ printf 'FROM busybox\nrun echo lower case works\nCOPIES a b\n' > Dockerfile
# modern: VERSIONS.md row 10: dockerd 20.10 printed "dockerfile parse error line N: unknown instruction: X"; Docker 23.0+ prints "dockerfile parse error on line N: unknown instruction: X" and adds "(did you mean Y?)" for an instruction within edit distance 2
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 3: unknown instruction: COPIES
  [1]
  $ printf 'FROM busybox\nCOPY onlyone\n' > Dockerfile
# modern: VERSIONS.md row 11: dockerd 20.10 printed "dockerfile parse error line N: ..."; Docker 23.0+ prints "dockerfile parse error on line N: ..."
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined
  [1]
  $ : > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  1.536kB
  Error response from daemon: the Dockerfile (Dockerfile) cannot be empty
  [1]
  $ printf '# only a comment\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: failed to parse Dockerfile: file with no instructions
  [1]
  $ printf 'RUN echo no base\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Error response from daemon: no build stage in current context
  [1]
  $ printf 'FROM busybox\nCOPY missing.txt /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t broken .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY missing.txt /
  COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist
  [1]
# the containers of failed RUN steps are kept (only --force-rm removes them), and so is the image of the step that succeeded before them
  $ docker ps -a --format '{{.Image}} {{.Command}} {{.Status}}'
  d5068c83069e "nosuchcommand --ver…" Created
  d5068c83069e "/bin/sh -c 'nosuchc…" Exited (127) 1 second ago
  d5068c83069e "/bin/sh -c 'echo to…" Exited (3) 1 second ago
  61a20b05f231 "/bin/sh -c false" Exited (1) 2 seconds ago
  $ docker images -a
  REPOSITORY   TAG       IMAGE ID       CREATED         SIZE
  <none>       <none>    61a20b05f231   3 seconds ago   1.98MB
  busybox      latest    d5068c83069e   5 hours ago     1.98MB
