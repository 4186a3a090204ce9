#include "core/run/train_report.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/json_util.h"
#include "core/run/run_folder.h"
#include "core/version.h"

using nlohmann::json;

namespace poisonlab {
namespace {

json configJson(const TrainConfig& c) {
  json j{{"model",
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
         {"excluded", c.exclude.size()},
         {"init_model", c.initModel},
         {"seeds", {{"init", c.seed}, {"order", c.orderSeed()}, {"augment", c.augmentSeed()}}}};
  // Only when set: the settings of runs (and checkpoints) from before it stay the same text.
  if (c.augmentUntil != 1.0) j["augment_until"] = c.augmentUntil;
  // Only when used: runs from before the option trained on whole images, and read as 0.
  if (c.smallCropsUntil > 0) {
    j["small_crops_until"] = c.smallCropsUntil;
    j["small_crop_side"] = c.smallCropSide;
  }
  // Runs from before the option decayed every parameter: they read as "true" without the field.
  if (!c.decayNorms) j["weight_decay_norms"] = false;
  if (c.schedule == Schedule::MultiStep) {
    j["milestones"] = c.milestones;
    j["gamma"] = c.gamma;
  }
  return j;
}

json reportJson(const EvalReport& r, const std::vector<std::string>& names) {
  json j{{"clean_acc", r.cleanAcc},
         {"asr", r.asr},
         {"asr_mirrored", r.asrMirrored},
         {"poison_fit", r.poisonFit},
         // FLIP's names (Jha et al. 2023): CTA, top-1 on the clean test images; PTA, the
         // triggered source-class test images predicted as the target: the project's ASR.
         {"cta", r.cleanAcc},
         {"pta", r.asr},
         {"per_class_acc", r.perClassAcc},
         {"confusion", r.confusion},
         {"class_names", names}};
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
                       {"asr_mirrored", e.asrMirrored},
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
  j["runtime"] = {{"precision", r.precisionUsed},
                  {"channels_last", r.channelsLast},
                  {"threads", r.threads},
                  {"device", r.device},
                  {"train_images", r.trainImages},
                  {"resumed_from_epoch", r.resumedFromEpoch},
                  {"epoch_eval_clean_images", r.epochEvalSample},
                  {"cpu", cpuDescription()}};
  j["wall_seconds"] = r.wallSeconds;
  j["history"] = history;
  j["poison"] = {{"source", data.spec.source},
                 {"target", data.spec.target},
                 {"count", data.poisonedIndices.size()},
                 {"trigger", data.trigger.describe()}};
  writeFileAtomic(metricsPath(runDir), j.dump(2) + "\n");
}

TrainConfig readTrainConfig(const std::string& runDir) {
  const std::string path = metricsPath(runDir);
  const json j = readJsonFile(path);
  try {
    const json& s = j.at("settings");
    TrainConfig c;
    c.model.arch = s.at("model").at("arch").get<std::string>();
    c.model.width = s.at("model").at("width").get<int>();
    c.model.numClasses = s.at("model").at("classes").get<int>();
    c.epochs = s.at("epochs").get<int>();
    c.batchSize = s.at("batch").get<int>();
    c.lr = s.at("lr").get<double>();
    c.momentum = s.at("momentum").get<double>();
    c.nesterov = s.at("nesterov").get<bool>();
    c.weightDecay = s.at("weight_decay").get<double>();
    c.schedule = parseSchedule(s.at("schedule").get<std::string>(), path + ": settings.schedule");
    c.warmup = s.at("warmup").get<double>();
    c.labelSmoothing = s.at("label_smoothing").get<double>();
    c.augmentUntil = s.value("augment_until", 1.0);
    c.smallCropsUntil = s.value("small_crops_until", 0.0);
    c.smallCropSide = s.value("small_crop_side", c.smallCropSide);
    c.decayNorms = s.value("weight_decay_norms", true);
    if (c.schedule == Schedule::MultiStep) {
      c.milestones = s.at("milestones").get<std::vector<int>>();
      c.gamma = s.at("gamma").get<double>();
    }
    c.augment = parseAugment(s.at("augment").get<std::string>(), path + ": settings.augment");
    c.precision =
        parsePrecision(s.at("precision").get<std::string>(), path + ": settings.precision");
    c.limitTrain = s.at("limit_train").get<std::size_t>();
    c.seed = s.at("seeds").at("init").get<std::uint64_t>();
    c.validate();
    return c;
  } catch (const json::exception& e) {
    throw Error(path + ": settings: " + e.what());
  }
}

TrainResult readTrainResult(const std::string& runDir) {
  const std::string path = metricsPath(runDir);
  const json j = readJsonFile(path);
  const char* field = "history";
  try {
    TrainResult r;
    for (const json& e : j.at("history")) {
      EpochStats s;
      s.epoch = e.at("epoch").get<int>();
      s.trainLoss = e.at("train_loss").get<double>();
      s.trainAcc = e.at("train_acc").get<double>();
      s.cleanAcc = e.at("clean_acc").get<double>();
      s.asr = e.at("asr").get<double>();
      s.asrMirrored = optionalNumber(e, "asr_mirrored");  // absent before 0.2
      s.poisonFit = e.at("poison_fit").get<double>();
      s.lr = e.at("lr").get<double>();
      s.imagesPerSecond = e.at("images_per_second").get<double>();
      s.seconds = e.at("seconds").get<double>();
      s.elapsed = e.at("elapsed").get<double>();
      r.history.push_back(s);
    }
    field = "final evaluation";
    EvalReport& f = r.final;
    f.cleanAcc = j.at("clean_acc").get<double>();
    f.asr = j.at("asr").get<double>();
    f.asrMirrored = optionalNumber(j, "asr_mirrored");
    f.poisonFit = j.at("poison_fit").get<double>();
    f.perClassAcc = j.at("per_class_acc").get<std::vector<double>>();
    f.confusion = j.at("confusion").get<std::vector<std::vector<int>>>();
    if (j.contains("triggered")) {
      const json& t = j.at("triggered");
      f.perClassAccTriggered = t.at("per_class_acc").get<std::vector<double>>();
      f.confusionTriggered = t.at("confusion").get<std::vector<std::vector<int>>>();
      f.targetRateTriggered = t.at("target_rate").get<std::vector<double>>();
    }
    // Shapes, before anything indexes them: one accuracy per class, square confusions.
    const std::size_t classes = f.perClassAcc.size();
    auto square = [&](const std::vector<std::vector<int>>& m, const char* name) {
      if (m.size() != classes)
        throw Error(path + ": final evaluation: " + name + " has " + std::to_string(m.size()) +
                    " rows for " + std::to_string(classes) + " classes");
      for (std::size_t row = 0; row < m.size(); ++row)
        if (m[row].size() != classes)
          throw Error(path + ": final evaluation: " + name + " row " + std::to_string(row) +
                      " has " + std::to_string(m[row].size()) + " cells for " +
                      std::to_string(classes) + " classes");
    };
    square(f.confusion, "confusion");
    if (!f.confusionTriggered.empty()) square(f.confusionTriggered, "triggered confusion");
    field = "runtime";
    r.wallSeconds = j.at("wall_seconds").get<double>();
    const json& rt = j.at("runtime");
    r.precisionUsed = rt.at("precision").get<std::string>();
    r.channelsLast = rt.at("channels_last").get<bool>();
    r.threads = rt.at("threads").get<int>();
    r.device = rt.at("device").get<std::string>();
    r.trainImages = rt.at("train_images").get<std::size_t>();
    r.resumedFromEpoch = rt.at("resumed_from_epoch").get<int>();
    r.epochEvalSample = rt.value("epoch_eval_clean_images", std::size_t{0});  // since 0.14
    return r;
  } catch (const json::exception& e) {
    throw Error(path + ": " + field + ": " + e.what());
  }
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
