#pragma once
/// @file md5.h
/// MD5 digests of files: the download's checksum, and the key under which results derived from
/// a model file (Fisher importances, predictions) are cached.

#include <string>

namespace poisonlab {

/// MD5 of a file as lower-case hex; throws Error naming the file when it cannot be read.
std::string md5OfFile(const std::string& path);

}  // namespace poisonlab
