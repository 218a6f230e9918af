# title: docker run with mistyped flags
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --nmae web busybox true
  unknown flag: --nmae
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker run -name web busybox true
  unknown shorthand flag: 'n' in -name
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --detach=yes busybox true
  invalid argument "yes" for "-d, --detach" flag: strconv.ParseBool: parsing "yes": invalid syntax
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --memory 10x busybox true
  invalid argument "10x" for "-m, --memory" flag: invalid suffix: 'x'
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker run -rm busybox true
  unknown shorthand flag: 'r' in -rm
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --rm=no busybox true
  invalid argument "no" for "--rm" flag: strconv.ParseBool: parsing "no": invalid syntax
  
  Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
  
  Run 'docker run --help' for more information
  [125]
  $ docker ps -a -q | wc -l
  0
