#pragma once
/// @file json_util.h
/// Reading the JSON records of a run folder (core/ sources only: nlohmann-json is private to
/// core): a file parsed with an error naming it, and numbers that older records lack.

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

#include "core/util/atomic_file.h"
#include "core/util/error.h"

namespace poisonlab {

/// Parses a JSON file; throws Error naming the file when it cannot be read or parsed.
inline nlohmann::json readJsonFile(const std::string& path) {
  try {
    return nlohmann::json::parse(readTextFile(path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not valid JSON: " + e.what());
  }
}

/// A number that older records lack (or hold as null, as NaN is written): NaN then, which
/// every table shows as "n/a".
inline double optionalNumber(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : std::nan("");
}

}  // namespace poisonlab
