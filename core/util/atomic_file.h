#pragma once
/// @file atomic_file.h
/// Files are written atomically: to a temporary file beside the target, flushed to disk, then
/// renamed over it, and the directory flushed. A crash or cancel leaves either the old file or
/// the new one, never half. The temporary's name is unique per write, so concurrent writers of
/// one file never interleave (the last rename wins).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace poisonlab {

void writeFileAtomic(const std::string& path, const std::string& contents);
void writeFileAtomic(const std::string& path, const std::vector<std::uint8_t>& contents);
/// The most a run folder's records may hold (docs/inputs.md): a JSON record (experiment.json,
/// metrics.json, grid.json, a detector's or an unlearning result's .json) ...
constexpr std::size_t kJsonFileLimit = std::size_t(64) << 20;
/// ... and a CSV table (poison.csv, a detector's scores, a forget set): a few hundred bytes a
/// sample, for data sets a hundred times CIFAR-10's.
constexpr std::size_t kCsvFileLimit = std::size_t(1) << 30;

/// Reads a whole regular file of at most `limit` bytes; throws Error naming the path when it
/// cannot be opened, is not a regular file (a device such as /dev/zero, a FIFO, a folder; a
/// symbolic link is followed to what it names) or holds more than `limit` bytes (checked
/// before reading, and again while reading, for files that grow).
std::string readTextFile(const std::string& path, std::size_t limit = kJsonFileLimit);

}  // namespace poisonlab
