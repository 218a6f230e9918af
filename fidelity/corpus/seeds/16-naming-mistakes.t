# title: seed naming: reused names, renames and invalid names
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name test_container busybox true
  $ docker run --name test_container busybox true
  docker: Error response from daemon: Conflict. The container name "/test_container" is already in use by container "f3e3f6063b8667ea84c3106d81b61727e7555b8c76960cf66c9b0d46a997cd33". You have to remove (or rename) that container to be able to reuse that name.
  
  Run 'docker run --help' for more information
  [125]
  $ docker rename test_container test_dev
  $ docker start test_container
  Error response from daemon: No such container: test_container
  Error: failed to start containers: test_container
  [1]
  $ docker run --name 'bad name' busybox true
  docker: Error response from daemon: Invalid container name (bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --name test_dev/x busybox true
  docker: Error response from daemon: Invalid container name (test_dev/x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
  
  Run 'docker run --help' for more information
  [125]
  $ docker ps -a --format '{{.Names}}'
  test_dev
