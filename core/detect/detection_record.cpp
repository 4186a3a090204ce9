// RUN/detect/<name>.csv and .json: the record of a detector's run, built in one place.
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/format.h"
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

}  // namespace

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
