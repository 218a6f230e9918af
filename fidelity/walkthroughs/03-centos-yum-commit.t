# title: CentOS: yum install vim in a container, commit it; the sources switch explains today's failure
# seed: 001 § 三, § 五 › 2
# topic: walkthroughs
  $ docker pull -q centos
  docker.io/library/centos:latest
  $ docker run --name test_dev centos yum install -y vim
  CentOS Linux 8 - AppStream                      9.4 MB/s | 8.4 MB     00:00    
  CentOS Linux 8 - BaseOS                         5.5 MB/s | 4.6 MB     00:00    
  CentOS Linux 8 - Extras                          26 kB/s |  10 kB     00:00    
  Dependencies resolved.
  ================================================================================
   Package              Arch         Version                Repository       Size
  ================================================================================
  Installing:
   vim-enhanced         x86_64       2:8.0.1763-16.el8      appstream       1.4 M
  Installing dependencies:
   gpm-libs             x86_64       1.20.7-17.el8          appstream        38 k
   vim-common           x86_64       2:8.0.1763-16.el8      appstream       6.3 M
   vim-filesystem       noarch       2:8.0.1763-16.el8      appstream        48 k
   which                x86_64       2.21-16.el8            baseos           49 k
  
  Transaction Summary
  ================================================================================
  Install  5 Packages
  
  Total download size: 7.8 M
  Installed size: 30 M
  Downloading Packages:
  (1/5): gpm-libs-1.20.7-17.el8.x86_64.rpm        5.7 MB/s |  38 kB     00:00    
  (2/5): vim-common-8.0.1763-16.el8.x86_64.rpm    5.7 MB/s | 6.3 MB     00:00    
  (3/5): vim-filesystem-8.0.1763-16.el8.noarch.rp 5.7 MB/s |  48 kB     00:00    
  (4/5): which-2.21-16.el8.x86_64.rpm             5.7 MB/s |  49 kB     00:00    
  (5/5): vim-enhanced-8.0.1763-16.el8.x86_64.rpm  5.7 MB/s | 1.4 MB     00:00    
  --------------------------------------------------------------------------------
  Total                                           5.7 MB/s | 7.8 MB     00:01     
  warning: /var/cache/dnf/appstream-02e86d1c976ab60a/packages/gpm-libs-1.20.7-17.el8.x86_64.rpm: Header V3 RSA/SHA256 Signature, key ID 8483c65d: NOKEY
  CentOS Linux 8 - AppStream                      1.6 MB/s | 1.6 kB     00:00    
  Importing GPG key 0x8483C65D:
   Userid     : "CentOS (CentOS Official Signing Key) <security@centos.org>"
   Fingerprint: 99DB 70FA E1D7 CE22 7FB6 4882 05B5 55B3 8483 C65D
   From       : /etc/pki/rpm-gpg/RPM-GPG-KEY-centosofficial
  Key imported successfully
  Running transaction check
  Transaction check succeeded.
  Running transaction test
  Transaction test succeeded.
  Running transaction
    Preparing        :                                                        1/1 
    Installing       : gpm-libs-1.20.7-17.el8.x86_64                          1/5 
    Installing       : vim-common-8.0.1763-16.el8.x86_64                      2/5 
    Installing       : vim-filesystem-8.0.1763-16.el8.noarch                  3/5 
    Installing       : which-2.21-16.el8.x86_64                               4/5 
    Installing       : vim-enhanced-8.0.1763-16.el8.x86_64                    5/5 
    Verifying        : gpm-libs-1.20.7-17.el8.x86_64                          1/5 
    Verifying        : vim-common-8.0.1763-16.el8.x86_64                      2/5 
    Verifying        : vim-filesystem-8.0.1763-16.el8.noarch                  3/5 
    Verifying        : which-2.21-16.el8.x86_64                               4/5 
    Verifying        : vim-enhanced-8.0.1763-16.el8.x86_64                    5/5 
  
  Installed:
    gpm-libs-1.20.7-17.el8.x86_64          vim-common-8.0.1763-16.el8.x86_64
    vim-enhanced-8.0.1763-16.el8.x86_64    vim-filesystem-8.0.1763-16.el8.noarch
    which-2.21-16.el8.x86_64
  
  Complete!
  $ docker diff test_dev | grep -c vim
  71
  $ docker commit test_dev harbourside/bigdata >/dev/null
  $ docker run --rm harbourside/bigdata rpm -q vim-enhanced
  vim-enhanced-8.0.1763-16.el8.x86_64
  $ docker run --rm centos rpm -Va --nofiles --nodigest; echo "rpm -Va: $?"
  rpm -Va: 0
  $ docker run -d centos
  241a4e7330210adb3e11eea11d1d9c0ba40895cb25c2d17394994698b89e219e
  $ docker ps -a --format '{{.Image}} {{.Status}}' --filter ancestor=centos
  centos Exited (0) Less than a second ago
  centos Exited (0) Less than a second ago
