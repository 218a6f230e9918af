# title: Configuring the daemon: daemon.json, restarting dockerd, docker info and the journal
# seed: G01, G06, G07 (registry mirror in /etc/docker/daemon.json, service docker restart; "method 2" with tee -a, systemctl daemon-reload and restart)
# topic: walkthroughs
# The host is Debian 12 under systemd with docker-ce 28.2.2: docker.service,
# docker.socket and containerd.service. There is no vim on it; the file is
# written with tee or cat.
  $ sudo vim /etc/docker/daemon.json
  sudo: vim: command not found
  [1]
  $ sudo mkdir -p /etc/docker
  $ sudo tee /etc/docker/daemon.json <<-'EOF'
  > {
  >   "registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"]
  > }
  > EOF
  {
    "registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"]
  }
  $ sudo service docker restart
  $ docker info | sed -n '/Insecure Registries/,/Live Restore/p'
   Insecure Registries:
    ::1/128
    127.0.0.0/8
   Registry Mirrors:
    https://n6syp70m.mirror.aliyuncs.com/
   Live Restore Enabled: false
  $ docker info --format '{{json .RegistryConfig.Mirrors}}'
  ["https://n6syp70m.mirror.aliyuncs.com/"]
# Method 2 appends a second object to a file that already holds one: dockerd
# 28 reads the whole file with Go's json.Unmarshal and refuses it.
  $ sudo tee -a /etc/docker/daemon.json <<-'EOF'
  > {
  >   "insecure-registries": ["192.168.2.100:8086"]
  > }
  > EOF
  {
    "insecure-registries": ["192.168.2.100:8086"]
  }
  $ sudo systemctl daemon-reload
  $ sudo systemctl restart docker
  Job for docker.service failed because the control process exited with error code.
  See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.
  [1]
  $ systemctl is-active docker
  failed
  [3]
  $ docker ps
  Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
  [1]
  $ journalctl -u docker --no-pager -n 5 | cut -d' ' -f5-
  systemd[1]: Starting docker.service - Docker Application Container Engine...
  dockerd[1100]: unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '{' after top-level value
  systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE
  systemd[1]: docker.service: Failed with result 'exit-code'.
  systemd[1]: Failed to start docker.service - Docker Application Container Engine.
  $ systemctl status docker | sed -n '1,2p;4,5p'
  × docker.service - Docker Application Container Engine
       Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)
  TriggeredBy: ● docker.socket
         Docs: https://docs.docker.com
# One object with both keys: the daemon starts, docker info lists both.
  $ cat > /etc/docker/daemon.json <<'EOF'
  > {
  >   "registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"],
  >   "insecure-registries": ["192.168.2.100:8086"]
  > }
  > EOF
  $ sudo systemctl restart docker
  $ systemctl is-active docker
  active
  $ docker info | sed -n '/Insecure Registries/,/Live Restore/p'
   Insecure Registries:
    192.168.2.100:8086
    ::1/128
    127.0.0.0/8
   Registry Mirrors:
    https://n6syp70m.mirror.aliyuncs.com/
   Live Restore Enabled: false
  $ docker info --format '{{json .RegistryConfig.IndexConfigs}}'
  {"192.168.2.100:8086":{"Name":"192.168.2.100:8086","Mirrors":[],"Secure":false,"Official":false},"docker.io":{"Name":"docker.io","Mirrors":["https://n6syp70m.mirror.aliyuncs.com/"],"Secure":true,"Official":true}}
# A mirror without its scheme: the file is read, the daemon stops as it starts.
  $ echo '{"registry-mirrors": ["n6syp70m.mirror.aliyuncs.com"]}' > /etc/docker/daemon.json
  $ systemctl restart docker
  Job for docker.service failed because the control process exited with error code.
  See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.
  [1]
  $ journalctl -u docker -n 4 | cut -d' ' -f6- | sed 's/^time="[^"]*" //'
  failed to start daemon: invalid mirror: unsupported scheme "" in "n6syp70m.mirror.aliyuncs.com"
  docker.service: Main process exited, code=exited, status=1/FAILURE
  docker.service: Failed with result 'exit-code'.
  Failed to start docker.service - Docker Application Container Engine.
# graph, the data directory's old name, was removed in Docker 23.
  $ echo '{"graph": "/data/docker"}' > /etc/docker/daemon.json
  $ systemctl restart docker
  Job for docker.service failed because the control process exited with error code.
  See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.
  [1]
  $ journalctl -u docker -n 4 | cut -d' ' -f6- | head -1
  unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: graph
  $ echo '{}' > /etc/docker/daemon.json
  $ systemctl restart docker && docker version --format '{{.Server.Version}}'
  28.2.2
# Stopping docker.service leaves docker.socket listening: the next command
# starts the daemon again. With both stopped, the CLI cannot connect.
  $ systemctl stop docker
  Warning: Stopping docker.service, but it can still be activated by:
    docker.socket
  $ docker ps --format '{{.Names}}'
  $ systemctl is-active docker
  active
  $ systemctl stop docker.socket docker
  $ docker version --format '{{.Client.Version}}'
  28.2.2
  Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
  [1]
  $ docker images
  Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
  [1]
  $ systemctl start docker
  $ docker images --format '{{.Repository}}'
  $ dockerd --version
  Docker version 28.2.2, build 45873be
