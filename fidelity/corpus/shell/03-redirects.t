# title: output redirection inside a container
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f'
  one
  two
  $ docker run --rm busybox sh -c 'echo one > /tmp/f; echo two > /tmp/f; cat /tmp/f'
  two
  $ docker run --rm busybox sh -c 'cat /nosuch 2>/dev/null; echo status $?'
  status 1
  $ docker run --rm busybox sh -c 'cat /nosuch 2>&1 | wc -l'
  1
  $ docker run --rm busybox sh -c 'ls /etc/hostname /nosuch 2>/tmp/err; echo "---"; cat /tmp/err'
  /etc/hostname
  ---
  ls: /nosuch: No such file or directory
  $ docker run --rm busybox sh -c 'echo shout > /tmp/in; tr a-z A-Z < /tmp/in'
  SHOUT
  $ docker run --rm busybox sh -c 'echo hidden > /dev/null; echo shown'
  shown
