#pragma once
// A small, strict command-line parser: every option is declared, unknown ones are errors, and
// a bad value names its option.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "usage.h"

namespace poisonlab::cli {

/// `COMMAND --help` or `-h`, as git and cargo take it: thrown by Args::parse where an option
/// would stand; main prints that command's help and exits 0.
struct HelpRequested {
  std::string command;
};

class Args {
 public:
  /// `valued` options take a value (--name VALUE or --name=VALUE); `flags` take none.
  Args(std::string command, std::set<std::string> valued, std::set<std::string> flags);
  /// The options of a command as its documentation (usage.cpp) declares them.
  explicit Args(const CommandDoc& doc) : Args(doc.name, doc.valued, doc.flags) {}
  /// Parses argv[first..argc). Throws poisonlab::Error on unknown options or missing values,
  /// HelpRequested at a `--help` or `-h` where an option would stand (not an option's value).
  void parse(int argc, char** argv, int first);

  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string value(const std::string& name, const std::string& fallback = {}) const;
  std::string required(const std::string& name) const;
  long long integer(const std::string& name, long long fallback, long long min,
                    long long max) const;
  std::uint64_t seed(const std::string& name, std::uint64_t fallback) const;
  double number(const std::string& name, double fallback, double min, double max) const;
  /// A comma-separated list of exactly `n` integers, e.g. --pos 11,16 (n = 0: any number).
  std::optional<std::vector<int>> integerList(const std::string& name, std::size_t n) const;

 private:
  std::string command_;
  std::set<std::string> valuedNames_, flagNames_;
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
};

}  // namespace poisonlab::cli
