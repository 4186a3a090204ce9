#include "local_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace poisonlab::testing {

LocalHttpServer::LocalHttpServer(std::string body) : body_(std::move(body)) {
  listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listenFd_, 8) != 0)
    throw std::runtime_error("cannot listen on 127.0.0.1");
  socklen_t len = sizeof addr;
  ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

LocalHttpServer::~LocalHttpServer() {
  stop_ = true;
  ::shutdown(listenFd_, SHUT_RDWR);
  ::close(listenFd_);
  if (thread_.joinable()) thread_.join();
}

std::string LocalHttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::string LocalHttpServer::lastRange() const { return lastRange_; }

void LocalHttpServer::serve() {
  while (!stop_) {
    pollfd p{listenFd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int fd = ::accept(listenFd_, nullptr, nullptr);
    if (fd < 0) continue;
    handle(fd);
    ::close(fd);
  }
}

void LocalHttpServer::handle(int fd) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    request.append(buf, static_cast<std::size_t>(n));
  }
  ++requests_;
  const Behaviour b = behaviour_;
  lastRange_.clear();
  long from = 0;
  const auto r = request.find("Range: bytes=");
  if (r != std::string::npos) {
    lastRange_ = request.substr(r + 13, request.find("\r\n", r) - r - 13);
    from = std::stol(lastRange_);
  }
  auto sendAll = [fd](const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      const ssize_t n = ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  };
  if (b.status != 200) {
    sendAll("HTTP/1.1 " + std::to_string(b.status) +
            " Nope\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
    return;
  }
  std::string head;
  std::string payload;
  if (r != std::string::npos && !b.ignoreRange) {
    if (from >= static_cast<long>(body_.size())) {
      sendAll("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" +
              std::to_string(body_.size()) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    payload = body_.substr(static_cast<std::size_t>(from));
    head = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + std::to_string(from) + "-" +
           std::to_string(body_.size() - 1) + "/" + std::to_string(body_.size()) + "\r\n";
  } else {
    payload = body_;
    head = "HTTP/1.1 200 OK\r\n";
  }
  head += "Content-Length: " + std::to_string(payload.size()) + "\r\nConnection: close\r\n\r\n";
  if (!sendAll(head)) return;
  const std::size_t limit = b.cutAfter >= 0
                                ? std::min(payload.size(), static_cast<std::size_t>(b.cutAfter))
                                : payload.size();
  for (std::size_t off = 0; off < limit && !stop_; off += 1024) {
    if (!sendAll(payload.substr(off, std::min<std::size_t>(1024, limit - off)))) return;
    if (b.trickleMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(b.trickleMs));
  }
}

}  // namespace poisonlab::testing
