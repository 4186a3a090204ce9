// Running a detector: the dispatch, the scoring against the ground truth, feature export.
#include "core/detect/detect.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/detect/detector_parts.h"
#include "core/run/prediction_cache.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/util/atomic_file.h"
#include "core/util/enum_names.h"
#include "core/train/training.h"

namespace poisonlab {
namespace detail {

/// Training indices whose (poisoned) training label is `cls`, ascending.
std::vector<std::int64_t> indicesWithLabel(const Split& split, int cls) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < split.count(); ++i)
    if (split.labels[i] == cls) out.push_back(static_cast<std::int64_t>(i));
  return out;
}

std::string sidecarCsv(const PoisonedDataset& pd) {
  std::ostringstream csv;
  csv << "index,label,original_label,poisoned\n";
  for (std::size_t i = 0; i < pd.train.count(); ++i)
    csv << i << ',' << int(pd.train.labels[i]) << ',' << int(pd.clean->train.labels[i]) << ','
        << int(pd.poisonedMask[i]) << '\n';
  return csv.str();
}

double percentileOf(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(std::round(q * double(v.size() - 1)));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace detail

namespace {
constexpr EnumName<DetectorMethod> kMethods[] = {
    {DetectorMethod::Spectral, "spectral"},
    {DetectorMethod::ActivationClustering, "activation-clustering"},
    {DetectorMethod::Influence, "influence"},
    {DetectorMethod::ConfidentLearning, "confident-learning"}};
constexpr EnumName<ClProbabilities> kClProbabilities[] = {{ClProbabilities::Features, "features"},
                                                          {ClProbabilities::CrossValidation, "cv"}};
constexpr EnumName<InfluenceNormalization> kNormalizations[] = {
    {InfluenceNormalization::None, "none"},
    {InfluenceNormalization::Gradient, "gradient"},
    {InfluenceNormalization::Relative, "relatif"}};

}  // namespace

using detail::Collector;

const char* toString(DetectorMethod m) { return enumToString(kMethods, m); }
const char* toString(ClProbabilities p) { return enumToString(kClProbabilities, p); }
ClProbabilities parseClProbabilities(const std::string& s, const std::string& field) {
  return parseEnum(kClProbabilities, s, field, "a source of probabilities");
}
const char* toString(InfluenceNormalization n) { return enumToString(kNormalizations, n); }
InfluenceNormalization parseInfluenceNormalization(const std::string& s, const std::string& field) {
  return parseEnum(kNormalizations, s, field, "a normalisation");
}
DetectorMethod parseDetectorMethod(const std::string& s, const std::string& field) {
  return parseEnum(kMethods, s, field, "a detector");
}

std::string detectionName(const DetectRequest& r) {
  if (r.method == DetectorMethod::ConfidentLearning &&
      r.cl.probabilities == ClProbabilities::CrossValidation)
    return "confident-learning-cv";
  if (r.method != DetectorMethod::Influence) return toString(r.method);
  if (r.influence.self) return "influence-self";
  std::string name = r.influence.network ? "influence-network" : "influence";
  // One test image's ranking is a result of its own, beside the triggered set's.
  if (r.influence.testIndex >= 0)
    name += (r.influence.testTriggered ? "-triggered-" : "-test-") +
            std::to_string(r.influence.testIndex);
  return name;
}

std::string detectDir(const std::string& runDir) {
  return (std::filesystem::path(runDir) / "detect").string();
}

std::string featureSidecarPath(const std::string& npyPath) {
  std::filesystem::path p(npyPath);
  return p.replace_extension(".csv").string();
}

DetectionReport runDetector(const std::string& runDir, const PoisonedDataset& pd,
                            const DetectRequest& r, const ProgressFn& progress,
                            const CancelToken* cancel) {
  const auto start = Clock::now();
  DetectionReport rep;
  rep.name = detectionName(r);
  rep.method = toString(r.method);
  rep.modelPath = r.modelPath.empty() ? modelPath(runDir) : r.modelPath;
  if (!std::filesystem::exists(rep.modelPath))
    throw Error(rep.modelPath + ": no such model file (train first)");
  const ModelSpec spec = modelSpecOf(rep.modelPath);
  if (spec.numClasses != pd.clean->numClasses())
    throw Error(rep.modelPath + ": the model has " + std::to_string(spec.numClasses) +
                " classes, the data set " + std::to_string(pd.clean->numClasses()));
  if (!r.layer.empty()) {
    const auto names = spec.layerNames();
    if (std::find(names.begin(), names.end(), r.layer) == names.end()) {
      std::string list;
      for (const auto& a : names) list += (list.empty() ? "" : ", ") + a;
      throw Error("layer: '" + r.layer + "' is not a layer of " + spec.arch + " (" + list + ")");
    }
  }
  const std::size_t n = pd.train.count();
  Collector col(n);
  detail::ClassFigures figs;
  switch (r.method) {
    case DetectorMethod::Spectral:
      rep.layer = !r.layer.empty()   ? r.layer
                  : r.pooledSpectral ? "pool"
                                     : spec.lastBlockInputLayer();
      detail::runSpectral(runDir, rep.modelPath, pd, r, rep, col, figs, progress, cancel);
      break;
    case DetectorMethod::ActivationClustering:
      rep.layer = r.layer.empty() ? "pool" : r.layer;
      detail::runActivationClustering(rep.modelPath, pd, r, runDir, rep, col, figs, progress,
                                      cancel);
      break;
    case DetectorMethod::ConfidentLearning:
      rep.layer = r.cl.probabilities == ClProbabilities::Features ? "pool" : "output";
      if (!r.layer.empty() && r.layer != rep.layer)
        throw Error("layer: confident learning reads the pooled features or the output");
      detail::runConfidentLearning(runDir, rep.modelPath, pd, r, rep, col, figs, progress, cancel);
      break;
    case DetectorMethod::Influence:
      if (!r.layer.empty())
        throw Error("layer: influence works on parameters; use --layers for the network mode");
      detail::runInfluence(runDir, rep.modelPath, pd, r, rep, col, progress, cancel);
      break;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!col.scored[i]) continue;
    rep.indices.push_back(static_cast<std::int64_t>(i));
    rep.labels.push_back(pd.train.labels[i]);
    rep.scores.push_back(col.score[i]);
    rep.flagged.push_back(col.flag[i]);
    rep.poisoned.push_back(pd.poisonedMask[i]);
  }
  for (auto& [name, values] : col.columns) {
    std::vector<double> v;
    v.reserve(rep.indices.size());
    for (auto i : rep.indices) v.push_back(values[static_cast<std::size_t>(i)]);
    rep.columns.emplace_back(name, std::move(v));
  }
  // Scoring against the ground truth, overall and per class.
  rep.overall = detectionMetrics(rep.scores, rep.flagged, rep.poisoned);
  for (int c = 0; c < pd.clean->numClasses(); ++c) {
    std::vector<double> s;
    std::vector<std::uint8_t> f, p;
    for (std::size_t k = 0; k < rep.indices.size(); ++k)
      if (rep.labels[k] == c) {
        s.push_back(rep.scores[k]);
        f.push_back(rep.flagged[k]);
        p.push_back(rep.poisoned[k]);
      }
    if (s.empty()) continue;
    ClassSummary cs;
    cs.cls = c;
    cs.metrics = detectionMetrics(s, f, p);
    cs.figures = figs[c];
    rep.classes.push_back(std::move(cs));
  }
  rep.seconds = since(start);
  // Afterwards, as a metric: did the attack take on this model at all?
  rep.model = headlineEvaluation(runDir, rep.modelPath, pd, r.inference, cancel);
  rep.attackTook = rep.model.asr >= 0.5 && rep.model.poisonFit >= 0.5;
  report(progress, 1.0, "done");
  return rep;
}

void exportFeatures(const std::string& modelPath, const PoisonedDataset& pd,
                    const std::string& layer, const std::string& npyPath,
                    const InferenceOptions& options, const ProgressFn& progress,
                    const CancelToken* cancel) {
  std::unique_ptr<NpyWriter> npy;
  forEachActivationBatch(
      modelPath, pd.train, layer, {}, options,
      [&](const float* rows, std::size_t first, std::size_t n, std::size_t d) {
        if (!npy) npy = std::make_unique<NpyWriter>(npyPath, pd.train.count(), d);
        npy->writeRows(first, rows, n);
      },
      progress, cancel);
  if (!npy) throw Error(npyPath + ": no training images to export");
  npy->commit();
  writeFileAtomic(featureSidecarPath(npyPath), detail::sidecarCsv(pd));
}

}  // namespace poisonlab
