#include "core/run/prediction_cache.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/run/activation_cache.h"
#include "core/run/run_folder.h"
#include "core/util/atomic_file.h"
#include "core/util/json_util.h"
#include "core/util/md5.h"
#include "core/train/training.h"

namespace poisonlab {
namespace fs = std::filesystem;

namespace {
fs::path cachePath(const std::string& runDir, const std::string& md5, Precision precision) {
  return fs::path(runDir) / "cache" /
         ("probabilities-train-" + md5 + "-" + toString(precision) + ".npy");
}
}  // namespace

EvalReport headlineEvaluation(const std::string& runDir, const std::string& modelPath,
                              const PoisonedDataset& data, const InferenceOptions& o,
                              const CancelToken* cancel) {
  const std::string md5 = md5OfFile(modelPath);
  const std::string digest = experimentDigest(data);
  const fs::path cache =
      fs::path(runDir) / "cache" / ("headline-" + md5 + "-" + toString(o.precision) + ".json");
  std::error_code ec;
  if (!runDir.empty() && fs::exists(cache, ec)) {
    try {
      const nlohmann::json j = readJsonFile(cache.string());
      if (j.at("experiment").get<std::string>() == digest) {
        EvalReport r;
        r.cleanAcc = j.at("clean_acc").get<double>();
        r.asr = j.at("asr").get<double>();
        r.asrMirrored = j.at("asr_mirrored").get<double>();
        r.poisonFit = j.at("poison_fit").get<double>();
        return r;
      }
    } catch (const std::exception&) {
      // Damaged: evaluated again below.
    }
  }
  EvalReport r = evaluateModelHeadline(modelPath, data, o.device, o.precision, o.threads, cancel);
  if (!runDir.empty()) {
    fs::create_directories(cache.parent_path(), ec);
    const nlohmann::json j{{"experiment", digest},
                           {"clean_acc", r.cleanAcc},
                           {"asr", r.asr},
                           {"asr_mirrored", r.asrMirrored},
                           {"poison_fit", r.poisonFit}};
    try {
      writeFileAtomic(cache.string(), j.dump(2) + "\n");
    } catch (const Error&) {
      // Not kept.
    }
  }
  return r;
}

NpyMatrix softmaxRows(const NpyMatrix& logits) {
  NpyMatrix p = logits;
  for (std::size_t r = 0; r < p.rows; ++r) {
    float* row = p.values.data() + r * p.cols;
    const float top = *std::max_element(row, row + p.cols);
    double sum = 0;
    for (std::size_t c = 0; c < p.cols; ++c) sum += row[c] = std::exp(row[c] - top);
    for (std::size_t c = 0; c < p.cols; ++c) row[c] = static_cast<float>(row[c] / sum);
  }
  return p;
}

void storeTrainingProbabilities(const std::string& runDir, const std::string& modelMd5,
                                Precision precision, const NpyMatrix& probabilities) {
  const fs::path cache = cachePath(runDir, modelMd5, precision);
  std::error_code ec;
  fs::create_directories(cache.parent_path(), ec);
  if (ec || probabilities.rows == 0) return;
  try {
    NpyWriter w(cache.string(), probabilities.rows, probabilities.cols);
    w.writeRows(0, probabilities.values.data(), probabilities.rows);
    w.commit();
  } catch (const Error&) {
    // Not kept; the next request computes it again.
  }
}

std::vector<float> trainingProbabilities(const std::string& runDir, const std::string& modelPath,
                                         const PoisonedDataset& data,
                                         const InferenceOptions& options,
                                         const ProgressFn& progress, const CancelToken* cancel,
                                         bool* fromCache) {
  const std::size_t n = data.train.count();
  const std::size_t classes = data.classNames().size();
  const std::string md5 = md5OfFile(modelPath);
  const fs::path cache = cachePath(runDir, md5, options.precision);
  if (fromCache) *fromCache = false;
  if (fs::exists(cache)) {
    try {
      NpyMatrix m = readNpy(cache.string());
      if (m.rows == n && m.cols == classes) {
        if (fromCache) *fromCache = true;
        report(progress, 1.0, "read from the run's cache");
        return std::move(m.values);
      }
    } catch (const std::exception&) {
      // A damaged cache is recomputed and replaced below.
    }
  }
  // The logits through the activation cache: one pass that also keeps the detectors' layers.
  ActivationSource src;
  LayerActivations logits =
      trainingActivations(runDir, modelPath, data, "fc", {}, options, progress, cancel, &src);
  if (fromCache) *fromCache = src.fromCache;
  NpyMatrix m;
  m.rows = logits.count;
  m.cols = logits.dim;
  m.values = std::move(logits.values);
  NpyMatrix p = softmaxRows(m);
  if (p.rows == n && p.cols == classes)
    storeTrainingProbabilities(runDir, md5, options.precision, p);
  return std::move(p.values);
}

}  // namespace poisonlab
