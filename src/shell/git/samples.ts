// The repositories Berth's `git clone` serves offline, under
// https://github.com/berth-samples/<name>.git: the apps of the tutorials
// Berth's lessons follow. Each is one commit with a fixed author and date,
// so its commit id is the same on every machine, as a real clone's is.

export interface Sample {
  files: Record<string, string>;
  message: string;
}

/** The author and time of every sample commit (Docker's get-started era). */
export const SAMPLE_AUTHOR = { name: 'Berth Samples', email: 'samples@berth.invalid', timestamp: 1498867200, timezoneOffset: 0 };

export const SAMPLE_BRANCH = 'master';

export const SAMPLES: Readonly<Record<string, Sample>> = {
  friendlyhello: {
    message: 'Get Started, Part 2: a Python app in a container\n',
    files: {
      Dockerfile: `# Use an official Python runtime as a parent image
FROM python:2.7-slim

# Set the working directory to /app
WORKDIR /app

# Copy the current directory contents into the container at /app
ADD . /app

# Install any needed packages specified in requirements.txt
RUN pip install --trusted-host pypi.python.org -r requirements.txt

# Make port 80 available to the world outside this container
EXPOSE 80

# Define environment variable
ENV NAME World

# Run app.py when the container launches
CMD ["python", "app.py"]
`,
      'requirements.txt': 'Flask\nRedis\n',
      'app.py': `from flask import Flask
from redis import Redis, RedisError
import os
import socket

# Connect to Redis
redis = Redis(host="redis", db=0, socket_connect_timeout=2, socket_timeout=2)

app = Flask(__name__)

@app.route("/")
def hello():
    try:
        visits = redis.incr("counter")
    except RedisError:
        visits = "<i>cannot connect to Redis, counter disabled</i>"

    html = "<h3>Hello {name}!</h3>" \\
           "<b>Hostname:</b> {hostname}<br/>" \\
           "<b>Visits:</b> {visits}"
    return html.format(name=os.getenv("NAME", "world"), hostname=socket.gethostname(), visits=visits)

if __name__ == "__main__":
    app.run(host='0.0.0.0', port=80)
`,
    },
  },
  sinatra: {
    message: 'A Sinatra image built from Ubuntu\n',
    files: {
      Dockerfile: `# This is a comment
FROM ubuntu:14.04
MAINTAINER Docker Newbee <newbee@docker.com>
RUN apt-get -qq update
RUN apt-get -qqy install ruby ruby-dev
RUN gem install sinatra
`,
    },
  },
  'static-site': {
    message: 'A static site served by nginx\n',
    files: {
      Dockerfile: `FROM nginx
COPY index.html /usr/share/nginx/html/index.html
EXPOSE 80
`,
      'index.html': `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>Hello Docker!</title>
  </head>
  <body>
    <h1>Hello Docker!</h1>
    <p>This page is served by nginx from inside a container.</p>
  </body>
</html>
`,
    },
  },
};
