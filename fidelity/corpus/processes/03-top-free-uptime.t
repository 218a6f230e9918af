# title: busybox top -b, free and uptime: the stable parts of their output
# topic: processes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'top -b -n 1 | sed -n 4p'
    PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND
  $ docker run --rm busybox sh -c 'top -b -n 1 | cut -c1-4 | head -n 3'
  Mem:
  CPU:
  Load
  $ docker run --rm busybox sh -c 'free | head -n 1'
                total        used        free      shared  buff/cache   available
  $ docker run --rm busybox sh -c 'free | cut -c1-5'
       
  Mem: 
  Swap:
  $ docker run --rm busybox sh -c 'free -m | wc -l'
  3
  $ docker run --rm busybox sh -c 'uptime | grep -c "load average"'
  1
  $ docker run --rm busybox top -b -n x
  top: invalid number 'x'
  [1]
