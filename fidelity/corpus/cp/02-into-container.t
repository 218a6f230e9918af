# title: docker cp into a container: copy-up in the read-write layer, stopped containers, errors
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name box busybox cat /tmp/hello.txt /srv/site/index.html
  7c70bb4686fe7b8e0c16a6a5dd95e6235eaef3ed612ff23f84e88389f1a8d221
  $ echo hello > hello.txt
  $ mkdir -p site/css && echo '<h1>hi</h1>' > site/index.html && echo 'p{}' > site/css/main.css
  $ docker cp hello.txt box:/tmp/
  $ docker cp site box:/srv/site
  Error response from daemon: Could not find the file /srv in container box
  [1]
  $ docker diff box | sort
  A /tmp/hello.txt
  C /tmp
  $ docker start -a box
  hello
  cat: can't open '/srv/site/index.html': No such file or directory
  [1]
  $ docker cp hello.txt box:/etc/hostname2
  $ docker cp site box:/srv
  $ docker cp site/. box:/opt
  $ docker run --rm busybox true
  $ docker start box
  box
  $ docker cp box:/srv - | tar -t | sort
  srv/
  srv/css/
  srv/css/main.css
  srv/index.html
  $ docker cp box:/opt - | tar -t | sort
  opt/
  opt/css/
  opt/css/main.css
  opt/index.html
  $ docker cp /nosuchfile box:/tmp
  lstat //nosuchfile: no such file or directory
  [1]
  $ docker cp hello.txt nosuch:/tmp
  Error response from daemon: No such container: nosuch
  [1]
  $ tar -cf in.tar hello.txt site
  $ docker cp - box:/root < in.tar
  $ docker cp - box:/etc/hostname2 < in.tar
  destination "box:/etc/hostname2" must be a directory
  [1]
  $ docker cp box:/root - | tar -t | sort
  root/
  root/hello.txt
  root/site/
  root/site/css/
  root/site/css/main.css
  root/site/index.html
  $ docker diff box | sort
  A /etc/hostname2
  A /opt
  A /opt/css
  A /opt/css/main.css
  A /opt/index.html
  A /root/hello.txt
  A /root/site
  A /root/site/css
  A /root/site/css/main.css
  A /root/site/index.html
  A /srv
  A /srv/css
  A /srv/css/main.css
  A /srv/index.html
  A /tmp/hello.txt
  C /etc
  C /root
  C /tmp
