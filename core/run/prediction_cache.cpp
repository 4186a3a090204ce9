#include "core/run/prediction_cache.h"

#include <filesystem>

#include "core/util/md5.h"
#include "core/util/npy.h"
#include "core/train/training.h"

namespace poisonlab {

std::vector<float> trainingProbabilities(const std::string& runDir, const std::string& modelPath,
                                         const PoisonedDataset& data,
                                         const InferenceOptions& options,
                                         const ProgressFn& progress, const CancelToken* cancel,
                                         bool* fromCache) {
  namespace fs = std::filesystem;
  const std::size_t n = data.train.count();
  const std::size_t classes = data.classNames().size();
  const fs::path cache =
      fs::path(runDir) / "cache" /
      ("probabilities-train-" + md5OfFile(modelPath) + "-" + toString(options.precision) + ".npy");
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
  std::vector<float> p = classProbabilities(modelPath, data.train, {}, options, progress, cancel);
  std::error_code ec;
  fs::create_directories(cache.parent_path(), ec);
  if (!ec && p.size() == n * classes) {
    NpyWriter w(cache.string(), n, classes);
    w.writeRows(0, p.data(), n);
    w.commit();
  }
  return p;
}

}  // namespace poisonlab
