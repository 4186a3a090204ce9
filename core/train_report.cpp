#include "core/train_report.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "core/atomic_file.h"
#include "core/run_folder.h"
#include "core/version.h"

using nlohmann::json;

namespace poisonlab {
namespace {

json configJson(const TrainConfig& c) {
  return json{
      {"model",
       {{"arch", c.model.arch}, {"width", c.model.width}, {"classes", c.model.numClasses}}},
      {"epochs", c.epochs},
      {"batch", c.batchSize},
      {"lr", c.lr},
      {"momentum", c.momentum},
      {"nesterov", c.nesterov},
      {"weight_decay", c.weightDecay},
      {"schedule", toString(c.schedule)},
      {"warmup", c.warmup},
      {"label_smoothing", c.labelSmoothing},
      {"augment", toString(c.augment)},
      {"precision", toString(c.precision)},
      {"limit_train", c.limitTrain},
      {"seeds", {{"init", c.seed}, {"order", c.orderSeed()}, {"augment", c.augmentSeed()}}}};
}

json reportJson(const EvalReport& r, const std::vector<std::string>& names) {
  json j{{"clean_acc", r.cleanAcc},   {"asr", r.asr},
         {"poison_fit", r.poisonFit}, {"per_class_acc", r.perClassAcc},
         {"confusion", r.confusion},  {"class_names", names}};
  if (!r.confusionTriggered.empty()) {
    j["triggered"] = {{"per_class_acc", r.perClassAccTriggered},
                      {"confusion", r.confusionTriggered},
                      {"target_rate", r.targetRateTriggered}};
  }
  return j;
}

}  // namespace

std::string trainConfigJson(const TrainConfig& config) { return configJson(config).dump(); }

std::string evalReportJson(const EvalReport& report, const std::vector<std::string>& classNames) {
  return reportJson(report, classNames).dump();
}

void writeMetrics(const std::string& runDir, const TrainConfig& config, const TrainResult& r,
                  const PoisonedDataset& data) {
  json history = json::array();
  for (const auto& e : r.history)
    history.push_back({{"epoch", e.epoch},
                       {"train_loss", e.trainLoss},
                       {"train_acc", e.trainAcc},
                       {"clean_acc", e.cleanAcc},
                       {"asr", e.asr},
                       {"poison_fit", e.poisonFit},
                       {"lr", e.lr},
                       {"images_per_second", e.imagesPerSecond},
                       {"seconds", e.seconds},
                       {"elapsed", e.elapsed}});
  json j = reportJson(r.final, data.classNames());
  j["schema_version"] = 1;
  j["poisonlab_version"] = kPoisonLabVersion;
  j["written"] = utcTimestamp();
  j["settings"] = configJson(config);
  j["runtime"] = {{"precision", r.precisionUsed},  {"channels_last", r.channelsLast},
                  {"threads", r.threads},          {"device", r.device},
                  {"train_images", r.trainImages}, {"resumed_from_epoch", r.resumedFromEpoch}};
  j["wall_seconds"] = r.wallSeconds;
  j["history"] = history;
  j["poison"] = {{"source", data.spec.source},
                 {"target", data.spec.target},
                 {"count", data.poisonedIndices.size()},
                 {"trigger", data.trigger.describe()}};
  writeFileAtomic(metricsPath(runDir), j.dump(2) + "\n");
}

std::string checkpointPath(const std::string& runDir) {
  return (std::filesystem::path(runDir) / "checkpoint.pt").string();
}
std::string modelPath(const std::string& runDir) {
  return (std::filesystem::path(runDir) / "model.pt").string();
}
std::string metricsPath(const std::string& runDir) {
  return (std::filesystem::path(runDir) / "metrics.json").string();
}

}  // namespace poisonlab
