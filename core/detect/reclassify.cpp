#include "core/detect/reclassify.h"

#include <filesystem>

#include "core/run/train_report.h"
#include "core/train/inference.h"
#include "core/train/training.h"
#include "core/util/enum_names.h"
#include "core/util/error.h"

namespace poisonlab {
namespace {

constexpr EnumName<Reclassify> kReclassify[] = {
    {Reclassify::None, "none"}, {Reclassify::Classifier, "classifier"}, {Reclassify::Full, "full"}};

/// FNV-1a over the indices: names the retrain of one excluded set.
std::string digestOf(const std::vector<std::int64_t>& v) {
  std::uint64_t h = 1469598103934665603ULL;
  for (auto x : v)
    for (int b = 0; b < 8; ++b) {
      h ^= (static_cast<std::uint64_t>(x) >> (8 * b)) & 0xFF;
      h *= 1099511628211ULL;
    }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf).substr(0, 12);
}

}  // namespace

const char* toString(Reclassify r) { return enumToString(kReclassify, r); }
Reclassify parseReclassify(const std::string& s, const std::string& field) {
  return parseEnum(kReclassify, s, field, "a reclassification");
}

std::string reclassifyRunDir(const std::string& runDir, const std::vector<std::int64_t>& excluded) {
  return (std::filesystem::path(runDir) / "detect" / ("reclassify-" + digestOf(excluded))).string();
}

std::vector<int> retrainAndPredict(const std::string& runDir, const PoisonedDataset& pd,
                                   const std::vector<std::int64_t>& excluded,
                                   const std::vector<std::int64_t>& predict,
                                   const ProgressFn& progress, const CancelToken* cancel) {
  const std::string dir = reclassifyRunDir(runDir, excluded);
  if (!std::filesystem::exists(modelPath(dir))) {
    TrainConfig c = readTrainConfig(runDir);  // the run's recipe
    c.exclude = excluded;
    TrainCallbacks cb;
    cb.onBatch = [&](const BatchStats& s) {
      report(progress, 0.95 * ((s.epoch - 1) + double(s.batch) / s.batches) / c.epochs,
             "reclassification retrain: epoch " + std::to_string(s.epoch) + "/" +
                 std::to_string(c.epochs));
    };
    const bool resume = std::filesystem::exists(checkpointPath(dir));
    trainModel(pd, c, dir, cb, cancel, resume);
  }
  InferenceOptions io;
  io.precision = Precision::Fp32;
  const auto p = classProbabilities(modelPath(dir), pd.train, predict, io, {}, cancel);
  const std::size_t classes = predict.empty() ? 0 : p.size() / predict.size();
  std::vector<int> out(predict.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const float* row = p.data() + i * classes;
    out[i] = static_cast<int>(std::max_element(row, row + classes) - row);
  }
  report(progress, 1.0, "reclassified");
  return out;
}

ReclassifyVerdict reclassifyVerdict(int cls, const std::vector<int>& pred, int classes,
                                    double threshold) {
  ReclassifyVerdict v;
  v.cls = cls;
  v.size = pred.size();
  if (pred.empty()) return v;
  std::vector<std::size_t> count(static_cast<std::size_t>(classes), 0);
  for (int p : pred) ++count[static_cast<std::size_t>(p)];
  v.ownFraction = double(count[static_cast<std::size_t>(cls)]) / double(pred.size());
  for (int k = 0; k < classes; ++k)
    if (k != cls && (v.otherClass < 0 || count[static_cast<std::size_t>(k)] >
                                             count[static_cast<std::size_t>(v.otherClass)]))
      v.otherClass = k;
  v.otherFraction = double(count[static_cast<std::size_t>(v.otherClass)]) / double(pred.size());
  v.poison = v.otherFraction > threshold;
  return v;
}

}  // namespace poisonlab
