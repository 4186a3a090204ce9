#include "core/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/util/error.h"
#include "core/util/temp_file.h"

namespace poisonlab {
namespace {

/// Makes the rename durable: the directory entry is flushed too (best effort: some file
/// systems refuse to open a directory for this).
void syncParentDirectory(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void writeAll(const std::string& path, const char* data, std::size_t size) {
  std::string tmp;
  const int fd = createTemporary(path, tmp);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmp.c_str());
      throw Error(path + ": write failed: " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw Error(path + ": write failed: " + why);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    throw Error(path + ": cannot replace: " + why);
  }
  syncParentDirectory(path);
}

}  // namespace

int createTemporary(const std::string& path, std::string& tmp) {
  // Unique per process and per write: two writers of one file never share a temporary.
  static std::atomic<unsigned long> counter{0};
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw Error(path + ": cannot write: " + std::strerror(errno));
  return fd;
}

void writeFileAtomic(const std::string& path, const std::string& contents) {
  writeAll(path, contents.data(), contents.size());
}

void writeFileAtomic(const std::string& path, const std::vector<std::uint8_t>& contents) {
  writeAll(path, reinterpret_cast<const char*>(contents.data()), contents.size());
}

std::string readTextFile(const std::string& path, std::size_t limit) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw Error(path + ": cannot read (" + std::strerror(errno) + ")");
  if (!S_ISREG(st.st_mode)) throw Error(path + ": not a regular file; refused");
  const auto tooBig = [&] {
    return Error(path + ": larger than the " + std::to_string(limit >> 20) +
                 " MiB a file of this kind may hold; refused");
  };
  if (std::uint64_t(st.st_size) > limit) throw tooBig();
  std::string out;
  out.reserve(std::size_t(st.st_size));
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(path + ": cannot read (" + std::strerror(errno) + ")");
    }
    if (n == 0) break;
    if (out.size() + std::size_t(n) > limit) throw tooBig();
    out.append(buf, std::size_t(n));
  }
  return out;
}

}  // namespace poisonlab
