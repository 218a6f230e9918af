# title: quoting mistakes around the container command
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c echo hello
  
  $ docker run --rm busybox sh -c 'echo hello'
  hello
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run --rm busybox 'echo hi'
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "echo hi": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ X=host; docker run --rm -e X=container busybox sh -c "echo $X"
  host
  $ X=host; docker run --rm -e X=container busybox sh -c 'echo $X'
  container
  $ docker run --rm busybox echo 'a;b' \; c
  a;b ; c
