# title: .dockerignore: patterns, ! exceptions, **, and the Dockerfile and .dockerignore themselves
# topic: build
# seed: D16

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p ign/logs ign/src/deep/er ign/secret
  $ cd ign
  $ touch keep.txt notes.md logs/a.log logs/important.log src/main.c src/deep/er/x.tmp src/deep/y.tmp secret/key.pem
  $ cat > .dockerignore <<'EOF'
  > # comments and blank lines are skipped
  >
  > *.md
  > logs/*
  > !logs/important.log
  > **/*.tmp
  > secret
  > Dockerfile
  > .dockerignore
  > EOF
  $ printf 'FROM busybox\nCOPY . /ctx/\nRUN cd /ctx && find . | sort\n' > Dockerfile
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
# listing Dockerfile and .dockerignore keeps them out of COPY ., yet the build still reads them
  $ DOCKER_BUILDKIT=0 docker build -t ign .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  6.656kB
  Step 1/3 : FROM busybox
   ---> d5068c83069e
  Step 2/3 : COPY . /ctx/
   ---> a9b25f2a9cdc
  Step 3/3 : RUN cd /ctx && find . | sort
   ---> Running in 054436a0d0e4
  .
  ./keep.txt
  ./logs
  ./logs/important.log
  ./src
  ./src/deep
  ./src/deep/er
  ./src/main.c
   ---> Removed intermediate container 054436a0d0e4
   ---> 7cf7a51c779b
  Successfully built 7cf7a51c779b
  Successfully tagged ign:latest
# an ignored file cannot be copied by name either
  $ printf 'FROM busybox\nCOPY notes.md /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t ign .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  6.656kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY notes.md /
  COPY failed: file not found in build context or excluded by .dockerignore: stat notes.md: file does not exist
  [1]
  $ printf 'FROM busybox\nCOPY secret/key.pem /\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t ign .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  6.656kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY secret/key.pem /
  COPY failed: file not found in build context or excluded by .dockerignore: stat secret/key.pem: file does not exist
  [1]
