#pragma once
/// @file detector_parts.h
/// What the detectors share inside core/detect/ (not a public header): per-sample results
/// gathered class by class, activations streamed class by class, and each detector's runner.

#include <map>
#include <memory>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "core/detect/detect.h"
#include "core/run/activation_cache.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/npy.h"
#include "core/util/stopwatch.h"

namespace poisonlab::detail {

/// Training indices whose (poisoned) training label is `cls`, ascending.
std::vector<std::int64_t> indicesWithLabel(const Split& split, int cls);

/// index,label,original_label,poisoned for every training image (the features' sidecar).
std::string sidecarCsv(const PoisonedDataset& pd);

/// The q-quantile (0..1) of v, nearest rank.
double percentileOf(std::vector<double> v, double q);

/// Per-sample results gathered class by class, then laid out by ascending index.
struct Collector {
  explicit Collector(std::size_t n) : score(n, 0), flag(n, 0), scored(n, 0) {}
  std::vector<double> score;
  std::vector<std::uint8_t> flag, scored;
  /// A deque: a reference from column() stays valid when another column is added (with a
  /// vector it did not, and a class's first column was written to freed memory; found by
  /// AddressSanitizer).
  std::deque<std::pair<std::string, std::vector<double>>> columns;
  std::vector<double>& column(const std::string& name) {
    for (auto& c : columns)
      if (c.first == name) return c.second;
    columns.emplace_back(name, std::vector<double>(score.size(), 0.0));
    return columns.back().second;
  }
};

/// Activations of `layer` class by class (training labels); `fn(cls, indices, rows, dim)` for
/// each class in `classes`. With an export path, every class is computed and written.
/// From the run's activation cache (activation_cache.h) when `runDir` is set.
template <typename Fn>
void forEachClass(const std::string& runDir, const std::string& model, const PoisonedDataset& pd,
                  const std::string& layer, const std::vector<int>& classes,
                  const InferenceOptions& inference, const std::string& exportPath,
                  const ProgressFn& progress, const CancelToken* cancel, double& featureSeconds,
                  Fn fn) {
  const int numClasses = pd.clean->numClasses();
  std::vector<bool> wanted(static_cast<std::size_t>(numClasses), classes.empty());
  for (int c : classes) {
    if (c < 0 || c >= numClasses)
      throw Error("classes: " + std::to_string(c) + " is outside 0.." +
                  std::to_string(numClasses - 1));
    wanted[static_cast<std::size_t>(c)] = true;
  }
  std::unique_ptr<NpyWriter> npy;
  for (int c = 0; c < numClasses; ++c) {
    if (!wanted[static_cast<std::size_t>(c)] && exportPath.empty()) continue;
    const auto idx = indicesWithLabel(pd.train, c);
    if (idx.empty()) continue;
    std::vector<float> rows;
    std::size_t dim = 0;
    const auto t0 = Clock::now();
    forEachTrainingActivationBatch(
        runDir, model, pd, layer, idx, inference,
        [&](const float* batch, std::size_t first, std::size_t n, std::size_t d) {
          if (dim == 0) {
            dim = d;
            rows.resize(idx.size() * d);
            if (!exportPath.empty() && !npy)
              npy = std::make_unique<NpyWriter>(exportPath, pd.train.count(), d);
          }
          std::copy(batch, batch + n * d, rows.begin() + static_cast<std::ptrdiff_t>(first * d));
          if (npy)
            for (std::size_t k = 0; k < n; ++k)
              npy->writeRow(static_cast<std::size_t>(idx[first + k]), batch + k * d);
        },
        [&](double f, const std::string&) {
          report(progress, 0.9 * (c + f) / numClasses,
                 "class " + std::to_string(c) + ": activations of " + layer);
        },
        cancel);
    featureSeconds += since(t0);
    if (cancel) cancel->throwIfCancelled();
    if (wanted[static_cast<std::size_t>(c)]) fn(c, idx, rows, dim);
  }
  if (npy) {
    npy->commit();
    writeFileAtomic(featureSidecarPath(exportPath), sidecarCsv(pd));
  }
}

/// Method-specific figures per class.
using ClassFigures = std::map<int, std::vector<Figure>>;

void runSpectral(const std::string& runDir, const std::string& model, const PoisonedDataset& pd,
                 const DetectRequest& r, DetectionReport& rep, Collector& col, ClassFigures& figs,
                 const ProgressFn& progress, const CancelToken* cancel);
void runActivationClustering(const std::string& model, const PoisonedDataset& pd,
                             const DetectRequest& r, const std::string& runDir,
                             DetectionReport& rep, Collector& col, ClassFigures& figs,
                             const ProgressFn& progress, const CancelToken* cancel);
void runConfidentLearning(const std::string& runDir, const std::string& model,
                          const PoisonedDataset& pd, const DetectRequest& r, DetectionReport& rep,
                          Collector& col, ClassFigures& figs, const ProgressFn& progress,
                          const CancelToken* cancel);
void runInfluence(const std::string& runDir, const std::string& model, const PoisonedDataset& pd,
                  const DetectRequest& r, DetectionReport& rep, Collector& col,
                  const ProgressFn& progress, const CancelToken* cancel);

}  // namespace poisonlab::detail
