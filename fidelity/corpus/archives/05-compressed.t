# title: docker load takes a gzip-compressed archive, from a file or through a pipe
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker save busybox | gzip > busybox.tar.gz
  $ docker rmi busybox > /dev/null
  $ docker load -i busybox.tar.gz
  Loaded image: busybox:latest
  $ docker load < busybox.tar.gz
  Loaded image: busybox:latest
  $ gunzip -c busybox.tar.gz | docker load
  Loaded image: busybox:latest
  $ docker create --name box busybox > /dev/null
  $ docker export box | gzip > box.tar.gz
  $ docker import box.tar.gz flat:gz > /dev/null
  $ docker history --format '{{.Comment}}' flat:gz
  Imported from -
  $ zcat box.tar.gz | docker import - flat:zcat > /dev/null
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  flat:gz
  flat:zcat
