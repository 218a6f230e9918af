# title: case, read and stdin of a container
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'for x in apple 42 -v; do case $x in [0-9]*) echo "$x number";; -*) echo "$x flag";; *) echo "$x word";; esac; done'
  apple word
  42 number
  -v flag
  $ docker run --rm busybox sh -c 'echo "a:b:c" | { IFS=: read x y z; echo $z $y $x; }'
  c b a
  $ docker run --rm busybox sh -c 'read v; echo "got [$v]"'
  got []
  $ docker run --rm -i busybox sh -c 'read v; echo "got [$v]"' <<< 'typed'
  got [typed]
  $ docker run --rm busybox cat
  $ docker run --rm -i busybox cat <<< 'echoed back'
  echoed back
  $ echo piped | docker run --rm -i busybox tr a-z A-Z
  PIPED
