#include "core/run/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/util/error.h"

namespace poisonlab {

RunLock::RunLock(const std::string& lockFile, const std::string& what) {
  std::error_code ec;
  const auto dir = std::filesystem::path(lockFile).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  fd_ = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw Error(lockFile + ": cannot open the lock file: " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw Error(what + ": another PoisonLab job is writing it; wait for that job, or cancel it");
    throw Error(lockFile + ": cannot lock: " + std::strerror(err));
  }
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

std::string RunLock::of(const std::string& runDir) {
  return (std::filesystem::path(runDir) / ".poisonlab.lock").string();
}

}  // namespace poisonlab
