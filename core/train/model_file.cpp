#include "core/train/model_file.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#ifndef POISONLAB_NO_ZLIB
#include <zlib.h>
#endif

#include "core/util/error.h"

namespace poisonlab {
namespace {

std::uint32_t le16(const std::string& b, std::size_t at) {
  return std::uint32_t(std::uint8_t(b[at])) | std::uint32_t(std::uint8_t(b[at + 1])) << 8;
}
std::uint32_t le32(const std::string& b, std::size_t at) {
  return le16(b, at) | le16(b, at + 2) << 16;
}
std::uint64_t le64(const std::string& b, std::size_t at) {
  return std::uint64_t(le32(b, at)) | std::uint64_t(le32(b, at + 4)) << 32;
}

constexpr std::size_t kMaxEntries = 100'000;
constexpr std::size_t kMaxCodeBytes = 64 << 10;
constexpr std::size_t kMaxPickleBytes = 16 << 20;
constexpr std::size_t kMaxSmallRecordBytes = 4 << 10;  // version, byteorder, serialization_id

/// The entries LibTorch 1.13 (and later versions' extras) writes: ARCHIVE/data.pkl, its
/// tensors ARCHIVE/data/N, constants, version records and the module declarations.
const std::regex& entryNames() {
  static const std::regex r(
      R"([A-Za-z0-9_.-]+/(data\.pkl|constants\.pkl|version|byteorder|\.data/version|)"
      R"(\.data/serialization_id|data/[0-9]+|)"
      R"(code/__torch__(/___torch_mangle_[0-9]+)?\.py(\.debug_pkl)?))");
  return r;
}

/// One line of a module declaration as LibTorch's serializer writes it.
bool declarationLine(const std::string& line) {
  static const std::string type =
      R"((Tensor|str|int|float|bool|__torch__\.(___torch_mangle_[0-9]+\.)?Module))";
  static const std::string key = R"([A-Za-z0-9_./]+)";
  static const std::regex forms[] = {
      std::regex(R"(class Module\(Module\):)"),
      std::regex(R"(  __(parameters|buffers)__ = \[("[A-Za-z0-9_./]+", )*\])"),
      std::regex(R"(  __annotations__ = \[\])"),
      std::regex("  [A-Za-z_][A-Za-z0-9_]* : " + type),
      std::regex("  __annotations__\\[\"" + key + "\"\\] = " + type),
  };
  if (line.empty()) return true;
  if (line.size() > 512) return false;
  for (const auto& f : forms)
    if (std::regex_match(line, f)) return true;
  return false;
}

/// A raw deflate stream of `size` bytes once inflated (at most kMaxCodeBytes).
std::string inflated(const std::string& packed, std::uint64_t size, const std::string& what) {
#ifdef POISONLAB_NO_ZLIB
  // The engine-only build without zlib (bench/cuda_check): LibTorch stores its entries.
  (void)packed;
  (void)size;
  throw Error(what + ": a compressed entry; this build reads stored entries only");
#else
  std::string out(static_cast<std::size_t>(size), '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw Error(what + ": cannot inflate");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int r = inflate(&z, Z_FINISH);
  const bool whole = r == Z_STREAM_END && z.total_out == size;
  inflateEnd(&z);
  if (!whole) throw Error(what + ": corrupt compressed entry");
  return out;
#endif
}

bool endsWith(const std::string& s, const char* suffix) {
  const std::size_t n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

/// Walks a pickle (protocol 2..5) opcode by opcode without running it: every length it
/// declares must lie within it, and memo slots are numbered as a pickler numbers them.
/// LibTorch's unpickler allocates what a pickle declares before reading it (fuzz_model: a
/// 30 KB file took 4.3 GB) and sizes its memo by the largest slot named.
void checkPickle(const std::string& p, const std::string& what) {
  std::size_t at = 0, memo = 0;
  auto need = [&](std::uint64_t n) {
    if (n > p.size() - at)
      throw Error(what + ": pickle declares " + std::to_string(n) + " bytes at offset " +
                  std::to_string(at) + ", past its end (" + std::to_string(p.size()) + ")");
  };
  auto uint = [&](int bytes) {
    need(static_cast<std::uint64_t>(bytes));
    std::uint64_t v = 0;
    for (int b = bytes - 1; b >= 0; --b) v = v << 8 | std::uint8_t(p[at + std::size_t(b)]);
    at += static_cast<std::size_t>(bytes);
    return v;
  };
  auto skip = [&](std::uint64_t n) {
    need(n);
    at += static_cast<std::size_t>(n);
  };
  auto line = [&] {
    const std::size_t nl = p.find('\n', at);
    if (nl == std::string::npos) throw Error(what + ": pickle line without its end");
    at = nl + 1;
  };
  auto put = [&](std::uint64_t slot) {
    if (slot > memo) throw Error(what + ": pickle memo slot " + std::to_string(slot) + " unused");
    if (slot == memo) ++memo;
  };
  auto get = [&](std::uint64_t slot) {
    if (slot >= memo) throw Error(what + ": pickle reads memo slot " + std::to_string(slot));
  };
  while (at < p.size()) {
    const unsigned char op = static_cast<unsigned char>(p[at++]);
    switch (op) {
      case '.':  // STOP
        return;
      case '(':
      case '0':
      case '1':
      case '2':
      case 'N':
      case 0x88:
      case 0x89:
      case 't':
      case ')':
      case 0x85:
      case 0x86:
      case 0x87:
      case ']':
      case 'a':
      case 'e':
      case 'l':
      case '}':
      case 'd':
      case 's':
      case 'u':
      case 'b':
      case 'R':
      case 0x81:
      case 'Q':
      case 0x8f:
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 'o':
      case 0x97:
      case 0x98:
        break;
      case 0x94:  // MEMOIZE
        put(memo);
        break;
      case 'K':
      case 0x80:
      case 0x82:
        skip(1);
        break;
      case 'M':
      case 0x83:
        skip(2);
        break;
      case 'J':
      case 0x84:
        skip(4);
        break;
      case 'G':
        skip(8);
        break;
      case 'q':  // BINPUT
        put(uint(1));
        break;
      case 'r':  // LONG_BINPUT
        put(uint(4));
        break;
      case 'h':  // BINGET
        get(uint(1));
        break;
      case 'j':  // LONG_BINGET
        get(uint(4));
        break;
      case 'U':  // strings with a 1-, 4- or 8-byte length
      case 'C':
      case 0x8c:
      case 0x8a:
        skip(uint(1));
        break;
      case 'T':
      case 'X':
      case 'B':
      case 0x8b:
        skip(uint(4));
        break;
      case 0x8d:
      case 0x8e:
      case 0x96:
        skip(uint(8));
        break;
      case 0x95:  // FRAME: its length is a hint, not data
        uint(8);
        break;
      case 'I':
      case 'L':
      case 'S':
      case 'V':
      case 'F':
      case 'P':
      case 'g':
      case 'p':
        line();
        break;
      case 'c':
      case 'i':  // GLOBAL, INST: module and name lines
        line();
        line();
        break;
      default:
        throw Error(what + ": pickle opcode " + std::to_string(op) + " at offset " +
                    std::to_string(at - 1) + " is not one a model file holds");
    }
  }
  throw Error(what + ": pickle without its end (STOP)");
}

}  // namespace

void checkModelArchive(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open model file");
  in.seekg(0, std::ios::end);
  const auto end = in.tellg();
  if (end < 0) throw Error(path + ": cannot read model file");
  const auto fileSize = static_cast<std::uint64_t>(end);
  auto read = [&](std::uint64_t at, std::size_t n) {
    if (at > fileSize || n > fileSize - at)
      throw Error(path + ": corrupt model file (a zip record points past its end)");
    std::string bytes(n, '\0');
    in.seekg(static_cast<std::streamoff>(at));
    if (n && !in.read(bytes.data(), static_cast<std::streamsize>(n)))
      throw Error(path + ": read failed");
    return bytes;
  };
  // The end-of-central-directory record: in the last 64 KiB + 22 bytes.
  const std::uint64_t tailSize = std::min<std::uint64_t>(fileSize, (64 << 10) + 22);
  const std::string tail = read(fileSize - tailSize, static_cast<std::size_t>(tailSize));
  std::size_t eocd = std::string::npos;
  for (std::size_t i = tail.size() >= 22 ? tail.size() - 22 + 1 : 0; i-- > 0;)
    if (le32(tail, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd == std::string::npos)
    throw Error(path + ": not a readable model file (not a zip archive)");
  std::uint64_t entries = le16(tail, eocd + 10), cdSize = le32(tail, eocd + 12),
                cdOffset = le32(tail, eocd + 16);
  // Zip64 (LibTorch writes it): the locator just before, pointing at the zip64 record.
  if (eocd >= 20 && le32(tail, eocd - 20) == 0x07064b50) {
    const std::string z = read(le64(tail, eocd - 20 + 8), 56);
    if (le32(z, 0) != 0x06064b50) throw Error(path + ": corrupt model file (zip64 record)");
    entries = le64(z, 32);
    cdSize = le64(z, 40);
    cdOffset = le64(z, 48);
  }
  if (entries > kMaxEntries)
    throw Error(path + ": " + std::to_string(entries) + " entries; not a model file");
  if (cdSize > (std::uint64_t(64) << 20))
    throw Error(path + ": corrupt model file (central directory of " + std::to_string(cdSize) +
                " bytes)");
  // The central directory, as LibTorch's reader (miniz) sees the archive.
  const std::string cd = read(cdOffset, static_cast<std::size_t>(cdSize));
  std::set<std::string> names;
  std::string prefix;
  std::size_t at = 0;
  for (std::uint64_t k = 0; k < entries; ++k) {
    if (at + 46 > cd.size() || le32(cd, at) != 0x02014b50)
      throw Error(path + ": corrupt model file (central directory entry " + std::to_string(k) +
                  ")");
    const unsigned method = le16(cd, at + 10);
    std::uint64_t size = le32(cd, at + 24), packed = le32(cd, at + 20);
    const std::size_t nameLen = le16(cd, at + 28), extraLen = le16(cd, at + 30),
                      commentLen = le16(cd, at + 32);
    std::uint64_t local = le32(cd, at + 42);
    if (at + 46 + nameLen + extraLen + commentLen > cd.size())
      throw Error(path + ": corrupt model file (central directory entry " + std::to_string(k) +
                  ")");
    const std::string name = cd.substr(at + 46, nameLen);
    // Zip64 sizes and offsets live in the extra field (id 1) when the 32-bit ones are full.
    for (std::size_t e = at + 46 + nameLen; e + 4 <= at + 46 + nameLen + extraLen;) {
      const unsigned id = le16(cd, e), len = le16(cd, e + 2);
      std::size_t f = e + 4;
      const std::size_t fieldEnd = std::min(e + 4 + len, at + 46 + nameLen + extraLen);
      if (id == 1) {
        if (size == 0xFFFFFFFFu && f + 8 <= fieldEnd) size = le64(cd, f), f += 8;
        if (packed == 0xFFFFFFFFu && f + 8 <= fieldEnd) packed = le64(cd, f), f += 8;
        if (local == 0xFFFFFFFFu && f + 8 <= fieldEnd) local = le64(cd, f);
      }
      e += 4 + len;
    }
    at += 46 + nameLen + extraLen + commentLen;
    if (!std::regex_match(name, entryNames()))
      throw Error(path + ": holds an entry PoisonLab's model files do not have: '" + name + "'");
    const auto slash = name.find('/');
    if (prefix.empty()) prefix = name.substr(0, slash);
    if (name.compare(0, slash, prefix) != 0)
      throw Error(path + ": entries of two archives ('" + prefix + "' and '" + name + "')");
    const std::string inner = name.substr(slash + 1);
    if (!names.insert(inner).second) throw Error(path + ": two entries named '" + name + "'");
    const bool code = endsWith(inner, ".py"), pickle = endsWith(inner, "pkl");
    if (inner.compare(0, 5, "data/") == 0) {
      // A tensor's storage: LibTorch writes it stored, never compressed, so no record can
      // inflate past the bytes the file itself holds (a deflated 1 MB record declaring 1 GB
      // was inflated in full before). Its size against its tensor's shape is checked after
      // loading (every tensor the recorded network's shape and type).
      if (method != 0 || size != packed)
        throw Error(path + ": " + name +
                    " is a compressed tensor record (LibTorch stores tensor data uncompressed); "
                    "the file is refused");
      if (local > fileSize || size > fileSize - local)
        throw Error(path + ": corrupt model file (" + name + " declares " + std::to_string(size) +
                    " bytes, past the end of the file)");
      continue;
    }
    if (!code && !pickle) {
      // version, byteorder, serialization_id: a few bytes each.
      if (size > kMaxSmallRecordBytes || packed > kMaxSmallRecordBytes)
        throw Error(path + ": " + name + " declares " + std::to_string(size) +
                    " bytes (a record of this kind holds a few); the file is refused");
      continue;
    }
    // Declarations and pickles: read (stored, or deflated as LibTorch does for the larger
    // ones) and checked before LibTorch compiles or unpickles them.
    const std::uint64_t cap = code ? kMaxCodeBytes : kMaxPickleBytes;
    if ((method != 0 && method != 8) || size > cap || packed > cap)
      throw Error(path + ": " + name + " is not an entry of at most " + std::to_string(cap >> 10) +
                  " KiB");
    const std::string header = read(local, 30);
    if (le32(header, 0) != 0x04034b50)
      throw Error(path + ": corrupt model file (local header of " + name + ")");
    const std::string stored =
        read(local + 30 + le16(header, 26) + le16(header, 28), static_cast<std::size_t>(packed));
    const std::string bytes = method == 0 ? stored : inflated(stored, size, path + ": " + name);
    if (pickle) {
      checkPickle(bytes, path + ": " + name);
      continue;
    }
    std::istringstream lines(bytes);
    std::string line;
    for (int lineNo = 1; std::getline(lines, line); ++lineNo)
      if (!declarationLine(line))
        throw Error(path + ": " + name + " line " + std::to_string(lineNo) +
                    " is code PoisonLab's model files do not hold; the file is refused");
  }
  // LibTorch's reader needs both (and leaks its zip state when it throws for their absence).
  for (const char* needed : {"data.pkl", "version"})
    if (!names.count(needed))
      throw Error(path + ": not a readable model file (no " + std::string(needed) + " entry)");
}

}  // namespace poisonlab
