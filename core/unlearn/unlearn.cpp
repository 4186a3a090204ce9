// Unlearning's dispatch: one request in, one new model version and its record out.
#include "core/unlearn/unlearn.h"

#include "core/run/run_lock.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/run/train_report.h"
#include "core/unlearn/unlearn_record.h"
#include "core/util/atomic_file.h"
#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "core/util/md5.h"
#include "core/util/npy.h"
#include "core/util/stopwatch.h"

namespace poisonlab {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr EnumName<UnlearnMethod> kMethods[] = {{UnlearnMethod::Ssd, "ssd"},
                                                {UnlearnMethod::Retrain, "retrain"},
                                                {UnlearnMethod::Finetune, "finetune"}};

/// What every method shares while it runs.
struct Context {
  const std::string& runDir;
  const PoisonedDataset& pd;
  const UnlearnRequest& r;
  const std::string original;  ///< the model unlearned from
  const fs::path outDir;       ///< RUN/unlearn/<name>/
  UnlearnResult& res;
  const ProgressFn& progress;
  const CancelToken* cancel;

  ProgressFn stage(double from, double to) const {
    const ProgressFn& p = progress;
    return [&p, from, to](double f, const std::string& t) { report(p, from + (to - from) * f, t); };
  }
};

Importances readImportanceCache(const std::string& path, const std::vector<std::size_t>& sizes) {
  const NpyMatrix m = readNpy(path);
  Importances out;
  std::size_t at = 0;
  for (std::size_t n : sizes) {
    if (at + n > m.values.size()) return {};
    out.emplace_back(m.values.begin() + static_cast<std::ptrdiff_t>(at),
                     m.values.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
  }
  return at == m.values.size() ? out : Importances{};
}

void writeImportanceCache(const std::string& path, const Importances& imp) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::vector<float> flat;
  for (const auto& v : imp) flat.insert(flat.end(), v.begin(), v.end());
  NpyWriter w(path, 1, flat.size());
  w.writeRows(0, flat.data(), 1);
  w.commit();
}

/// SSD: forget importances, the cached full-set ones, an optional selection, the dampening.
json runSsd(Context& c) {
  const UnlearnRequest& r = c.r;
  const FisherOptions forgetOptions = fisherOptionsFor(c.runDir, r, /*forgetSet=*/true);
  const FisherOptions fullOptions = fisherOptionsFor(c.runDir, r, /*forgetSet=*/false);
  const auto t0 = Clock::now();
  const Importances forget = fisherImportances(c.original, c.pd.train, r.forget.indices,
                                               forgetOptions, c.stage(0.05, 0.1), c.cancel);
  const double forgetSeconds = since(t0);
  const auto t1 = Clock::now();
  bool cached = false;
  const Importances full = cachedFullImportances(c.runDir, c.original, c.pd, fullOptions, &cached,
                                                 c.stage(0.1, 0.7), c.cancel);
  const double fullSeconds = since(t1);
  if (c.cancel) c.cancel->throwIfCancelled();
  c.res.chosen = r.ssd;
  if (r.select.enabled) {
    InferenceOptions io;
    io.precision = r.precision;
    io.threads = r.threads;
    io.device = r.device;
    c.res.selection = selectSsd(c.original, c.pd, r.forget, full, forget, r.ssd, r.select,
                                forgetOptions, io, c.outDir.string(), c.stage(0.7, 0.95), c.cancel);
    c.res.chosen = c.res.selection.chosen;
  }
  const DampeningStats st = dampen(c.original, c.res.modelPath, full, forget, c.res.chosen);
  c.res.figures = {{"forget_importance_seconds", forgetSeconds},
                   {"full_importance_seconds", fullSeconds},
                   {"full_importance_cached", cached ? 1.0 : 0.0},
                   {"parameters", double(st.parameters)},
                   {"dampened", double(st.selected)}};
  if (r.select.enabled) c.res.figures.emplace_back("selection_seconds", c.res.selection.seconds);
  json settings{{"alpha", c.res.chosen.alpha},
                {"lambda", c.res.chosen.lambda},
                {"batch", r.ssd.batch},
                {"importance_precision", toString(forgetOptions.precision)},
                {"forget_orientation", toString(forgetOptions.orientation)},
                {"full_orientation", toString(fullOptions.orientation)},
                {"importance_label_smoothing", fullOptions.labelSmoothing}};
  if (r.select.enabled) settings["selection"] = ssdSelectionJson(r.select, c.res.selection);
  return settings;
}

/// Retraining and fine-tuning: the run's recipe without the forget set; resumable.
json runTraining(Context& c, double& resumedSeconds) {
  const UnlearnRequest& r = c.r;
  TrainConfig tc = readTrainConfig(c.runDir);  // the original recipe
  tc.exclude = r.forget.indices;
  tc.precision = r.precision == Precision::Auto ? tc.precision : r.precision;
  tc.threads = r.threads;
  tc.device = r.device;
  json settings = json::object();
  if (r.method == UnlearnMethod::Finetune) {
    tc.initModel = c.original;
    tc.epochs = r.finetune.epochs;
    tc.lr = r.finetune.lr;
    settings = {{"epochs", tc.epochs}, {"lr", tc.lr}};
  }
  settings["recipe"] = json::parse(trainConfigJson(tc));
  TrainCallbacks cb;
  const ProgressFn p = c.stage(0.05, 0.95);
  cb.onBatch = [&](const BatchStats& s) {
    report(p, ((s.epoch - 1) + double(s.batch) / s.batches) / tc.epochs,
           "epoch " + std::to_string(s.epoch) + "/" + std::to_string(tc.epochs));
  };
  // A cancelled retrain or fine-tune continues from its last epoch (same settings only:
  // trainModel refuses a checkpoint made with others).
  const bool resume = fs::exists(checkpointPath(c.outDir.string()));
  const auto t0 = Clock::now();
  const TrainResult tr = trainModel(c.pd, tc, c.outDir.string(), cb, c.cancel, resume);
  resumedSeconds = tr.wallSeconds - since(t0);  // the training time of earlier sessions
  c.res.figures = {{"train_seconds", tr.wallSeconds},
                   {"train_images", double(tr.trainImages)},
                   {"resumed_from_epoch", double(tr.resumedFromEpoch)}};
  return settings;
}

}  // namespace

