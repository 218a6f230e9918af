# title: stop, start and kill used the wrong way
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker stop -t web
  invalid argument "web" for "-t, --timeout" flag: strconv.ParseInt: parsing "web": invalid syntax
  
  Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]
  
  Run 'docker stop --help' for more information
  [125]
  $ docker stop -t 0 web web
  web
  web
# modern: VERSIONS.md row 6: dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"
# modern: VERSIONS.md row 7: dockerd 20.10 printed "Cannot kill container: "; Docker 26.0+ prints "cannot kill container: "
  $ docker kill web
  Error response from daemon: cannot kill container: web: container 2c7856fc85796a64d0165e35f28d1b7e025344183e556883fe55518d63121a9d is not running
  [1]
  $ docker start web web
  web
  web
# modern: VERSIONS.md row 7: dockerd 20.10 printed "Cannot kill container: "; Docker 26.0+ prints "cannot kill container: "
  $ docker kill nosuch
  Error response from daemon: cannot kill container: nosuch: No such container: nosuch
  [1]
  $ docker rm -f web
  web
