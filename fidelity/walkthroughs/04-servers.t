# title: Programs that serve: nginx, Tomcat 7, Redis — start-up logs, processes, stop
# seed: 001 § 五 › 3 (tomcat:7.0); 003 § 3.3 (nginx, redis)
# topic: walkthroughs
  $ docker pull -q nginx
  docker.io/library/nginx:latest
  $ docker run -d --name web nginx
  374b0f6c2f2f5160d7b49cba7e56c602a21b628291af17c895c27f5585299d3d
  $ sleep 1
  $ docker logs web 2>&1 | head -3
  /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
  /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
  /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
  $ docker top web -o pid,comm
  PID                 COMMAND
  4242                nginx: master p
  4243                nginx: worker p
  4244                nginx: worker p
  $ docker stop web
  web
  $ docker ps -a --format '{{.Names}} {{.Status}}' --filter name=web
  web Exited (0) Less than a second ago
  $ docker run -d --name tomcatstart tomcat:7.0
  Unable to find image 'tomcat:7.0' locally
  7.0: Pulling from library/tomcat
  61b18ac0da6a: Pulling fs layer
  b0e21a0c0d69: Pulling fs layer
  9a1c6abd5aa9: Pulling fs layer
  4e03ae73a285: Pulling fs layer
  ea1f3a9f25b3: Pulling fs layer
  052886a7d5b7: Pulling fs layer
  e88ad8e089ad: Pulling fs layer
  eb5d568500a9: Pulling fs layer
  d5bc1be35442: Pulling fs layer
  b08193cf43a9: Pulling fs layer
  61b18ac0da6a: Verifying Checksum
  61b18ac0da6a: Download complete
  b0e21a0c0d69: Verifying Checksum
  b0e21a0c0d69: Download complete
  9a1c6abd5aa9: Verifying Checksum
  9a1c6abd5aa9: Download complete
  4e03ae73a285: Verifying Checksum
  4e03ae73a285: Download complete
  ea1f3a9f25b3: Verifying Checksum
  ea1f3a9f25b3: Download complete
  052886a7d5b7: Verifying Checksum
  052886a7d5b7: Download complete
  e88ad8e089ad: Verifying Checksum
  e88ad8e089ad: Download complete
  eb5d568500a9: Verifying Checksum
  eb5d568500a9: Download complete
  d5bc1be35442: Verifying Checksum
  d5bc1be35442: Download complete
  b08193cf43a9: Verifying Checksum
  b08193cf43a9: Download complete
  61b18ac0da6a: Pull complete
  b0e21a0c0d69: Pull complete
  9a1c6abd5aa9: Pull complete
  4e03ae73a285: Pull complete
  ea1f3a9f25b3: Pull complete
  052886a7d5b7: Pull complete
  e88ad8e089ad: Pull complete
  eb5d568500a9: Pull complete
  d5bc1be35442: Pull complete
  b08193cf43a9: Pull complete
  Digest: sha256:e5d01b867dfe40cdf1af7f8de9acadd6ccba6e944a024677ef264780bdf5211e
  Status: Downloaded newer image for tomcat:7.0
  83a84e57dc1d4eea7a68b89eb96d9492ccbb3d318dff9703b8f068c4b4d44fab
  $ sleep 3
  $ docker logs tomcatstart 2>&1 | grep -c 'Server startup'
  1
  $ docker ps --format '{{.Names}} {{.Command}} {{.Ports}}'
  tomcatstart "catalina.sh run" 8080/tcp
  $ docker run -d --name cache redis
  Unable to find image 'redis:latest' locally
  latest: Pulling from library/redis
  c9faebd0da5c: Pulling fs layer
  6940becad4cb: Pulling fs layer
  fa4b797d327f: Pulling fs layer
  fc256c02d644: Pulling fs layer
  72825339f89b: Pulling fs layer
  7e1a36ad28ad: Pulling fs layer
  a9b4ee4e3b05: Pulling fs layer
  c9faebd0da5c: Verifying Checksum
  c9faebd0da5c: Download complete
  6940becad4cb: Verifying Checksum
  6940becad4cb: Download complete
  fa4b797d327f: Verifying Checksum
  fa4b797d327f: Download complete
  fc256c02d644: Verifying Checksum
  fc256c02d644: Download complete
  72825339f89b: Verifying Checksum
  72825339f89b: Download complete
  7e1a36ad28ad: Verifying Checksum
  7e1a36ad28ad: Download complete
  a9b4ee4e3b05: Verifying Checksum
  a9b4ee4e3b05: Download complete
  c9faebd0da5c: Pull complete
  6940becad4cb: Pull complete
  fa4b797d327f: Pull complete
  fc256c02d644: Pull complete
  72825339f89b: Pull complete
  7e1a36ad28ad: Pull complete
  a9b4ee4e3b05: Pull complete
  Digest: sha256:adb75cbd92aedf45e9bdf58b2bbffb20d8c8a93444a3aea9430bd4cd8e1fc9be
  Status: Downloaded newer image for redis:latest
  837e52de8758a57105360aa6d92dbe1fffa8e542d35b2bd79b7f44fc42e10488
  $ sleep 1
  $ docker exec cache redis-cli ping
  PONG
  $ docker exec cache redis-cli incr hits
  1
  $ docker exec cache redis-cli incr hits
  2
  $ docker stop cache tomcatstart
  cache
  tomcatstart
  $ docker logs cache 2>&1 | tail -2 | cut -d' ' -f6-
  * DB saved on disk
  # Redis is now ready to exit, bye bye...
  $ docker run -d --name hello python:2.7-slim sh -c 'pip install -q Flask Redis 2>/dev/null; mkdir -p /app && cd /app && printf "from flask import Flask\napp = Flask(__name__)\n@app.route(\"/\")\ndef hello():\n    return \"Hello\"\nif __name__ == \"__main__\":\n    app.run(host=\"0.0.0.0\", port=80)\n" > app.py && python app.py'
  Unable to find image 'python:2.7-slim' locally
  2.7-slim: Pulling from library/python
  65ee704d3d33: Pulling fs layer
  dc2fbb86bafd: Pulling fs layer
  244887dcbdbe: Pulling fs layer
  dca5bd12a489: Pulling fs layer
  65ee704d3d33: Verifying Checksum
  65ee704d3d33: Download complete
  dc2fbb86bafd: Verifying Checksum
  dc2fbb86bafd: Download complete
  244887dcbdbe: Verifying Checksum
  244887dcbdbe: Download complete
  dca5bd12a489: Verifying Checksum
  dca5bd12a489: Download complete
  65ee704d3d33: Pull complete
  dc2fbb86bafd: Pull complete
  244887dcbdbe: Pull complete
  dca5bd12a489: Pull complete
  Digest: sha256:af6857bc59ba00124ccd955365ef32ef622c074ffa3167c5fa2b90b7f08456b4
  Status: Downloaded newer image for python:2.7-slim
  dc3551714862b24911771870df983ccd2818580405b25fdafe45266ed2129097
  $ sleep 30
  $ docker logs hello 2>&1 | tail -2
   * Debug mode: off
   * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)
  $ docker exec hello pip list 2>/dev/null | grep -i flask
  Flask        1.1.4
  $ docker run --rm python:2.7-slim python -c 'import flask'
  Traceback (most recent call last):
    File "<string>", line 1, in <module>
  ImportError: No module named flask
  [1]
  $ docker rm -f hello web cache tomcatstart
  hello
  web
  cache
  tomcatstart