const char* toString(UnlearnMethod m) { return enumToString(kMethods, m); }
UnlearnMethod parseUnlearnMethod(const std::string& s, const std::string& field) {
  return parseEnum(kMethods, s, field, "an unlearning method");
}

std::string unlearnName(const UnlearnRequest& r) {
  std::string src;
  for (char c : r.forget.source) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    src.push_back(ok ? c : '-');
  }
  if (r.forget.source.find('/') != std::string::npos || r.forget.source.size() > 40)
    src = "file-" + fs::path(r.forget.source).stem().string();
  std::string name = std::string(toString(r.method)) + "-" + src;
  if (r.method == UnlearnMethod::Ssd) {
    const SsdSelection& s = r.select;
    if (!s.enabled)
      name += "-a" + formatNumber(r.ssd.alpha) + "-l" + formatNumber(r.ssd.lambda);
    else if (s.oracle)
      name += "-oracle-asr" + formatNumber(s.target) + "-acc" + formatNumber(s.accuracyBudget);
    else
      name += "-selected-fit" + formatNumber(s.target) + "-acc" + formatNumber(s.accuracyBudget);
  }
  if (r.method == UnlearnMethod::Finetune)
    name += "-e" + std::to_string(r.finetune.epochs) + "-lr" + formatNumber(r.finetune.lr);
  return name;
}

std::string unlearnDir(const std::string& runDir) {
  return (fs::path(runDir) / "unlearn").string();
}

