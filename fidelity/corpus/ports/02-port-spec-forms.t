# title: The forms of -p as docker/cli stores them, and its refusals
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name spec1 -p 5000 -p :81 -p 127.0.0.1::82 -p '[::1]:8083:83' -p 8000-8001:90-91 -p 9000-9010:92/udp busybox > /dev/null
  $ docker inspect --format '{{json .HostConfig.PortBindings}}' spec1
  {"5000/tcp":[{"HostIp":"","HostPort":""}],"81/tcp":[{"HostIp":"","HostPort":""}],"82/tcp":[{"HostIp":"127.0.0.1","HostPort":""}],"83/tcp":[{"HostIp":"::1","HostPort":"8083"}],"90/tcp":[{"HostIp":"","HostPort":"8000"}],"91/tcp":[{"HostIp":"","HostPort":"8001"}],"92/udp":[{"HostIp":"","HostPort":"9000-9010"}]}
  $ docker inspect --format '{{json .Config.ExposedPorts}}' spec1
  {"5000/tcp":{},"81/tcp":{},"82/tcp":{},"83/tcp":{},"90/tcp":{},"91/tcp":{},"92/udp":{}}
  $ docker create --name spec2 -p published=8080,target=80 -p published=53,target=53,protocol=udp --expose 7000/udp --expose 7000 busybox > /dev/null
  $ docker inspect --format '{{json .HostConfig.PortBindings}} {{json .Config.ExposedPorts}}' spec2
  {"53/udp":[{"HostIp":"","HostPort":"53"}],"80/tcp":[{"HostIp":"","HostPort":"8080"}]} {"53/udp":{},"7000/tcp":{},"7000/udp":{},"80/tcp":{}}
  $ docker port spec2 80
  Error: No public port '80' published for spec2
  [1]
  $ docker port spec2 80/tcp
  Error: No public port '80/tcp' published for spec2
  [1]
  $ docker port spec2 70000
  Error: invalid port (70000): strconv.ParseUint: parsing "70000": value out of range
  [1]
  $ docker port nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker create -p 8080: busybox
  docker: no port specified: 8080:<empty>
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p 70000 busybox
  docker: invalid containerPort: 70000
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p x:80 busybox
  docker: invalid hostPort: x
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p '[::1:80:80' busybox
  docker: invalid IP address [::1: address [::1:: missing ']' in address
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p 81-80 busybox
  docker: invalid containerPort: 81-80
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p target=80,x busybox
  docker: invalid publish opts format (should be name=value but got 'x')
  
  Run 'docker create --help' for more information
  [125]
  $ docker create --expose x busybox
  docker: invalid range format for --expose: x, error: strconv.ParseUint: parsing "x": invalid syntax
  
  Run 'docker create --help' for more information
  [125]
  $ docker create --expose 90-80 busybox
  docker: invalid range format for --expose: 90-80, error: invalid range specified for port: 90-80
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p 1:2:3:4 busybox
  docker: invalid IP address: 1:2
  
  Run 'docker create --help' for more information
  [125]
  $ docker create -p ::1:80:80 busybox > /dev/null
  $ docker ps -aq | wc -l
  3
