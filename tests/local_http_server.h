#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 for the download tests: serves one body, honours Range,
// and can misbehave on purpose (cut the connection, ignore ranges, answer 404, trickle slowly).

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace poisonlab::testing {

class LocalHttpServer {
 public:
  struct Behaviour {
    long cutAfter = -1;        ///< close the connection after this many body bytes (-1: never)
    bool ignoreRange = false;  ///< always answer 200 with the whole body
    int status = 200;          ///< e.g. 404
    int trickleMs = 0;         ///< pause between 1 kB chunks
  };

  explicit LocalHttpServer(std::string body);
  ~LocalHttpServer();
  void setBehaviour(const Behaviour& b) { behaviour_ = b; }
  std::string url(const std::string& path = "/cifar-10-binary.tar.gz") const;
  int requests() const { return requests_.load(); }
  /// The Range header of the last request ("" if none).
  std::string lastRange() const;

 private:
  void serve();
  void handle(int fd);
  std::string body_;
  Behaviour behaviour_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::string lastRange_;
  std::thread thread_;
};

}  // namespace poisonlab::testing
