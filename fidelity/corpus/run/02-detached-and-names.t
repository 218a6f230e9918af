# title: run -d, --name and name conflicts (seed W40)
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000
  2b32fa2d0264cac3b37549a577f9130dc18fd862a3cff31811ad24c0ddd17025
  $ docker run -d --name web busybox sleep 1000
  docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "2b32fa2d0264cac3b37549a577f9130dc18fd862a3cff31811ad24c0ddd17025". You have to remove (or rename) that container to be able to reuse that name.
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --name x busybox true
  docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --name 'my web' busybox true
  docker: Error response from daemon: Invalid container name (my web), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --name web2 busybox echo second
  second
  $ docker ps -a --format '{{.Names}} {{.Command}}'
  web2 "echo second"
  web "sleep 1000"
  $ docker rm -f web
  web
