/// Fuzz target: the shape of a data set's tree, as a real folder or as a tar / tar.gz archive
/// made from the input, loaded by the real loader. Where fuzz_archive mutates an archive's
/// bytes (and mostly breaks its checksums), this one mutates its entries: names with "..",
/// absolute paths, duplicates, hidden files, stray files, symlinks (loops included) and hard
/// links, and what the image files hold.
///
/// Input: one byte for the container (0 folder, 1 tar, 2 tar.gz, modulo 3), then entries,
/// each: a type byte (0 file, 1 folder, 2 symlink, 3 hard link, modulo 4), a path length
/// byte and the path, a 16-bit little-endian length and that many bytes (a file's contents or
/// a link's target). fuzz/seeds.py writes the seed corpus in this form.
///
/// In a real folder, entries whose path leaves the folder are left out and link targets must
/// resolve inside it: the fuzzer never touches a file of its own machine.
#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/data/cifar_loader.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;
namespace fs = std::filesystem;

namespace {

struct Entry {
  int type = 0;
  std::string path;
  std::string body;
};

std::vector<Entry> parseEntries(const std::uint8_t* data, std::size_t size, std::size_t& at) {
  std::vector<Entry> entries;
  while (at + 2 <= size) {
    Entry e;
    e.type = data[at] % 4;
    const std::size_t pathLen = data[at + 1];
    at += 2;
    if (at + pathLen + 2 > size) break;
    e.path.assign(reinterpret_cast<const char*>(data + at), pathLen);
    at += pathLen;
    const std::size_t bodyLen = data[at] | (std::size_t(data[at + 1]) << 8);
    at += 2;
    if (at + bodyLen > size) break;
    e.body.assign(reinterpret_cast<const char*>(data + at), bodyLen);
    at += bodyLen;
    entries.push_back(std::move(e));
  }
  return entries;
}

/// `p` relative, without "..", and not empty: a path that stays inside the folder.
bool staysInside(const fs::path& p) {
  if (p.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return p.string().find('\0') == std::string::npos;
}

void makeFolder(const fs::path& root, const std::vector<Entry>& entries) {
  std::error_code ec;
  fs::create_directories(root, ec);
  for (const Entry& e : entries) {
    const fs::path rel = fs::path(e.path).lexically_normal();
    if (!staysInside(rel) || rel == ".") continue;
    const fs::path where = root / rel;
    fs::create_directories(where.parent_path(), ec);
    if (e.type == 1) {
      fs::create_directories(where, ec);
    } else if (e.type == 0) {
      if (fs::exists(fs::symlink_status(where, ec))) continue;
      fuzz::writeFile(where.string(), e.body);
    } else {
      if (e.body.empty() || e.body.find('\0') != std::string::npos) continue;
      const fs::path target(e.body);
      if (target.is_absolute()) continue;
      // Where the link leads, resolved lexically from its folder: it must stay in the root.
      const fs::path resolved = (where.parent_path() / target).lexically_normal();
      const fs::path back = resolved.lexically_relative(root);
      if (back.empty() || (!back.empty() && *back.begin() == "..")) continue;
      if (e.type == 2)
        fs::create_symlink(target, where, ec);
      else if (fs::is_regular_file(fs::symlink_status(resolved, ec)))
        fs::create_hard_link(resolved, where, ec);
    }
  }
}

struct WriterCloser {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryCloser {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

void makeArchive(const std::string& path, bool gzip, const std::vector<Entry>& entries) {
  std::unique_ptr<archive, WriterCloser> a(archive_write_new());
  archive_write_set_format_pax_restricted(a.get());
  if (gzip) archive_write_add_filter_gzip(a.get());
  if (archive_write_open_filename(a.get(), path.c_str()) != ARCHIVE_OK) std::abort();
  for (const Entry& e : entries) {
    if (e.path.find('\0') != std::string::npos) continue;
    std::unique_ptr<archive_entry, EntryCloser> ae(archive_entry_new());
    archive_entry_set_pathname(ae.get(), e.path.c_str());
    archive_entry_set_perm(ae.get(), 0644);
    const std::string target = e.body.substr(0, e.body.find('\0'));
    switch (e.type) {
      case 0:
        archive_entry_set_filetype(ae.get(), AE_IFREG);
        archive_entry_set_size(ae.get(), static_cast<la_int64_t>(e.body.size()));
        break;
      case 1:
        archive_entry_set_filetype(ae.get(), AE_IFDIR);
        break;
      case 2:
        archive_entry_set_filetype(ae.get(), AE_IFLNK);
        archive_entry_set_symlink(ae.get(), target.c_str());
        break;
      default:
        archive_entry_set_filetype(ae.get(), AE_IFREG);
        archive_entry_set_hardlink(ae.get(), target.c_str());
        break;
    }
    if (archive_write_header(a.get(), ae.get()) != ARCHIVE_OK) continue;
    if (e.type == 0 && !e.body.empty()) archive_write_data(a.get(), e.body.data(), e.body.size());
  }
  archive_write_close(a.get());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const int container = data[0] % 3;
  std::size_t at = 1;
  const std::vector<Entry> entries = parseEntries(data, size, at);
  const std::string scratch = fuzz::freshScratch();
  std::string root;
  if (container == 0) {
    root = scratch + "/data";
    makeFolder(root, entries);
  } else {
    root = scratch + (container == 1 ? "/data.tar" : "/data.tar.gz");
    makeArchive(root, container == 2, entries);
  }
  fuzz::expectErrorOnly("loadDataset(tree)", [&] { fuzz::checkDataset(loadDataset(root)); });
  return 0;
}
