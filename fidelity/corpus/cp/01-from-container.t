# title: docker cp out of a container: files, directories, trailing slashes, errors
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sh -c 'mkdir -p /data/sub && echo one > /data/a.txt && echo two > /data/sub/b.txt && ln -s a.txt /data/link && exec sleep 1000'
  14820313f27f28f4b5ec1ad970284ff728a5f0e5c474c6d65f00e0eccfed6f17
  $ sleep 1
  $ docker cp web:/data/a.txt .
  $ cat a.txt
  one
  $ docker cp web:/data/a.txt renamed.txt
  $ cat renamed.txt
  one
  $ docker cp web:/data out
  $ find out | sort
  out
  out/a.txt
  out/link
  out/sub
  out/sub/b.txt
  $ mkdir into
  $ docker cp web:/data into
  $ find into | sort
  into
  into/data
  into/data/a.txt
  into/data/link
  into/data/sub
  into/data/sub/b.txt
  $ mkdir contents
  $ docker cp web:/data/. contents
  $ find contents | sort
  contents
  contents/a.txt
  contents/link
  contents/sub
  contents/sub/b.txt
  $ docker cp web:/data/. fresh
  $ find fresh | sort
  fresh
  fresh/a.txt
  fresh/link
  fresh/sub
  fresh/sub/b.txt
  $ docker cp web:/data/link .
  $ ls -l link | sed "s/.* -> //"
  a.txt
  $ docker cp -L web:/data/link followed
  $ cat followed
  one
  $ docker cp web:/data/a.txt nodir/
  no such directory
  [1]
  $ docker cp web:/data a.txt
  cannot copy directory
  [1]
  $ docker cp web:/nosuch .
  Error response from daemon: Could not find the file /nosuch in container web
  [1]
  $ docker cp web:/data/a.txt /nonexistent-dir/x
  invalid output path: directory "/nonexistent-dir" does not exist
  [1]
  $ docker cp nosuch:/x .
  Error response from daemon: No such container: nosuch
  [1]
  $ docker cp a.txt b.txt
  must specify at least one container source
  [1]
  $ docker cp web:/a other:/b
  copying between containers is not supported
  [1]
  $ docker cp web:/data/sub/b.txt - | tar -t
  b.txt
  $ docker stop -t 0 web
  web
  $ docker cp web:/data/sub/b.txt stopped.txt
  $ cat stopped.txt
  two
  $ docker cp web:/etc/hostname - | tar -x -O | wc -c
  13
