# title: Unknown commands and pasted en dashes (seed W03, W05)
# topic: help

  $ docker nosuch
  docker: unknown command: docker nosuch
  
  Run 'docker --help' for more information
  [1]
  $ docker imgaes
  docker: unknown command: docker imgaes
  
  Run 'docker --help' for more information
  [1]
  $ docker –version
  docker: unknown command: docker –version
  
  Run 'docker --help' for more information
  [1]
  $ docker container commint
  docker: unknown command: docker container commint
  
  Usage:  docker container
  
  Run 'docker container --help' for more information
  [1]
  $ docker image ls --digest
  unknown flag: --digest
  
  Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]
  
  Run 'docker image ls --help' for more information
  [125]
