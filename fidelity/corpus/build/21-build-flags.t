# title: More docker build flags with the legacy builder: --iidfile, --cache-from, --pull, BuildKit-only flags
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir fl
  $ cd fl
  $ printf 'FROM busybox\nRUN echo hi > /hi\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q --iidfile id.txt -t fl . 2>/dev/null
  sha256:b029e366cde85674bb89bcb49670eab8c5ef9dec61c04f660e0de1a9507dacd4
  $ cat id.txt; echo
  sha256:b029e366cde85674bb89bcb49670eab8c5ef9dec61c04f660e0de1a9507dacd4
  
# --cache-from trusts only the images it names: busybox holds no RUN step, so the RUN runs again
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --cache-from busybox -t fl .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : RUN echo hi > /hi
   ---> Running in daec331ff2f5
   ---> Removed intermediate container daec331ff2f5
   ---> 2ed00fc52cde
  Successfully built 2ed00fc52cde
  Successfully tagged fl:latest
  $ DOCKER_BUILDKIT=0 docker build --pull -t fl .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM busybox
  latest: Pulling from library/busybox
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Image is up to date for busybox:latest
   ---> d5068c83069e
  Step 2/2 : RUN echo hi > /hi
   ---> Using cache
   ---> 2ed00fc52cde
  Successfully built 2ed00fc52cde
  Successfully tagged fl:latest
# flags only the BuildKit client knows
  $ DOCKER_BUILDKIT=0 docker build -o out .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  unknown shorthand flag: 'o' in -o
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [125]
  $ DOCKER_BUILDKIT=0 docker build --secret id=x,src=Dockerfile .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  unknown flag: --secret
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [125]
  $ DOCKER_BUILDKIT=0 docker build --squash .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  "--squash" is only supported on a Docker daemon with experimental features enabled
  [1]
