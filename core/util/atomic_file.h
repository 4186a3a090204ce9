#pragma once
/// @file atomic_file.h
/// Files are written atomically: to a temporary file beside the target, flushed to disk, then
/// renamed over it, and the directory flushed. A crash or cancel leaves either the old file or
/// the new one, never half. The temporary's name is unique per write, so concurrent writers of
/// one file never interleave (the last rename wins).

#include <cstdint>
#include <string>
#include <vector>

namespace poisonlab {

void writeFileAtomic(const std::string& path, const std::string& contents);
void writeFileAtomic(const std::string& path, const std::vector<std::uint8_t>& contents);
/// Reads a whole file; throws Error naming the path when it cannot.
std::string readTextFile(const std::string& path);

}  // namespace poisonlab
