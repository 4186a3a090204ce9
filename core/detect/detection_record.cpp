// RUN/detect/<name>.csv and .json: the record of a detector's run, built in one place.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "core/util/json_util.h"
#include "core/version.h"

namespace poisonlab {

using nlohmann::json;

namespace {

json metricsJson(const DetectionMetrics& m) {
  return json{{"samples", m.samples},
              {"poisons", m.poisons},
              {"flagged", m.flagged},
              {"true_positives", m.truePositives},
              {"precision", m.precision},
              {"recall", m.recall},
              {"f1", m.f1},
              {"auroc", m.auroc},
              {"average_precision", m.averagePrecision},
              {"k", m.k},
              {"recall_at_k", m.recallAtK}};
}

json figuresJson(const std::vector<Figure>& f) {
  json j = json::object();
  for (const auto& [k, v] : f) j[k] = std::isfinite(v) ? json(v) : json(nullptr);
  return j;
}

DetectionMetrics metricsFrom(const json& j) {
  DetectionMetrics m;
  m.samples = j.value("samples", std::size_t{0});
  m.poisons = j.value("poisons", std::size_t{0});
  m.flagged = j.value("flagged", std::size_t{0});
  m.truePositives = j.value("true_positives", std::size_t{0});
  m.precision = j.value("precision", 0.0);
  m.recall = j.value("recall", 0.0);
  m.f1 = j.value("f1", 0.0);
  m.auroc = j.value("auroc", 0.5);
  m.averagePrecision = j.value("average_precision", 0.0);
  m.k = j.value("k", std::size_t{0});
  m.recallAtK = j.value("recall_at_k", 0.0);
  return m;
}

std::vector<Figure> figuresFrom(const json& j) {
  std::vector<Figure> out;
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items())
    out.emplace_back(k, v.is_number() ? v.get<double>() : std::nan(""));
  return out;
}

/// Splits one CSV line at commas (the detector CSVs hold numbers only).
std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

double parseCell(const std::string& cell, const std::string& path, std::size_t line,
                 const std::string& column) {
  try {
    std::size_t used = 0;
    const double v = std::stod(cell, &used);
    if (used == cell.size() || cell.find_first_not_of(" \r", used) == std::string::npos) return v;
  } catch (const std::exception&) {
  }
  throw Error(path + ":" + std::to_string(line) + ": column " + column + ": '" + cell +
              "' is not a number");
}

}  // namespace

std::vector<std::string> listDetections(const std::string& runDir) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  const fs::path dir = detectDir(runDir);
  if (!fs::is_directory(dir, ec)) return names;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    fs::path csv = e.path();
    csv.replace_extension(".csv");
    if (fs::exists(csv, ec)) names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