FisherOptions fisherOptionsFor(const std::string& runDir, const UnlearnRequest& r, bool forgetSet) {
  FisherOptions o;
  o.batch = r.ssd.batch;
  // fp32 unless asked otherwise: in bf16 about 5 % of the dampened set differs (bench_precision)
  // and fp32 costs no more here (one backward pass per batch, no big activations).
  o.precision = r.precision == Precision::Auto ? Precision::Fp32 : r.precision;
  o.threads = r.threads;
  o.seed = r.select.seed;
  const bool trained = fs::exists(metricsPath(runDir));
  const TrainConfig tc = trained ? readTrainConfig(runDir) : TrainConfig{};
  const bool flips = trained && tc.augment != Augment::None;
  // The importances are the gradients of the loss the model was trained with.
  o.labelSmoothing = trained ? tc.labelSmoothing : 0.0;
  o.orientation = !flips      ? Orientation::AsIs
                  : forgetSet ? Orientation::Both
                              : Orientation::RandomFlip;
  return o;
}

Importances cachedFullImportances(const std::string& runDir, const std::string& model,
                                  const PoisonedDataset& pd, const FisherOptions& o, bool* cached,
                                  const ProgressFn& progress, const CancelToken* cancel) {
  // Full-set importances depend only on the model and how they are computed.
  const std::string key =
      md5OfFile(model) + "-b" + std::to_string(o.batch) + "-" + toString(o.precision) + "-" +
      toString(o.orientation) +
      (o.orientation == Orientation::RandomFlip ? "-s" + std::to_string(o.seed) : std::string()) +
      (o.labelSmoothing > 0 ? "-ls" + formatNumber(o.labelSmoothing) : std::string());
  const std::string path =
      (fs::path(unlearnDir(runDir)) / "cache" / ("fisher-" + key + ".npy")).string();
  std::vector<std::size_t> sizes;
  if (fs::exists(path)) {
    // The parameter sizes come from the model: a cache of another shape is recomputed.
    const Importances probe = fisherImportances(model, pd.train, {}, o);
    for (const auto& p : probe) sizes.push_back(p.size());
    Importances imp = readImportanceCache(path, sizes);
    if (!imp.empty()) {
      if (cached) *cached = true;
      return imp;
    }
  }
  if (cached) *cached = false;
  std::vector<std::int64_t> all(pd.train.count());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
  Importances imp = fisherImportances(model, pd.train, all, o, progress, cancel);
  writeImportanceCache(path, imp);
  return imp;
}

UnlearnResult unlearn(const std::string& runDir, const PoisonedDataset& pd, const UnlearnRequest& r,
                      const ProgressFn& progress, const CancelToken* cancel) {
  const auto start = Clock::now();
  UnlearnResult res;
  res.name = r.name.empty() ? unlearnName(r) : r.name;
  res.forgetSize = r.forget.indices.size();
  res.forgetPoisons = r.forget.poisons;
  if (res.name.empty() || res.name.find('/') != std::string::npos || res.name[0] == '.')
    throw Error("name: '" + res.name + "' cannot be a folder name");
  const std::string original = r.modelPath.empty() ? modelPath(runDir) : r.modelPath;
  if (!fs::exists(original)) throw Error(original + ": no such model file (train first)");
  // One job writes a result at a time (its retraining locks the result's own folder).
  const RunLock lock((fs::path(unlearnDir(runDir)) / (".poisonlab-" + res.name + ".lock")).string(),
                     (fs::path(unlearnDir(runDir)) / res.name).string());
  const fs::path base = fs::path(unlearnDir(runDir));
  Context c{runDir, pd, r, original, base / res.name, res, progress, cancel};
  res.modelPath = (c.outDir / "model.pt").string();
  res.jsonPath = (base / (res.name + ".json")).string();
  std::error_code ec;
  fs::create_directories(c.outDir, ec);
  if (ec) throw Error(c.outDir.string() + ": cannot create: " + ec.message());
  res.before = evaluateModelFile(original, pd, r.device, r.precision, r.threads, cancel);
  report(progress, 0.05, "evaluated the original model");
  double resumedSeconds = 0;
  const json settings = r.method == UnlearnMethod::Ssd ? runSsd(c) : runTraining(c, resumedSeconds);
  res.after = evaluateModelFile(res.modelPath, pd, r.device, r.precision, r.threads, cancel);
  res.seconds = since(start) + std::max(0.0, resumedSeconds);
  writeFileAtomic(res.jsonPath, unlearnRecordJson(r, res, settings, original, pd) + "\n");
  report(progress, 1.0, "done");
  return res;
}

}  // namespace poisonlab
