# title: The get-started app: a Dockerfile on debian:bookworm-slim, built and run
# topic: build
# seed: D01 D08 D10 D11 D19 D20 D22 D24

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ mkdir docker-test
  $ cd docker-test
  $ printf 'Flask\nRedis\n' > requirements.txt
  $ printf 'import os\nprint("Hello " + os.getenv("NAME", "world"))\n' > app.py
  $ cat > Dockerfile <<'EOF'
  > # Use an official base image
  > FROM debian:bookworm-slim
  >
  > # Set the working directory to /app
  > WORKDIR /app
  >
  > # Copy the current directory contents into the container at /app
  > ADD . /app
  >
  > # Stand-in for "pip install -r requirements.txt": there is no network
  > RUN cat requirements.txt
  >
  > # Make port 80 available to the world outside this container
  > EXPOSE 80
  >
  > # Define environment variable
  > ENV NAME World
  >
  > # Run app.py when the container launches
  > CMD ["python", "app.py"]
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t friendlyhello .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM debian:bookworm-slim
   ---> 721b28d0f322
  Step 2/7 : WORKDIR /app
   ---> Running in 35cf09332588
   ---> Removed intermediate container 35cf09332588
   ---> e1019755dde0
  Step 3/7 : ADD . /app
   ---> 74a77fe249d7
  Step 4/7 : RUN cat requirements.txt
   ---> Running in 3dacfe3c74ac
  Flask
  Redis
   ---> Removed intermediate container 3dacfe3c74ac
   ---> 5c4780054c5e
  Step 5/7 : EXPOSE 80
   ---> Running in 438aebab6ed0
   ---> Removed intermediate container 438aebab6ed0
   ---> ff7156dff471
  Step 6/7 : ENV NAME World
   ---> Running in 58e2ada04947
   ---> Removed intermediate container 58e2ada04947
   ---> 301dfd62f6c0
  Step 7/7 : CMD ["python", "app.py"]
   ---> Running in 6ea39236f43e
   ---> Removed intermediate container 6ea39236f43e
   ---> 47361436a413
  Successfully built 47361436a413
  Successfully tagged friendlyhello:latest
  $ docker image ls
  REPOSITORY      TAG             IMAGE ID       CREATED        SIZE
  friendlyhello   latest          47361436a413   1 second ago   74.8MB
  debian          bookworm-slim   721b28d0f322   6 hours ago    74.8MB
# the slim image has no python: the container cannot start its command
# modern: VERSIONS.md row 4: Docker 28 adds "failed to create task for container: " (24.0) and runc 1.2 adds "error during container init: "
  $ docker run --name hello1 friendlyhello
  docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "python": executable file not found in $PATH: unknown
  
  Run 'docker run --help' for more information
  [127]
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  hello1 Created
  $ docker run --rm friendlyhello sh -c 'ls; echo "NAME=$NAME"'
  Dockerfile
  app.py
  requirements.txt
  NAME=World
  $ cd ..
# the context directory named as the argument, with the management command
  $ DOCKER_BUILDKIT=0 docker image build -t dafa:1.0 docker-test
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  4.096kB
  Step 1/7 : FROM debian:bookworm-slim
   ---> 721b28d0f322
  Step 2/7 : WORKDIR /app
   ---> Using cache
   ---> e1019755dde0
  Step 3/7 : ADD . /app
   ---> Using cache
   ---> 74a77fe249d7
  Step 4/7 : RUN cat requirements.txt
   ---> Using cache
   ---> 5c4780054c5e
  Step 5/7 : EXPOSE 80
   ---> Using cache
   ---> ff7156dff471
  Step 6/7 : ENV NAME World
   ---> Using cache
   ---> 301dfd62f6c0
  Step 7/7 : CMD ["python", "app.py"]
   ---> Using cache
   ---> 47361436a413
  Successfully built 47361436a413
  Successfully tagged dafa:1.0
  $ docker image ls --format '{{.Repository}}:{{.Tag}} {{.ID}}'
  dafa:1.0 47361436a413
  friendlyhello:latest 47361436a413
  debian:bookworm-slim 721b28d0f322
