# title: container commands typed without a container
# topic: mistakes

  $ docker container stop
  docker: 'docker container stop' requires at least 1 argument
  
  Usage:  docker container stop [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker container stop --help' for more information
  [1]
  $ docker start
  docker: 'docker start' requires at least 1 argument
  
  Usage:  docker start [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker start --help' for more information
  [1]
  $ docker restart
  docker: 'docker restart' requires at least 1 argument
  
  Usage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker restart --help' for more information
  [1]
  $ docker kill
  docker: 'docker kill' requires at least 1 argument
  
  Usage:  docker kill [OPTIONS] CONTAINER [CONTAINER...]
  
  See 'docker kill --help' for more information
  [1]
  $ docker diff
  docker: 'docker diff' requires 1 argument
  
  Usage:  docker diff CONTAINER
  
  Run 'docker diff --help' for more information
  [1]
  $ docker inspect
  docker: 'docker inspect' requires at least 1 argument
  
  Usage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]
  
  See 'docker inspect --help' for more information
  [1]
  $ docker history
  docker: 'docker history' requires 1 argument
  
  Usage:  docker history [OPTIONS] IMAGE
  
  Run 'docker history --help' for more information
  [1]
  $ docker create
  docker: 'docker create' requires at least 1 argument
  
  Usage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  See 'docker create --help' for more information
  [1]
  $ docker pause
  docker: 'docker pause' requires at least 1 argument
  
  Usage:  docker pause CONTAINER [CONTAINER...]
  
  See 'docker pause --help' for more information
  [1]
