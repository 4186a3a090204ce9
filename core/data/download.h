#pragma once
/// @file download.h
/// Fetches a file over HTTP(S) with resume, progress, cancellation and an MD5 check. The
/// partial download lives beside the target as NAME.part: an interrupted or cancelled transfer
/// keeps it for the next attempt to resume; a checksum mismatch removes it.

#include <cstdint>
#include <string>

#include "core/util/progress.h"

namespace poisonlab {

constexpr const char* kCifarBinaryUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
constexpr const char* kCifarBinaryMd5 = "c32a1d4ab5d03f1284b67883e8d87530";
constexpr std::int64_t kCifarBinarySize = 170052171;
constexpr const char* kCifarBinaryName = "cifar-10-binary.tar.gz";

struct DownloadOptions {
  std::string url = kCifarBinaryUrl;
  std::string destDir;  ///< created if missing
  std::string fileName = kCifarBinaryName;
  std::string md5 = kCifarBinaryMd5;             ///< lower-case hex; empty = no check
  std::int64_t expectedSize = kCifarBinarySize;  ///< 0 = unknown
  long stallSeconds = 30;                        ///< give up when no byte arrives for this long
};

struct DownloadResult {
  std::string path;
  std::int64_t bytes = 0;
  bool alreadyPresent = false;   ///< the verified file was there; nothing fetched
  std::int64_t resumedFrom = 0;  ///< bytes of an earlier partial download reused
  double seconds = 0;
};

/// Downloads and verifies. Progress text carries bytes done / total. Throws Error (with the
/// partial file's fate in the message) or Cancelled.
DownloadResult downloadFile(const DownloadOptions& options, const ProgressFn& progress = {},
                            const CancelToken* cancel = nullptr);

}  // namespace poisonlab
