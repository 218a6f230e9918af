# title: Published ports of a created container: -p, --expose, -P and docker port
# Recorded: a created container binds nothing yet; its ports are its configuration.
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name web -p 5000:5000 -p 127.0.0.1:8080:80/udp --expose 7000-7001 busybox > /dev/null
  $ docker inspect --format '{{json .HostConfig.PortBindings}}' web
  {"5000/tcp":[{"HostIp":"","HostPort":"5000"}],"80/udp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]}
  $ docker inspect --format '{{json .Config.ExposedPorts}}' web
  {"5000/tcp":{},"7000/tcp":{},"7001/tcp":{},"80/udp":{}}
  $ docker inspect --format '{{json .NetworkSettings.Ports}} {{.HostConfig.PublishAllPorts}}' web
  {} false
  $ docker ps -a --format '{{.Names}} [{{.Ports}}]'
  web []
  $ docker port web
  $ docker port web 5000
  Error: No public port '5000' published for web
  [1]
  $ docker port web 5000/udp
  Error: No public port '5000/udp' published for web
  [1]
  $ docker port web abc
  Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax
  [1]
  $ docker create -p x busybox
  docker: invalid containerPort: x
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p 1.2.3:80:80 busybox
  docker: invalid IP address: 1.2.3
  
  Run 'docker create --help' for more information
  [125]
  $ docker run -p 80/ftp busybox
  docker: invalid proto: ftp
  
  Run 'docker run --help' for more information
  [125]
  $ docker create -p 8000-8002:80-81 busybox
  docker: invalid ranges specified for container and host Ports: 80-81 and 8000-8002
  
  Run 'docker create --help' for more information
  [125]
  $ docker create --expose 1:2 busybox
  docker: invalid port format for --expose: 1:2
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -P --name all --expose 80 busybox > /dev/null
  $ docker inspect --format '{{json .HostConfig.PortBindings}} {{.HostConfig.PublishAllPorts}} {{json .Config.ExposedPorts}}' all
  {} true {"80/tcp":{}}
