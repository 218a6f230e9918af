# title: docker exec -d, -e, -w against the real engine
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name ex -e KEEP=1 -w /tmp busybox sleep 1000
  4ed7bd8ddbd4a17330a1c4d9a7118053ccc05b61a3879c9bd7965769fbf5d35d
  $ docker exec -d ex sleep 777
  $ docker exec ex ps -o args
  COMMAND
  sleep 1000
  sleep 777
  ps -o args
  $ docker exec ex pwd
  /tmp
  $ docker exec -w / ex pwd
  /
  $ docker exec -w /nosuch ex pwd
  OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nosuch") set in config.json failed: no such file or directory: unknown
  [126]
  $ docker exec -w rel ex pwd
  OCI runtime exec failed: exec failed: Cwd must be an absolute path: unknown
  [126]
  $ docker exec -e A -e B=2 -e KEEP ex env | sort
  B=2
  HOME=/root
  HOSTNAME=4ed7bd8ddbd4
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  $ A=fromhost docker exec -e A ex sh -c 'echo $A'
  fromhost
  $ docker exec -e 'C=with space' ex sh -c 'echo "$C"'
  with space
  $ docker exec -d ex nosuchcmd
  Error response from daemon: OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown
  [1]
  $ docker exec -d ex sh -c 'sleep 1; echo late > /tmp/late'
  $ docker exec ex cat /tmp/late
  cat: can't open '/tmp/late': No such file or directory
  [1]
  $ sleep 2
  $ docker exec ex cat /tmp/late
  late
  $ docker exec ex sh -c 'exit 42'
  [42]
  $ docker exec -e =bad ex true
  invalid argument "=bad" for "-e, --env" flag: invalid environment variable: =bad
  
  Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]
  
  Run 'docker exec --help' for more information
  [125]
  $ docker logs ex
  $ docker rm -f ex
  ex
