#include "core/data/file_source.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <memory>

#include "core/util/error.h"

namespace fs = std::filesystem;

namespace poisonlab {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What a CIFAR-10 data set can hold: six 30 MB batch files, or 60,000 small images (the whole
// release is 180 MB uncompressed). Anything past these is refused, not allocated.
constexpr std::size_t kMaxEntryBytes = std::size_t(64) << 20;
constexpr std::size_t kMaxArchiveBytes = std::size_t(2) << 30;
constexpr std::size_t kMaxArchiveEntries = 1'000'000;
/// An entry's name (PATH_MAX), and all names together (CIFAR-10's image folders: 60,000
/// names of about 40 bytes, 2.4 MB).
constexpr std::size_t kMaxEntryNameBytes = 4096;
constexpr std::size_t kMaxArchiveNameBytes = std::size_t(64) << 20;

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::vector<std::uint8_t> readWholeFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(p.string() + ": cannot open for reading");
  in.seekg(0, std::ios::end);
  const auto end = in.tellg();
  if (end < 0) throw Error(p.string() + ": cannot read its size");
  const auto size = static_cast<std::size_t>(end);
  if (size > kMaxEntryBytes)
    throw Error(p.string() + ": " + std::to_string(size) + " bytes; at most " +
                mib(kMaxEntryBytes) + " per file");
  in.seekg(0);
  std::vector<std::uint8_t> bytes(size);
  if (size > 0 &&
      !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw Error(p.string() + ": read failed");
  return bytes;
}

void walkFolder(const fs::path& root, const std::function<bool(const SourceEntry&)>& want,
                const std::function<void(const SourceEntry&, std::vector<std::uint8_t>&&)>& take,
                const ProgressFn& progress, const CancelToken* cancel) {
  std::vector<fs::path> files;
  std::error_code ec;
  // The real paths of the folders from the root down to the current one: a link to one of
  // them (a loop, e.g. train/loop -> ..) is not followed. Links elsewhere are.
  std::vector<fs::path> chain{fs::canonical(root, ec)};
  if (ec) throw Error(root.string() + ": cannot resolve: " + ec.message());
  std::size_t count = 0;
  for (fs::recursive_directory_iterator
           it(root, fs::directory_options::follow_directory_symlink, ec),
       end;
       it != end; it.increment(ec)) {
    if (ec) throw Error(root.string() + ": cannot list folder: " + ec.message());
    if (++count > kMaxArchiveEntries)
      throw Error(root.string() + ": more than " + std::to_string(kMaxArchiveEntries) +
                  " entries; not a CIFAR-10 folder");
    std::error_code entryEc;
    const bool isDir = it->is_directory(entryEc);
    if (entryEc) {  // a dangling or looping link: not part of the data
      if (isDir) it.disable_recursion_pending();
      continue;
    }
    // Lexically relative: fs::relative resolves symlinks, and a linked file then fell outside
    // the root and was skipped.
    const SourceEntry entry{it->path().lexically_relative(root).generic_string(), isDir};
    if (entry.isDirectory) {
      const fs::path real = fs::canonical(it->path(), entryEc);
      chain.resize(static_cast<std::size_t>(it.depth()) + 1);
      if (entryEc || std::find(chain.begin(), chain.end(), real) != chain.end()) {
        it.disable_recursion_pending();
        continue;
      }
      chain.push_back(real);
      want(entry);
      continue;
    }
    if (!it->is_regular_file(entryEc) || entryEc) continue;
    if (want(entry)) files.push_back(it->path());
  }
  if (ec) throw Error(root.string() + ": cannot list folder: " + ec.message());
  std::size_t totalBytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (cancel) cancel->throwIfCancelled();
    std::vector<std::uint8_t> bytes = readWholeFile(files[i]);
    totalBytes += bytes.size();
    if (totalBytes > kMaxArchiveBytes)
      throw Error(root.string() + ": more than " + mib(kMaxArchiveBytes) +
                  " of files; not a CIFAR-10 folder");
    take(SourceEntry{files[i].lexically_relative(root).generic_string(), false}, std::move(bytes));
    if (i % 512 == 0) report(progress, double(i) / double(files.size()), "reading files");
  }
  report(progress, 1.0, "reading files");
}

/// libarchive's message for the last error; it has none (NULL) for some corrupt input.
std::string archiveError(archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown error (libarchive gave no message)";
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

void walkArchive(const fs::path& path, const std::function<bool(const SourceEntry&)>& want,
                 const std::function<void(const SourceEntry&, std::vector<std::uint8_t>&&)>& take,
                 const ProgressFn& progress, const CancelToken* cancel) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_filter_all(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  const std::string name = path.string();
  const auto total = static_cast<double>(fs::file_size(path));
  if (archive_read_open_filename(a.get(), name.c_str(), 1 << 16) != ARCHIVE_OK)
    throw Error(name + ": not a readable tar archive: " + archiveError(a.get()));
  archive_entry* entry = nullptr;
  std::size_t count = 0, totalBytes = 0, nameBytes = 0;
  for (;;) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      throw Error(name + ": corrupt or truncated archive" +
                  (count ? " after " + std::to_string(count) + " entries" : std::string()) + ": " +
                  archiveError(a.get()));
    }
    ++count;
    if (cancel) cancel->throwIfCancelled();
    // Every entry counts, folders and links too (each costs a name kept in memory).
    if (count > kMaxArchiveEntries)
      throw Error(name + ": more than " + std::to_string(kMaxArchiveEntries) +
                  " entries; not a CIFAR-10 archive");
    const char* pathname = archive_entry_pathname(entry);
    const std::size_t nameLength = pathname ? std::strlen(pathname) : 0;
    if (nameLength > kMaxEntryNameBytes)
      throw Error(name + ": entry " + std::to_string(count) + " has a name of " +
                  std::to_string(nameLength) + " bytes (at most " +
                  std::to_string(kMaxEntryNameBytes) + ")");
    nameBytes += nameLength;
    if (nameBytes > kMaxArchiveNameBytes)
      throw Error(name + ": more than " + std::to_string(kMaxArchiveNameBytes) +
                  " bytes of entry names; not a CIFAR-10 archive");
    std::string rel = pathname ? pathname : "";
    while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
    if (!rel.empty() && rel.back() == '/') rel.pop_back();
    const auto type = archive_entry_filetype(entry);
    const SourceEntry se{rel, type == AE_IFDIR};
    if (se.isDirectory || type != AE_IFREG) {
      want(se);
      continue;
    }
    if (!want(se)) continue;
    // Caps before anything is allocated: a small gzip can declare (or inflate to) gigabytes.
    const la_int64_t declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    if (declared > static_cast<la_int64_t>(kMaxEntryBytes))
      throw Error(name + ": entry " + rel + " declares " + std::to_string(declared) +
                  " bytes (at most " + std::to_string(kMaxEntryBytes) + " per file)");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(declared > 0 ? declared : 0));
    std::size_t got = 0;
    for (;;) {
      if (declared < 0 && got == bytes.size()) {  // size not recorded: grow, within the cap
        if (bytes.size() >= kMaxEntryBytes)
          throw Error(name + ": entry " + rel + " is larger than " +
                      std::to_string(kMaxEntryBytes) + " bytes");
        bytes.resize(std::min(kMaxEntryBytes, std::max<std::size_t>(4096, bytes.size() * 2)));
      }
      if (got == bytes.size()) break;
      const la_ssize_t n = archive_read_data(a.get(), bytes.data() + got, bytes.size() - got);
      if (n < 0)
        throw Error(name + ": corrupt or truncated archive while reading " + rel + ": " +
                    archiveError(a.get()));
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    if (declared < 0) bytes.resize(got);
    if (got != bytes.size())
      throw Error(name + ": truncated archive: " + rel + " has " + std::to_string(got) + " of " +
                  std::to_string(bytes.size()) + " bytes");
    totalBytes += got;
    if (totalBytes > kMaxArchiveBytes)
      throw Error(name + ": more than " + std::to_string(kMaxArchiveBytes) +
                  " bytes of files; not a CIFAR-10 archive");
    take(se, std::move(bytes));
    if (count % 256 == 0 && total > 0)
      report(progress, std::min(1.0, double(archive_filter_bytes(a.get(), -1)) / total),
             "reading archive");
  }
  report(progress, 1.0, "reading archive");
}

}  // namespace

bool isArchivePath(const std::string& path) {
  return endsWith(path, ".tar.gz") || endsWith(path, ".tgz") || endsWith(path, ".tar") ||
         endsWith(path, ".tar.xz") || endsWith(path, ".tar.bz2");
}

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty() && cur != ".") parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty() && cur != ".") parts.push_back(cur);
  return parts;
}

void walkSource(const std::string& root, const std::function<bool(const SourceEntry&)>& want,
                const std::function<void(const SourceEntry&, std::vector<std::uint8_t>&&)>& take,
                const ProgressFn& progress, const CancelToken* cancel) {
  std::error_code ec;
  const fs::path p(root);
  if (!fs::exists(p, ec)) throw Error(root + ": no such file or folder");
  if (fs::is_directory(p, ec)) {
    walkFolder(p, want, take, progress, cancel);
  } else if (fs::is_regular_file(p, ec)) {
    walkArchive(p, want, take, progress, cancel);
  } else {
    throw Error(root + ": neither a folder nor an archive file");
  }
}

}  // namespace poisonlab
