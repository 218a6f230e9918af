# title: docker build usage errors: no context, two contexts, a missing directory, bad flags
# topic: build

  $ DOCKER_BUILDKIT=0 docker build
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  docker: 'docker build' requires 1 argument
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [1]
  $ DOCKER_BUILDKIT=0 docker build . other
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  docker: 'docker build' requires 1 argument
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [1]
  $ DOCKER_BUILDKIT=0 docker build nosuchdir
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  unable to prepare context: path "nosuchdir" not found
  [1]
# not recorded: a file given as the context ("unable to prepare context: context must be a
# directory: <absolute path>") prints the working directory's path
# a wrong argument count exits 1, a bad flag or flag value 125
  $ DOCKER_BUILDKIT=0 docker build --nosuchflag .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  unknown flag: --nosuchflag
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [125]
  $ DOCKER_BUILDKIT=0 docker build -t .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  invalid argument "." for "-t, --tag" flag: invalid reference format
  
  Usage:  docker build [OPTIONS] PATH | URL | -
  
  Run 'docker build --help' for more information
  [125]
  $ DOCKER_BUILDKIT=0 docker image build
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  docker: 'docker image build' requires 1 argument
  
  Usage:  docker image build [OPTIONS] PATH | URL | -
  
  Run 'docker image build --help' for more information
  [1]
  $ DOCKER_BUILDKIT=0 docker builder build
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  docker: 'docker builder build' requires 1 argument
  
  Usage:  docker builder build [OPTIONS] PATH | URL | -
  
  Run 'docker builder build --help' for more information
  [1]