DetectionReport readDetection(const std::string& runDir, const std::string& name,
                              const PoisonedDataset* data) {
  namespace fs = std::filesystem;
  const std::string base = (fs::path(detectDir(runDir)) / name).string();
  const std::string jsonPath = base + ".json", csvPath = base + ".csv";
  const json j = readJsonFile(jsonPath);
  DetectionReport r;
  try {
    r.name = j.value("name", name);
    r.method = j.at("method").get<std::string>();
    r.layer = j.value("layer", std::string());
    r.modelPath = j.value("model_file", std::string());
    r.settingsJson = j.contains("settings") ? j.at("settings").dump() : "{}";
    r.seconds = j.value("seconds", 0.0);
    r.featureSeconds = j.value("feature_seconds", 0.0);
    r.figures = figuresFrom(j.value("figures", json::object()));
    r.overall = metricsFrom(j);
    for (const auto& cj : j.value("per_class", json::array())) {
      ClassSummary c;
      c.cls = cj.at("class").get<int>();
      c.metrics = metricsFrom(cj);
      c.figures = figuresFrom(cj.value("figures", json::object()));
      r.classes.push_back(std::move(c));
    }
    if (j.contains("model_evaluation")) {
      const json& m = j.at("model_evaluation");
      r.model.cleanAcc = m.value("clean_acc", 0.0);
      r.model.asr = m.value("asr", 0.0);
      r.model.asrMirrored = optionalNumber(m, "asr_mirrored");
      r.model.poisonFit = m.value("poison_fit", 0.0);
      r.attackTook = m.value("attack_took", true);
    }
  } catch (const json::exception& e) {
    throw Error(jsonPath + ": not a detection record: " + e.what());
  }
  std::istringstream in(readTextFile(csvPath, kCsvFileLimit));
  std::string line;
  if (!std::getline(in, line)) throw Error(csvPath + ": empty file");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto header = splitCsv(line);
  const std::vector<std::string> fixed{"index", "label", "score", "flagged", "poisoned"};
  if (header.size() < fixed.size() || !std::equal(fixed.begin(), fixed.end(), header.begin()))
    throw Error(csvPath + ":1: expected the columns index,label,score,flagged,poisoned");
  for (std::size_t c = fixed.size(); c < header.size(); ++c)
    r.columns.emplace_back(header[c], std::vector<double>{});
  for (std::size_t lineNo = 2; std::getline(in, line); ++lineNo) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto cells = splitCsv(line);
    if (cells.size() != header.size())
      throw Error(csvPath + ":" + std::to_string(lineNo) + ": " + std::to_string(cells.size()) +
                  " cells where the header has " + std::to_string(header.size()));
    // Whole numbers in range before they are cast (found by fuzz_run_files: unsorted indices
    // were accepted, and NaN or 1e300 would be cast to an integer).
    const double index = parseCell(cells[0], csvPath, lineNo, "index");
    const double label = parseCell(cells[1], csvPath, lineNo, "label");
    const double indexLimit = data ? double(data->train.count()) : 4294967296.0;
    const double labelLimit = data ? double(data->classNames().size()) : 256.0;
    const std::string at = csvPath + ":" + std::to_string(lineNo) + ": ";
    if (!(index >= 0 && index < indexLimit) || index != std::floor(index))
      throw Error(at + "index " + cells[0] + " is not a training sample (0.." +
                  formatPrecise(indexLimit - 1) + ")");
    if (!r.indices.empty() && index <= double(r.indices.back()))
      throw Error(at + "index " + cells[0] + " is not above the row before's (" +
                  std::to_string(r.indices.back()) + "); rows are in ascending index order");
    if (!(label >= 0 && label < labelLimit) || label != std::floor(label))
      throw Error(at + "label " + cells[1] + " is not a class (0.." +
                  formatPrecise(labelLimit - 1) + ")");
    r.indices.push_back(static_cast<std::int64_t>(index));
    r.labels.push_back(static_cast<int>(label));
    r.scores.push_back(parseCell(cells[2], csvPath, lineNo, "score"));
    r.flagged.push_back(parseCell(cells[3], csvPath, lineNo, "flagged") != 0);
    r.poisoned.push_back(parseCell(cells[4], csvPath, lineNo, "poisoned") != 0);
    for (std::size_t c = fixed.size(); c < header.size(); ++c)
      r.columns[c - fixed.size()].second.push_back(parseCell(cells[c], csvPath, lineNo, header[c]));
  }
  return r;
}

std::string writeDetection(const std::string& runDir, const PoisonedDataset& pd,
                           const DetectionReport& rep) {
  const std::string dir = detectDir(runDir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(dir + ": cannot create: " + ec.message());
  std::ostringstream csv;
  csv << "index,label,score,flagged,poisoned";
  for (const auto& c : rep.columns) csv << ',' << c.first;
  csv << '\n';
  for (std::size_t k = 0; k < rep.indices.size(); ++k) {
    csv << rep.indices[k] << ',' << rep.labels[k] << ',' << formatPrecise(rep.scores[k]) << ','
        << int(rep.flagged[k]) << ',' << int(rep.poisoned[k]);
    for (const auto& c : rep.columns) csv << ',' << formatPrecise(c.second[k]);
    csv << '\n';
  }
  json j = metricsJson(rep.overall);
  j["method"] = rep.method;
  j["name"] = rep.name;
  j["layer"] = rep.layer;
  j["model_file"] = rep.modelPath;
  j["run"] = runDir;
  j["created"] = utcTimestamp();
  j["version"] = kPoisonLabVersion;
  j["settings"] = json::parse(rep.settingsJson.empty() ? "{}" : rep.settingsJson);
  j["seconds"] = rep.seconds;
  j["feature_seconds"] = rep.featureSeconds;
  j["figures"] = figuresJson(rep.figures);
  j["source"] = pd.spec.source;
  j["target"] = pd.spec.target;
  json classes = json::array();
  for (const auto& c : rep.classes) {
    json cj = metricsJson(c.metrics);
    cj["class"] = c.cls;
    cj["name"] = pd.classNames().at(static_cast<std::size_t>(c.cls));
    cj["figures"] = figuresJson(c.figures);
    classes.push_back(cj);
  }
  j["per_class"] = classes;
  j["model_evaluation"] = {{"clean_acc", rep.model.cleanAcc},
                           {"asr", rep.model.asr},
                           {"asr_mirrored", rep.model.asrMirrored},
                           {"poison_fit", rep.model.poisonFit},
                           {"attack_took", rep.attackTook}};
  const std::string base = (std::filesystem::path(dir) / rep.name).string();
  writeFileAtomic(base + ".csv", csv.str());
  const std::string text = j.dump(2) + "\n";
  writeFileAtomic(base + ".json", text);
  return text;
}

}  // namespace poisonlab
