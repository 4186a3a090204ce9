// Activation Clustering as a detector: per class clusters, the poison cluster's verdict, and
// exclusionary reclassification.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/detect/detector_parts.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include <filesystem>

namespace poisonlab::detail {

using nlohmann::json;

namespace {

struct PerClass {
  std::vector<std::int64_t> idx;
  AcClassResult result;
  std::vector<float> pool;  ///< the pooled features (kept for the classifier reclassification)
};

/// Exclusionary reclassification of every class's smaller cluster: the model trained without
/// them classifies each; returns one verdict per class that has a smaller cluster.
std::map<int, ReclassifyVerdict> reclassifyClusters(
    const std::string& model, const PoisonedDataset& pd, const std::string& runDir,
    const AcOptions& o, std::map<int, PerClass>& classes, const InferenceOptions& inference,
    const ProgressFn& progress, const CancelToken* cancel) {
  const int numClasses = pd.clean->numClasses();
  std::vector<std::int64_t> suspicious;
  std::vector<std::uint8_t> excluded(pd.train.count(), 0);
  for (const auto& [c, pc] : classes)
    for (std::size_t k = 0; k < pc.idx.size(); ++k)
      if (pc.result.sizes[1] > 0 && pc.result.cluster[k] == pc.result.smaller) {
        suspicious.push_back(pc.idx[k]);
        excluded[static_cast<std::size_t>(pc.idx[k])] = 1;
      }
  std::sort(suspicious.begin(), suspicious.end());
  std::vector<int> predicted(pd.train.count(), -1);
  if (o.reclassify == Reclassify::Full) {
    const auto pred = retrainAndPredict(runDir, pd, suspicious, suspicious, progress, cancel);
    for (std::size_t k = 0; k < suspicious.size(); ++k)
      predicted[static_cast<std::size_t>(suspicious[k])] = pred[k];
  } else {
    // Pooled features of every training image, class by class as clustered (or computed now).
    std::vector<float> rows;
    std::vector<int> labels;
    std::vector<std::uint8_t> fit;
    std::vector<std::int64_t> order;
    std::size_t d = 0;
    for (auto& [c, pc] : classes) {
      if (pc.pool.empty()) {
        const LayerActivations a =
            trainingActivations(runDir, model, pd, "pool", pc.idx, inference, {}, cancel);
        pc.pool = a.values;
      }
      d = pc.pool.size() / std::max<std::size_t>(1, pc.idx.size());
      rows.insert(rows.end(), pc.pool.begin(), pc.pool.end());
      for (auto i : pc.idx) {
        labels.push_back(c);
        fit.push_back(!excluded[static_cast<std::size_t>(i)]);
        order.push_back(i);
      }
    }
    report(progress, 0.95, "reclassifying: refitting the classifier layer");
    const auto pred = refitClassifierAndPredict(rows, d, labels, fit, numClasses, cancel);
    for (std::size_t k = 0; k < order.size(); ++k)
      predicted[static_cast<std::size_t>(order[k])] = pred[k];
  }
  std::map<int, ReclassifyVerdict> verdicts;
  for (const auto& [c, pc] : classes) {
    if (pc.result.sizes[1] == 0) continue;
    std::vector<int> pred;
    for (std::size_t k = 0; k < pc.idx.size(); ++k)
      if (pc.result.cluster[k] == pc.result.smaller)
        pred.push_back(predicted[static_cast<std::size_t>(pc.idx[k])]);
    verdicts[c] = reclassifyVerdict(c, pred, numClasses, o.reclassifyThreshold);
  }
  return verdicts;
}

/// Scores, flags, cluster columns and figures of one class; the poison cluster is the
/// reclassification's verdict when there is one, else the criterion's.
void recordClass(int c, const PerClass& pc, const std::vector<std::vector<float>>& medians,
                 const std::map<int, ReclassifyVerdict>& verdicts, const AcOptions& o,
                 Collector& col, ClassFigures& figs) {
  auto& clusterCol = col.column("cluster");
  auto& xCol = col.column("x");
  auto& yCol = col.column("y");
  const AcClassResult& res = pc.result;
  const AcVerdicts v = acVerdicts(res, medians, static_cast<std::size_t>(c), o);
  const auto verdict = verdicts.find(c);
  // With reclassification, its verdict on the smaller cluster decides; else the criterion.
  const int poison = o.reclassify == Reclassify::None                      ? v.of(o.criterion)
                     : verdict != verdicts.end() && verdict->second.poison ? res.smaller
                                                                           : -1;
  const double n = double(res.samples);
  for (std::size_t k = 0; k < pc.idx.size(); ++k) {
    const auto i = static_cast<std::size_t>(pc.idx[k]);
    const int cl = res.cluster[k];
    const double rarity = 1.0 - double(res.sizes[static_cast<std::size_t>(cl)]) / n;
    // The flagged cluster on top (>= 1), then everyone else by how rare their cluster is.
    col.score[i] = (cl == poison ? 1.0 : 0.0) + rarity;
    col.flag[i] = cl == poison;
    col.scored[i] = 1;
    clusterCol[i] = cl;
    xCol[i] = res.projection[k * 2];
    yCol[i] = res.projection[k * 2 + 1];
  }
  auto& f = figs[c];
  f.emplace_back("cluster0_size", double(res.sizes[0]));
  f.emplace_back("cluster1_size", double(res.sizes[1]));
  f.emplace_back("smaller_relative_size", n > 0 ? double(res.sizes[1]) / n : 0);
  f.emplace_back("silhouette", res.silhouette);
  f.emplace_back("poison_cluster_smaller", v.smaller);
  f.emplace_back("poison_cluster_relative_size", v.relativeSize);
  f.emplace_back("poison_cluster_silhouette", v.silhouette);
  f.emplace_back("poison_cluster_distance", v.distance);
  f.emplace_back("poison_cluster", poison);
  if (verdict != verdicts.end()) {
    const ReclassifyVerdict& rv = verdict->second;
    f.emplace_back("reclassified_own_fraction", rv.ownFraction);
    f.emplace_back("reclassified_other_class", rv.otherClass);
    f.emplace_back("reclassified_other_fraction", rv.otherFraction);
    f.emplace_back("reclassified_poison", rv.poison ? 1 : 0);
  }
}

/// Which class looks attacked: the one whose split is clearest (highest silhouette); with
/// reclassification, the class whose cluster it calls poison by the largest margin, and that
/// cluster's likely source class.
void summarise(const std::map<int, PerClass>& classes,
               const std::map<int, ReclassifyVerdict>& verdicts, const AcOptions& o,
               double reclassifySeconds, DetectionReport& rep) {
  int suspect = -1;
  double best = -2;
  for (const auto& [c, pc] : classes)
    if (pc.result.sizes[1] > 0 && pc.result.silhouette > best)
      best = pc.result.silhouette, suspect = c;
  if (suspect >= 0) {
    rep.figures.emplace_back("most_separated_class", suspect);
    rep.figures.emplace_back("most_separated_silhouette", best);
    rep.figures.emplace_back("attacked_class", suspect);  // the verdict, as for spectral
  }
  if (o.reclassify != Reclassify::None) {
    int poisoned = -1;
    for (const auto& [c, rv] : verdicts)
      if (rv.poison && (poisoned < 0 || rv.otherFraction > verdicts.at(poisoned).otherFraction))
        poisoned = c;
    rep.figures.emplace_back(
        "reclassified_poison_clusters",
        double(std::count_if(verdicts.begin(), verdicts.end(),
                             [](const auto& kv) { return kv.second.poison; })));
    rep.figures.emplace_back("reclassified_attacked_class", poisoned);
    rep.figures.emplace_back("reclassified_source_class",
                             poisoned >= 0 ? verdicts.at(poisoned).otherClass : -1);
    rep.figures.emplace_back("reclassify_seconds", reclassifySeconds);
  }
}

json acSettings(const AcOptions& o, const std::string& layer) {
  json settings{{"layer", layer},
                {"reduce", toString(o.reduce)},
                {"dims", o.dims},
                {"criterion", toString(o.criterion)},
                {"size_threshold", o.sizeThreshold},
                {"silhouette_threshold", o.silhouetteThreshold},
                {"attempts", o.attempts},
                {"reclassify", toString(o.reclassify)},
                {"seed", o.seed}};
  if (o.reclassify != Reclassify::None) {
    settings["reclassify_threshold"] = o.reclassifyThreshold;
    settings["reclassify_model"] =
        o.reclassify == Reclassify::Full
            ? "the run's recipe retrained without every class's smaller cluster"
            : "the classifier layer refitted on frozen pooled features without every class's "
              "smaller cluster";
    settings["verdict"] = "reclassification (the criterion is reported, not used)";
  }
  return settings;
}

}  // namespace

void runActivationClustering(const std::string& model, const PoisonedDataset& pd,
                             const DetectRequest& r, const std::string& runDir,
                             DetectionReport& rep, Collector& col, ClassFigures& figs,
                             const ProgressFn& progress, const CancelToken* cancel) {
  const AcOptions& o = r.ac;
  if (o.dims < 1 || o.dims > 1000) throw Error("dims: must be in 1..1000");
  if (o.sizeThreshold <= 0 || o.sizeThreshold > 0.5)
    throw Error("size-threshold: must be in (0, 0.5]");
  if (!(o.reclassifyThreshold > 0 && o.reclassifyThreshold < 1))
    throw Error("reclassify-threshold: must be in (0, 1)");
  if (o.reclassify == Reclassify::Full && !std::filesystem::exists(metricsPath(runDir)))
    throw Error("reclassify: full retraining needs the run's recipe, " + metricsPath(runDir));
  std::map<int, PerClass> classes;
  std::vector<std::vector<float>> medians(static_cast<std::size_t>(pd.clean->numClasses()));
  forEachClass(runDir, model, pd, rep.layer, {}, r.inference, r.exportFeatures, progress, cancel,
               rep.featureSeconds,
               [&](int c, const std::vector<std::int64_t>& idx, const std::vector<float>& rows,
                   std::size_t d) {
                 PerClass& pc = classes[c];
                 pc.idx = idx;
                 AcOptions oc = o;
                 oc.seed = o.seed * 1000003ULL + static_cast<std::uint64_t>(c);
                 pc.result = clusterClass(rows.data(), idx.size(), d, oc);
                 if (rep.layer == "pool" && o.reclassify == Reclassify::Classifier) pc.pool = rows;
                 medians[static_cast<std::size_t>(c)] = columnMedian(rows.data(), idx.size(), d);
               });
  std::map<int, ReclassifyVerdict> verdicts;
  const auto t0 = Clock::now();
  if (o.reclassify != Reclassify::None)
    verdicts = reclassifyClusters(model, pd, runDir, o, classes, r.inference, progress, cancel);
  const double reclassifySeconds = since(t0);
  for (const auto& [c, pc] : classes) recordClass(c, pc, medians, verdicts, o, col, figs);
  summarise(classes, verdicts, o, reclassifySeconds, rep);
  rep.settingsJson = acSettings(o, rep.layer).dump();
}

}  // namespace poisonlab::detail
