# title: flags that older tutorials use and Docker removed
# topic: mistakes

  $ docker search -s 3 centos
  unknown shorthand flag: 's' in -s
  
  Usage:  docker search [OPTIONS] TERM
  
  Run 'docker search --help' for more information
  [125]
  $ docker search --stars=3 centos
  unknown flag: --stars
  
  Usage:  docker search [OPTIONS] TERM
  
  Run 'docker search --help' for more information
  [125]
  $ docker login -e me@example.com
  unknown shorthand flag: 'e' in -e
  
  Usage:  docker login [OPTIONS] [SERVER]
  
  Run 'docker login --help' for more information
  [125]
  $ docker pull -a busybox:latest
  tag can't be used with --all-tags/-a
  [1]
  $ docker image pull --all-tags busybox:latest
  tag can't be used with --all-tags/-a
  [1]
