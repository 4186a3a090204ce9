#pragma once
/// @file temp_file.h
/// The temporary a write goes through before its rename (core/ sources only).

#include <string>

namespace poisonlab {

/// Creates PATH.tmp-PID-N, a new file of this process's own (O_EXCL | O_NOFOLLOW: never a file
/// or link planted under the name, whose target would be overwritten; a leftover of a process
/// that had this PID takes the next N), opened read-write; sets `tmp` to its name and returns
/// the descriptor. Throws Error naming `path` when it cannot.
int createTemporary(const std::string& path, std::string& tmp);

}  // namespace poisonlab
