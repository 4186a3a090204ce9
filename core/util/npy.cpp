#include "core/util/npy.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>

#include "core/util/error.h"
#include "core/util/temp_file.h"

namespace poisonlab {
namespace {
constexpr char kMagic[] = "\x93NUMPY";

std::string header(std::size_t rows, std::size_t cols) {
  std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(rows) +
                     ", " + std::to_string(cols) + "), }";
  // Magic (6) + version (2) + length (2) + dict + padding + '\n', a multiple of 64 bytes.
  const std::size_t unpadded = 10 + dict.size() + 1;
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict.push_back('\n');
  std::string h(kMagic, 6);
  h.push_back('\x01');
  h.push_back('\x00');
  h.push_back(static_cast<char>(dict.size() & 0xff));
  h.push_back(static_cast<char>((dict.size() >> 8) & 0xff));
  return h + dict;
}
}  // namespace

NpyWriter::NpyWriter(std::string path, std::size_t rows, std::size_t cols)
    : path_(std::move(path)), rows_(rows), cols_(cols) {
  const int fd = createTemporary(path_, tmp_);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp_.c_str());
    throw Error(path_ + ": cannot write: " + why);
  }
  const std::string h = header(rows, cols);
  headerBytes_ = h.size();
  bool ok = std::fwrite(h.data(), 1, h.size(), file_) == h.size();
  // Size the file now; rows are then written in place in any order.
  const long long total = static_cast<long long>(headerBytes_ + rows * cols * sizeof(float));
  ok = ok && std::fflush(file_) == 0 && ::ftruncate(::fileno(file_), total) == 0;
  if (!ok) {
    const std::string why = std::strerror(errno);
    std::fclose(file_);
    std::remove(tmp_.c_str());
    file_ = nullptr;
    throw Error(path_ + ": cannot write: " + why);
  }
}

NpyWriter::~NpyWriter() {
  if (file_) {
    std::fclose(file_);
    std::remove(tmp_.c_str());
  }
}

void NpyWriter::writeRows(std::size_t first, const float* data, std::size_t n) {
  if (!file_) throw Error(path_ + ": already committed");
  if (first + n > rows_)
    throw Error(path_ + ": row " + std::to_string(first + n - 1) + " is outside 0.." +
                std::to_string(rows_ - 1));
  const auto offset = static_cast<off_t>(headerBytes_ + first * cols_ * sizeof(float));
  if (::fseeko(file_, offset, SEEK_SET) != 0 ||
      std::fwrite(data, sizeof(float), n * cols_, file_) != n * cols_)
    throw Error(path_ + ": write failed: " + std::strerror(errno));
}

void NpyWriter::commit() {
  if (!file_) throw Error(path_ + ": already committed");
  const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const std::string why = std::strerror(errno);
  std::fclose(file_);
  file_ = nullptr;
  if (!ok || std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::remove(tmp_.c_str());
    throw Error(path_ + ": cannot write: " + (ok ? std::string(std::strerror(errno)) : why));
  }
}

NpyReader::NpyReader(std::string file) : path_(std::move(file)) {
  in_.open(path_, std::ios::binary);
  std::ifstream& in = in_;
  const std::string& path = path_;
  if (!in) throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
  char pre[10];
  if (!in.read(pre, 10) || std::memcmp(pre, kMagic, 6) != 0)
    throw Error(path + ": not a NumPy .npy file (bad magic)");
  std::size_t len = 0;
  if (pre[6] == 1) {
    len = static_cast<unsigned char>(pre[8]) | (static_cast<unsigned char>(pre[9]) << 8);
  } else {
    char more[2];
    if (!in.read(more, 2)) throw Error(path + ": truncated .npy header");
    len = static_cast<unsigned char>(pre[8]) | (static_cast<unsigned char>(pre[9]) << 8) |
          (static_cast<std::size_t>(static_cast<unsigned char>(more[0])) << 16) |
          (static_cast<std::size_t>(static_cast<unsigned char>(more[1])) << 24);
  }
  // A real header is a few hundred bytes; a huge declared length is a damaged or hostile file.
  constexpr std::size_t kMaxHeader = 1 << 16;
  if (len > kMaxHeader)
    throw Error(path + ": .npy header of " + std::to_string(len) + " bytes (at most " +
                std::to_string(kMaxHeader) + ")");
  std::string dict(len, '\0');
  if (!in.read(dict.data(), static_cast<std::streamsize>(len)))
    throw Error(path + ": truncated .npy header");
  if (dict.find("'descr': '<f4'") == std::string::npos)
    throw Error(path + ": descr is not '<f4' (float32 little-endian)");
  if (dict.find("'fortran_order': False") == std::string::npos)
    throw Error(path + ": fortran_order is not False");
  std::smatch m;
  auto dimension = [&](const std::string& text) -> std::size_t {
    try {
      return std::stoull(text);
    } catch (const std::exception&) {
      throw Error(path + ": shape dimension " + text + " is out of range");
    }
  };
  if (std::regex_search(dict, m, std::regex(R"('shape': \((\d+), (\d+)\))"))) {
    rows_ = dimension(m[1]);
    cols_ = dimension(m[2]);
  } else if (std::regex_search(dict, m, std::regex(R"('shape': \((\d+),\))"))) {
    rows_ = dimension(m[1]);
    cols_ = 1;
  } else {
    throw Error(path + ": shape is not 1-D or 2-D");
  }
  // The declared shape against what the file holds, before anything is allocated.
  dataStart_ = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0, std::ios::end);
  const auto dataBytes =
      static_cast<std::size_t>(static_cast<std::uint64_t>(in.tellg()) - dataStart_);
  in.seekg(static_cast<std::streamoff>(dataStart_));
  const std::size_t floats = dataBytes / sizeof(float);
  if (cols_ != 0 && rows_ > floats / cols_)
    throw Error(path + ": the header declares " + std::to_string(rows_) + " x " +
                std::to_string(cols_) + " float32, but the file holds " +
                std::to_string(dataBytes) + " bytes of data");
}

void NpyReader::readRows(std::size_t first, std::size_t n, float* out) {
  if (first > rows_ || n > rows_ - first)
    throw Error(path_ + ": rows " + std::to_string(first) + ".." + std::to_string(first + n) +
                " are outside the " + std::to_string(rows_) + " it holds");
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(dataStart_ + first * cols_ * sizeof(float)));
  if (!in_.read(reinterpret_cast<char*>(out),
                static_cast<std::streamsize>(n * cols_ * sizeof(float))))
    throw Error(path_ + ": truncated data (expected " + std::to_string(rows_) + " x " +
                std::to_string(cols_) + " float32)");
}

NpyMatrix readNpy(const std::string& path) {
  NpyReader r(path);
  NpyMatrix out;
  out.rows = r.rows();
  out.cols = r.cols();
  out.values.resize(out.rows * out.cols);
  r.readRows(0, out.rows, out.values.data());
  return out;
}

}  // namespace poisonlab
