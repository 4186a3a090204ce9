#pragma once
/// @file md5.h
/// MD5 digests of files: the download's checksum, and the key under which results derived from
/// a model file (Fisher importances, predictions) are cached.

#include <string>

namespace poisonlab {

/// MD5 of a file as lower-case hex; throws Error naming the file when it cannot be read.
std::string md5OfFile(const std::string& path);
/// MD5 of a string as lower-case hex.
std::string md5OfText(const std::string& text);

}  // namespace poisonlab
