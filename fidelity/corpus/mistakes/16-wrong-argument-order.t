# title: arguments in the wrong order
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name work busybox true
  $ docker tag mybox busybox
  Error response from daemon: No such image: mybox:latest
  [1]
  $ docker commit myimg work
  Error response from daemon: No such container: myimg
  [1]
  $ docker rename new work
  Error response from daemon: No such container: new
  Error: failed to rename container named new
  [1]
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run busybox:latest -d echo hi
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "-d": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
