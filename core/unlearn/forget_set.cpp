#include "core/unlearn/forget_set.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/detect/detect.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab {
namespace {

namespace fs = std::filesystem;

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string c; std::getline(in, c, ',');) out.push_back(trimmed(c));
  return out;
}

bool isInteger(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::int64_t> readIndexCsv(const std::string& path, std::size_t limit,
                                       bool flaggedOnly) {
  std::istringstream in(readTextFile(path, kCsvFileLimit));
  std::vector<std::int64_t> out;
  std::string line;
  std::size_t lineNo = 0, indexCol = 0, flagCol = std::string::npos;
  bool first = true;
  while (std::getline(in, line)) {
    ++lineNo;
    if (trimmed(line).empty()) continue;
    const auto c = cells(line);
    if (first) {
      first = false;
      if (!isInteger(c[0])) {  // a header
        const auto it = std::find(c.begin(), c.end(), "index");
        if (it == c.end()) throw Error(path + ": line 1: no column named 'index'");
        indexCol = static_cast<std::size_t>(it - c.begin());
        const auto f = std::find(c.begin(), c.end(), "flagged");
        if (flaggedOnly && f == c.end()) throw Error(path + ": line 1: no column named 'flagged'");
        if (f != c.end()) flagCol = static_cast<std::size_t>(f - c.begin());
        continue;
      }
    }
    if (indexCol >= c.size() || !isInteger(c[indexCol]))
      throw Error(path + ": line " + std::to_string(lineNo) + ": '" + line +
                  "' has no training index");
    // Digits only (isInteger), so the one failure left is a number past 64 bits: found by
    // fuzz_index_csv, when std::stoll's out_of_range escaped without naming the file.
    errno = 0;
    const unsigned long long i = std::strtoull(c[indexCol].c_str(), nullptr, 10);
    if (errno == ERANGE || i >= limit)
      throw Error(path + ": line " + std::to_string(lineNo) + ": index " + c[indexCol] +
                  " is outside 0.." + std::to_string(limit - 1));
    if (flaggedOnly && (flagCol >= c.size() || c[flagCol] != "1")) continue;
    out.push_back(static_cast<std::int64_t>(i));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ForgetSet resolveForgetSet(const std::string& spec, const std::string& runDir,
                           const PoisonedDataset& pd, std::uint64_t seed) {
  ForgetSet f;
  f.source = spec;
  const std::string gt = "ground-truth";
  if (spec == gt || spec.rfind(gt + ":", 0) == 0) {
    std::vector<std::int64_t> all(pd.poisonedIndices.begin(), pd.poisonedIndices.end());
    double fraction = 1;
    if (spec.size() > gt.size()) {
      const std::string num = spec.substr(gt.size() + 1);
      char* end = nullptr;
      fraction = std::strtod(num.c_str(), &end);
      if (num.empty() || *end != '\0' || !(fraction > 0) || fraction > 1)
        throw Error("forget: '" + num + "' is not a fraction in (0, 1]");
    }
    const auto k = static_cast<std::size_t>(std::llround(fraction * double(all.size())));
    Rng rng(seed ^ 0xF0A6E7ULL);
    f.indices = fraction >= 1 ? all : sampleWithoutReplacement(all, k, rng);
    if (seed != 0 && fraction < 1) f.source += "#seed" + std::to_string(seed);
  } else if (spec.rfind("detector:", 0) == 0) {
    const std::string name = spec.substr(9);
    const std::string path = (fs::path(detectDir(runDir)) / (name + ".csv")).string();
    if (!fs::exists(path))
      throw Error("forget: " + path + " does not exist (run: poisonlab-cli detect --run " + runDir +
                  " --method " + name + ")");
    f.indices = readIndexCsv(path, pd.train.count(), /*flaggedOnly=*/true);
  } else {
    if (!fs::exists(spec))
      throw Error("forget: '" + spec +
                  "' is neither ground-truth[:FRACTION], detector:NAME nor an existing CSV file");
    f.indices = readIndexCsv(spec, pd.train.count(), /*flaggedOnly=*/false);
  }
  std::sort(f.indices.begin(), f.indices.end());
  for (auto i : f.indices) f.poisons += pd.poisonedMask[static_cast<std::size_t>(i)];
  return f;
}

}  // namespace poisonlab
