#include "args.h"

#include <limits>

#include <cerrno>
#include <cstdlib>

#include "core/util/error.h"

namespace poisonlab::cli {

Args::Args(std::string command, std::set<std::string> valued, std::set<std::string> flags)
    : command_(std::move(command)), valuedNames_(std::move(valued)), flagNames_(std::move(flags)) {
  flagNames_.insert("json");
}

void Args::parse(int argc, char** argv, int first) {
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") throw HelpRequested{command_};
    if (a.rfind("--", 0) != 0)
      throw Error("unexpected argument '" + a + "' for '" + command_ + "' (options start with --)");
    std::string name = a.substr(2), value;
    bool inlineValue = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inlineValue = true;
    }
    if (flagNames_.count(name)) {
      if (inlineValue) throw Error("--" + name + " takes no value");
      flags_.insert(name);
    } else if (valuedNames_.count(name)) {
      if (!inlineValue) {
        if (i + 1 >= argc) throw Error("--" + name + " needs a value");
        value = argv[++i];
      }
      values_[name] = value;
    } else {
      throw Error("unknown option --" + name + " for '" + command_ + "' (see poisonlab-cli help " +
                  command_ + ")");
    }
  }
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) throw Error("'" + command_ + "' needs --" + name);
  return it->second;
}

namespace {
long long parseInteger(const std::string& name, const std::string& text) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE)
    throw Error("--" + name + ": expected an integer, got '" + text + "'");
  return v;
}
}  // namespace

long long Args::integer(const std::string& name, long long fallback, long long min,
                        long long max) const {
  if (!has(name)) return fallback;
  const long long v = parseInteger(name, value(name));
  if (v < min || v > max)
    throw Error("--" + name + ": " + std::to_string(v) + " is outside " + std::to_string(min) +
                ".." + std::to_string(max));
  return v;
}

std::uint64_t Args::seed(const std::string& name, std::uint64_t fallback) const {
  if (!has(name)) return fallback;
  const std::string t = value(name);
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(t.c_str(), &end, 10);
  // Digits only: strtoull skips leading blanks and takes " -1" as 2^64 - 1.
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos || *end != '\0' ||
      errno == ERANGE)
    throw Error("--" + name + ": expected a non-negative integer, got '" + t + "'");
  return v;
}

double Args::number(const std::string& name, double fallback, double min, double max) const {
  if (!has(name)) return fallback;
  const std::string t = value(name);
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (t.empty() || *end != '\0') throw Error("--" + name + ": expected a number, got '" + t + "'");
  if (!(v >= min && v <= max))
    throw Error("--" + name + ": " + t + " is outside " + std::to_string(min) + ".." +
                std::to_string(max));
  return v;
}

std::optional<std::vector<int>> Args::integerList(const std::string& name, std::size_t n) const {
  if (!has(name)) return std::nullopt;
  const std::string t = value(name);
  std::vector<int> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    const auto comma = t.find(',', start);
    const std::string part =
        t.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    long long v = 0;
    try {
      v = parseInteger(name, part);
    } catch (const Error&) {
      throw Error("--" + name + ": expected " + (n ? std::to_string(n) + " " : std::string()) +
                  "comma-separated integers, got '" + t + "'");
    }
    // Checked before narrowing: 4294967307 must not become 11.
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
      throw Error("--" + name + ": " + part + " is outside the range of an integer");
    out.push_back(static_cast<int>(v));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (n != 0 && out.size() != n)
    throw Error("--" + name + ": expected " + std::to_string(n) +
                " comma-separated integers, got '" + t + "'");
  return out;
}

}  // namespace poisonlab::cli
