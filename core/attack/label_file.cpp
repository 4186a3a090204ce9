#include "core/attack/label_file.h"

#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/md5.h"
#include "core/util/npy.h"
#include "core/util/rng.h"

namespace fs = std::filesystem;

namespace poisonlab {
namespace {

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

LabelRows readNpyLabels(const std::string& path, std::size_t rows, int classes) {
  // The shape from the header first: a file for another data set is not read whole.
  NpyReader reader(path);
  NpyMatrix m;
  m.rows = reader.rows();
  m.cols = reader.cols();
  if (m.cols != static_cast<std::size_t>(classes) || m.rows != rows) {
    std::ostringstream s;
    s << path << ": shape (" << m.rows << ", " << m.cols << "), expected (" << rows << ", "
      << classes << "): one row of " << classes << " logits or probabilities per training image";
    if (m.cols == static_cast<std::size_t>(classes) && m.rows != rows)
      s << " (a file for a data set of " << m.rows << " training images?)";
    throw Error(s.str());
  }
  m.values.resize(m.rows * m.cols);
  reader.readRows(0, m.rows, m.values.data());
  LabelRows out;
  out.path = path;
  out.format = "npy";
  out.labels.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const float* v = m.values.data() + r * m.cols;
    int best = 0;
    bool allEqual = true;
    for (int c = 0; c < classes; ++c) {
      if (!std::isfinite(v[c]))
        throw Error(path + ": row " + std::to_string(r) + ", column " + std::to_string(c) + ": " +
                    (std::isnan(v[c]) ? "NaN" : "infinity") + " is not a logit");
      if (v[c] > v[best]) best = c;
      allEqual = allEqual && v[c] == v[0];
    }
    if (allEqual)
      throw Error(path + ": row " + std::to_string(r) +
                  ": all values are equal, so the row names no label");
    out.labels[r] = best;
  }
  return out;
}

LabelRows readCsvLabels(const std::string& path, std::size_t rows, int classes) {
  std::istringstream in(readTextFile(path, kCsvFileLimit));
  LabelRows out;
  out.path = path;
  out.format = "csv";
  out.labels.assign(rows, -1);
  std::string line;
  int lineNo = 0;
  std::size_t listed = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (lineNo == 1 && line == "index,label") continue;
    std::istringstream ls(line);
    long long idx = -1, label = -1;
    char comma = 0;
    const std::string where = path + ": line " + std::to_string(lineNo);
    if (!(ls >> idx >> comma >> label) || comma != ',' || !(ls >> std::ws).eof())
      throw Error(where + ": expected index,label, got '" + line.substr(0, 80) + "'");
    if (idx < 0 || static_cast<unsigned long long>(idx) >= rows)
      throw Error(where + ": index " + std::to_string(idx) + " is outside 0.." +
                  std::to_string(rows - 1) + " (the training set's rows)");
    if (label < 0 || label >= classes)
      throw Error(where + ": label " + std::to_string(label) + " is outside 0.." +
                  std::to_string(classes - 1));
    if (out.labels[static_cast<std::size_t>(idx)] != -1)
      throw Error(where + ": index " + std::to_string(idx) + " is listed twice");
    out.labels[static_cast<std::size_t>(idx)] = static_cast<int>(label);
    ++listed;
  }
  if (listed == 0) throw Error(path + ": no index,label rows");
  return out;
}

}  // namespace

LabelRows readLabelFile(const std::string& path, std::size_t rows, int classes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(path + ": no such label file");
  if (endsWith(path, ".npy")) return readNpyLabels(path, rows, classes);
  if (endsWith(path, ".csv")) return readCsvLabels(path, rows, classes);
  throw Error(path + ": a label file is a .npy of (N, " + std::to_string(classes) +
              ") logits or a .csv of index,label rows");
}

