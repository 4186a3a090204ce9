#pragma once
/// @file file_source.h
/// One way to walk a folder tree or a tar / tar.gz archive: the loaders do not
/// care which container holds their files.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/util/progress.h"

namespace poisonlab {

/// True when `path` names a tar archive (.tar, .tar.gz, .tgz) by its extension.
bool isArchivePath(const std::string& path);

/// One entry of a folder tree or archive, with a '/'-separated path relative to the root.
struct SourceEntry {
  std::string path;
  bool isDirectory = false;
};

/// Walks every entry under `root` (a folder or an archive). For each regular file for which
/// `want(entry)` returns true, reads its bytes and calls `take(entry, bytes)`. Directories are
/// passed to `want` too (their return value is ignored). Throws Error naming `root` (and the
/// entry) when it does not exist, cannot be read, or the archive is corrupt or truncated.
void walkSource(const std::string& root, const std::function<bool(const SourceEntry&)>& want,
                const std::function<void(const SourceEntry&, std::vector<std::uint8_t>&&)>& take,
                const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

/// Splits a '/'-separated path into its non-empty components.
std::vector<std::string> splitPath(const std::string& path);

}  // namespace poisonlab
