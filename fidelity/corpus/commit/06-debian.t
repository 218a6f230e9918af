# title: commit a change in debian and run the result
# topic: commit

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name deb debian:bookworm-slim bash -c 'echo "alias ll=\"ls -l\"" >> /root/.bashrc; echo done'
  done
  $ docker commit -m 'add alias' deb deb:alias >/dev/null
  $ docker run --rm deb:alias tail -n 1 /root/.bashrc
  alias ll="ls -l"
  $ docker history --format '{{.Comment}}' deb:alias
  add alias
  
  
  $ docker inspect -f '{{json .Config.Cmd}}' deb:alias
  ["bash","-c","echo \"alias ll=\\\"ls -l\\\"\" >> /root/.bashrc; echo done"]