std::vector<std::size_t> officialToLoadOrder(const Dataset& ds, const LabelOrder& order) {
  const std::size_t n = ds.train.count();
  const int classes = ds.numClasses();
  std::vector<std::size_t> map(n);
  if (order.file.empty()) {
    if (order.shuffleWithinClass)
      throw Error("label order: a within-class shuffle needs a class sequence (--label-order)");
    for (std::size_t i = 0; i < n; ++i) map[i] = i;
    return map;
  }
  const LabelRows seq = readLabelFile(order.file, n, classes);
  for (std::size_t o = 0; o < n; ++o)
    if (seq.labels[o] < 0)
      throw Error(order.file + ": row " + std::to_string(o) +
                  " has no label; a class sequence names every row");
  // Positions of each class in this data set's order and in the official one.
  std::vector<std::vector<std::size_t>> here(static_cast<std::size_t>(classes)),
      there(static_cast<std::size_t>(classes));
  for (std::size_t i = 0; i < n; ++i) here[ds.train.labels[i]].push_back(i);
  for (std::size_t o = 0; o < n; ++o) there[static_cast<std::size_t>(seq.labels[o])].push_back(o);
  for (int c = 0; c < classes; ++c)
    if (here[c].size() != there[c].size())
      throw Error(order.file + ": class " + std::to_string(c) + " (" + ds.classNames[c] + ") has " +
                  std::to_string(there[c].size()) + " rows, the data set " +
                  std::to_string(here[c].size()) +
                  " training images: this order does not belong to this data set");
  if (order.shuffleWithinClass) {
    Rng rng(*order.shuffleWithinClass);
    for (auto& h : here) h = sampleWithoutReplacement(h, h.size(), rng);
  }
  for (int c = 0; c < classes; ++c)
    for (std::size_t k = 0; k < there[c].size(); ++k) map[there[c][k]] = here[c][k];
  return map;
}

ImportedLabels importLabels(const Dataset& ds, const std::string& file, const LabelOrder& order) {
  const std::size_t n = ds.train.count();
  const LabelRows rows = readLabelFile(file, n, ds.numClasses());
  const std::vector<std::size_t> map = officialToLoadOrder(ds, order);
  ImportedLabels out;
  out.labels = ds.train.labels;
  for (std::size_t o = 0; o < n; ++o)
    if (rows.labels[o] >= 0) out.labels[map[o]] = static_cast<std::uint8_t>(rows.labels[o]);
  for (std::size_t i = 0; i < n; ++i) out.flipped += out.labels[i] != ds.train.labels[i];
  out.orderHow = order.file.empty() ? "load order" : "class sequence of " + order.file;
  if (order.shuffleWithinClass)
    out.orderHow +=
        ", shuffled within each class (seed " + std::to_string(*order.shuffleWithinClass) + ")";
  if (out.flipped == 0)
    throw Error(file + ": no training label differs from the data set's; nothing is poisoned");
  return out;
}

LabelPoison labelPoisonFromFile(const Dataset& ds, const std::string& file, LabelOrder order) {
  if (order.file.empty() && ds.format != DataFormat::CifarBinary) {
    // Image folders are numbered per class: the rows need the official class sequence.
    order.file = findFlipTrueLabels(file);
    if (order.file.empty())
      throw Error(ds.source +
                      " is an image folder, numbered per class; give the class sequence of the "
                      "label file's rows (FLIP's true.npy, or any file of one label per training "
                      "image in the official order)",
                  "label-order");
  }
  const ImportedLabels imported = importLabels(ds, file, order);
  LabelPoison out;
  out.labels = imported.labels;
  out.flipped = imported.flipped;
  out.from.file = fs::absolute(file).lexically_normal().string();
  out.from.md5 = md5OfFile(file);
  out.from.format = fs::path(file).extension() == ".csv" ? "csv" : "npy";
  out.from.orderFile =
      order.file.empty() ? std::string() : fs::absolute(order.file).lexically_normal().string();
  out.from.orderHow = imported.orderHow;
  out.from.shuffleSeed = order.shuffleWithinClass;
  out.flips = flipCounts(ds.train.labels, out.labels);
  return out;
}

std::string findFlipTrueLabels(const std::string& labelFile) {
  fs::path dir = fs::absolute(labelFile).parent_path();
  for (int up = 0; up < 3 && !dir.empty(); ++up, dir = dir.parent_path()) {
    const fs::path candidate = dir / "true.npy";
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && fs::absolute(labelFile) != candidate)
      return candidate.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

}  // namespace poisonlab
