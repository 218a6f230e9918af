# title: docker rename and its errors
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name old busybox >/dev/null
  $ docker create --name taken busybox >/dev/null
  $ docker rename old new
  $ docker ps -a --format '{{.Names}}'
  taken
  new
  $ docker rename nosuch other
  Error response from daemon: No such container: nosuch
  Error: failed to rename container named nosuch
  [1]
  $ docker rename new new
  Error response from daemon: Renaming a container with the same name as its current name
  Error: failed to rename container named new
  [1]
  $ docker rename new taken
  Error response from daemon: Error when allocating new name: Conflict. The container name "/taken" is already in use by container "80ce9e0c4c8d6804d2099d84a0e65095f087e7d9706d905897e4d37783eaf59e". You have to remove (or rename) that container to be able to reuse that name.
  Error: failed to rename container named new
  [1]
  $ docker rename new 'bad name'
  Error response from daemon: Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
  Error: failed to rename container named new
  [1]
  $ docker rename new
  docker: 'docker rename' requires 2 arguments
  
  Usage:  docker rename CONTAINER NEW_NAME
  
  Run 'docker rename --help' for more information
  [1]
  $ docker container rename new renamed
  $ docker ps -a --format '{{.Names}}'
  taken
  renamed
