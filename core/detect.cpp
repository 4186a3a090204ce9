#include "core/detect.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>

#include "core/atomic_file.h"
#include "core/enum_names.h"
#include "core/error.h"
#include "core/stopwatch.h"
#include "core/npy.h"
#include "core/rng.h"
#include "core/run_folder.h"
#include "core/training.h"
#include "core/version.h"

namespace poisonlab {
namespace {

using nlohmann::json;

constexpr EnumName<DetectorMethod> kMethods[] = {
    {DetectorMethod::Spectral, "spectral"},
    {DetectorMethod::ActivationClustering, "activation-clustering"},
    {DetectorMethod::Influence, "influence"}};
constexpr EnumName<InfluenceNormalization> kNormalizations[] = {
    {InfluenceNormalization::None, "none"},
    {InfluenceNormalization::Gradient, "gradient"},
    {InfluenceNormalization::Relative, "relatif"}};

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

/// Per-sample results gathered class by class, then laid out by ascending index.
struct Collector {
  explicit Collector(std::size_t n) : score(n, 0), flag(n, 0), scored(n, 0) {}
  std::vector<double> score;
  std::vector<std::uint8_t> flag, scored;
  std::vector<std::pair<std::string, std::vector<double>>> columns;
  std::vector<double>& column(const std::string& name) {
    for (auto& c : columns)
      if (c.first == name) return c.second;
    columns.emplace_back(name, std::vector<double>(score.size(), 0.0));
    return columns.back().second;
  }
};

/// Activations of `layer` class by class (training labels); `fn(cls, indices, rows, dim)` for
/// each class in `classes`. With an export path, every class is computed and written.
template <typename Fn>
void forEachClass(const std::string& model, const PoisonedDataset& pd, const std::string& layer,
                  const std::vector<int>& classes, const InferenceOptions& inference,
                  const std::string& exportPath, const ProgressFn& progress,
                  const CancelToken* cancel, double& featureSeconds, Fn fn) {
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
    forEachActivationBatch(
        model, pd.train, layer, idx, inference,
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

double percentileOf(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(std::round(q * double(v.size() - 1)));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// ---------------------------------------------------------------------------------------------

void runSpectral(const std::string& model, const PoisonedDataset& pd, const DetectRequest& r,
                 DetectionReport& rep, Collector& col, std::map<int, std::vector<Figure>>& figs,
                 const ProgressFn& progress, const CancelToken* cancel) {
  const SpectralOptions& o = r.spectral;
  if (o.eps <= 0 || o.eps > 1) throw Error("eps: must be in (0, 1]");
  if (o.percentile < 0 || o.percentile >= 100) throw Error("percentile: must be in [0, 100)");
  auto& raw = col.column("raw_score");
  forEachClass(
      model, pd, rep.layer, o.classes, r.inference, r.exportFeatures, progress, cancel,
      rep.featureSeconds,
      [&](int c, const std::vector<std::int64_t>& idx, const std::vector<float>& rows,
          std::size_t d) {
        const SpectralClassScores s = spectralScores(rows.data(), idx.size(), d, o);
        const std::size_t budget = spectralBudget(idx.size(), o);
        const auto flags = flagTop(s.scores, budget);
        const double mean =
            std::accumulate(s.scores.begin(), s.scores.end(), 0.0) / double(idx.size());
        for (std::size_t k = 0; k < idx.size(); ++k) {
          const auto i = static_cast<std::size_t>(idx[k]);
          // Normalised by the class's mean score so that classes compare.
          col.score[i] = mean > 0 ? s.scores[k] / mean : 0.0;
          raw[i] = s.scores[k];
          col.flag[i] = flags[k];
          col.scored[i] = 1;
        }
        auto& f = figs[c];
        for (std::size_t j = 0; j < s.singular.size(); ++j)
          f.emplace_back("singular_" + std::to_string(j + 1), s.singular[j]);
        f.emplace_back("singular_ratio", s.singular.size() > 1 && s.singular[1] > 0
                                             ? s.singular[0] / s.singular[1]
                                             : 0.0);
        f.emplace_back("budget", double(budget));
        f.emplace_back("svd_iterations", s.iterations);
        f.emplace_back("score_mean", mean);
        f.emplace_back("score_median_over_mean", mean > 0 ? percentileOf(s.scores, 0.5) / mean : 0);
        f.emplace_back("score_p95_over_mean", mean > 0 ? percentileOf(s.scores, 0.95) / mean : 0);
        f.emplace_back("score_max_over_mean",
                       mean > 0 ? *std::max_element(s.scores.begin(), s.scores.end()) / mean : 0);
      });
  // The class whose top direction stands out most: where a researcher looks first.
  int suspect = -1;
  double best = 0;
  for (const auto& [c, f] : figs)
    for (const auto& [k, v] : f)
      if (k == "singular_ratio" && v > best) best = v, suspect = c;
  if (suspect >= 0) {
    rep.figures.emplace_back("most_separated_class", suspect);
    rep.figures.emplace_back("most_separated_ratio", best);
  }
  json settings{{"layer", rep.layer},
                {"eps", o.eps},
                {"percentile", o.percentile},
                {"centred", o.centred},
                {"components", o.components},
                {"classes", o.classes},
                {"seed", o.seed}};
  rep.settingsJson = settings.dump();
}

void runActivationClustering(const std::string& model, const PoisonedDataset& pd,
                             const DetectRequest& r, DetectionReport& rep, Collector& col,
                             std::map<int, std::vector<Figure>>& figs, const ProgressFn& progress,
                             const CancelToken* cancel) {
  const AcOptions& o = r.ac;
  if (o.dims < 1 || o.dims > 1000) throw Error("dims: must be in 1..1000");
  if (o.sizeThreshold <= 0 || o.sizeThreshold > 0.5)
    throw Error("size-threshold: must be in (0, 0.5]");
  struct PerClass {
    std::vector<std::int64_t> idx;
    AcClassResult result;
  };
  std::map<int, PerClass> classes;
  std::vector<std::vector<float>> medians(static_cast<std::size_t>(pd.clean->numClasses()));
  forEachClass(model, pd, rep.layer, {}, r.inference, r.exportFeatures, progress, cancel,
               rep.featureSeconds,
               [&](int c, const std::vector<std::int64_t>& idx, const std::vector<float>& rows,
                   std::size_t d) {
                 PerClass& pc = classes[c];
                 pc.idx = idx;
                 AcOptions oc = o;
                 oc.seed = o.seed * 1000003ULL + static_cast<std::uint64_t>(c);
                 pc.result = clusterClass(rows.data(), idx.size(), d, oc);
                 medians[static_cast<std::size_t>(c)] = columnMedian(rows.data(), idx.size(), d);
               });
  auto& clusterCol = col.column("cluster");
  auto& xCol = col.column("x");
  auto& yCol = col.column("y");
  for (auto& [c, pc] : classes) {
    const AcClassResult& res = pc.result;
    const AcVerdicts v = acVerdicts(res, medians, static_cast<std::size_t>(c), o);
    const int poison = v.of(o.criterion);
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
  }
  json settings{{"layer", rep.layer},
                {"reduce", toString(o.reduce)},
                {"dims", o.dims},
                {"criterion", toString(o.criterion)},
                {"size_threshold", o.sizeThreshold},
                {"silhouette_threshold", o.silhouetteThreshold},
                {"attempts", o.attempts},
                {"seed", o.seed}};
  rep.settingsJson = settings.dump();
}

/// The test points influence is measured on, with their labels.
struct TestPoints {
  const Split* split = nullptr;
  std::vector<std::int64_t> indices;
  std::vector<int> labels;
  std::string description;
};

TestPoints chooseTestPoints(const std::string& model, const PoisonedDataset& pd,
                            const InfluenceRequest& q, const InferenceOptions& inference) {
  TestPoints t;
  const int classes = pd.clean->numClasses();
  auto predictions = [&](const Split& s, const std::vector<std::int64_t>& idx) {
    const auto p = classProbabilities(model, s, idx, inference);
    std::vector<int> pred(idx.empty() ? s.count() : idx.size());
    for (std::size_t i = 0; i < pred.size(); ++i) {
      const float* row = p.data() + i * static_cast<std::size_t>(classes);
      pred[i] = static_cast<int>(std::max_element(row, row + classes) - row);
    }
    return pred;
  };
  if (q.testIndex < 0) {
    t.split = &pd.triggeredTest;
    const auto pred = predictions(pd.triggeredTest, {});
    for (std::size_t i = 0; i < pred.size(); ++i)
      if (pred[i] == pd.spec.target) {
        t.indices.push_back(static_cast<std::int64_t>(i));
        t.labels.push_back(q.trueLabels ? int(pd.triggeredTest.labels[i]) : pred[i]);
      }
    if (t.indices.empty())
      throw Error(
          "influence: the model sends none of the triggered test images to the target "
          "class; pick one test image with --test-index");
    t.description = std::to_string(t.indices.size()) + " of " +
                    std::to_string(pd.triggeredTest.count()) +
                    " triggered source-class test images, those predicted as the target";
  } else {
    t.split = q.testTriggered ? &pd.triggeredTest : &pd.clean->test;
    if (static_cast<std::size_t>(q.testIndex) >= t.split->count())
      throw Error("test-index: " + std::to_string(q.testIndex) + " is outside 0.." +
                  std::to_string(t.split->count() - 1) +
                  (q.testTriggered ? " (the triggered test set)" : ""));
    t.indices = {q.testIndex};
    const int pred = predictions(*t.split, t.indices)[0];
    t.labels = {q.trueLabels ? int(t.split->labels[static_cast<std::size_t>(q.testIndex)]) : pred};
    t.description = std::string(q.testTriggered ? "triggered " : "") + "test image " +
                    std::to_string(q.testIndex) + " (predicted " + std::to_string(pred) + ")";
  }
  return t;
}

std::vector<std::uint8_t> flagScores(const std::vector<double>& s, const InfluenceRequest& q,
                                     double& threshold) {
  if (q.flagTop > 0) {
    threshold = std::nan("");
    return flagTop(s, q.flagTop);
  }
  const double med = percentileOf(s, 0.5);
  std::vector<double> dev(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) dev[i] = std::abs(s[i] - med);
  const double mad = 1.4826 * percentileOf(dev, 0.5);
  threshold = med + q.flagZ * mad;
  std::vector<std::uint8_t> f(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) f[i] = s[i] > threshold;
  return f;
}

void runInfluence(const std::string& model, const PoisonedDataset& pd, const DetectRequest& r,
                  DetectionReport& rep, Collector& col, const ProgressFn& progress,
                  const CancelToken* cancel) {
  const InfluenceRequest& q = r.influence;
  const std::size_t n = pd.train.count();
  if (q.damping < 0) throw Error("damping: must be >= 0");
  json settings{{"mode", q.network ? "network" : "classifier"},
                {"self", q.self},
                {"damping", q.damping},
                {"true_labels", q.trueLabels},
                {"flag_top", q.flagTop},
                {"flag_z", q.flagZ}};
  if (q.testIndex >= 0) {
    settings["test_index"] = q.testIndex;
    settings["test_split"] = q.testTriggered ? "triggered" : "test";
  }
  TestPoints tp;
  if (!q.self) {
    tp = chooseTestPoints(model, pd, q, r.inference);
    settings["test_points"] = tp.description;
    rep.figures.emplace_back("test_points", double(tp.indices.size()));
  }
  std::vector<double> scores;
  std::vector<std::int64_t> scoredIdx;
  if (!q.network) {
    rep.layer = "pool";
    auto t0 = Clock::now();
    const LayerActivations train = layerActivations(
        model, pd.train, "pool", {}, r.inference,
        [&](double f, const std::string& t) { report(progress, 0.85 * f, t); }, cancel);
    LayerActivations test;
    if (!q.self) test = layerActivations(model, *tp.split, "pool", tp.indices, r.inference);
    rep.featureSeconds = since(t0);
    report(progress, 0.9, "classifier-layer influence");
    std::vector<int> labels(pd.train.labels.begin(), pd.train.labels.end());
    const ClassifierInfluence ci =
        classifierInfluence(train.values.data(), n, labels, test.values.data(), test.count,
                            tp.labels, readClassifier(model), q.damping, true, cancel);
    scores = q.self ? ci.selfScores : ci.scores;
    if (!q.self && q.normalize != InfluenceNormalization::None) {
      col.column("influence") = ci.scores;
      for (std::size_t i = 0; i < n; ++i) {
        const double norm = q.normalize == InfluenceNormalization::Gradient
                                ? ci.gradientNorm[i]
                                : std::sqrt(std::max(ci.selfScores[i], 0.0));
        scores[i] = norm > 0 ? scores[i] / norm : 0.0;
      }
    }
    settings["normalize"] = q.self ? "none" : toString(q.normalize);
    // Helpful beside the ranking: how well each sample is fitted, and its self-influence.
    col.column("label_probability") = ci.labelProbability;
    if (!q.self) col.column("self_influence") = ci.selfScores;
    scoredIdx.resize(n);
    std::iota(scoredIdx.begin(), scoredIdx.end(), 0);
    rep.figures.emplace_back("parameters", double(ci.parameters));
    rep.figures.emplace_back("hessian_seconds", ci.hessianSeconds);
    rep.figures.emplace_back("solve_seconds", ci.solveSeconds);
    rep.figures.emplace_back("score_seconds", ci.scoreSeconds);
    rep.figures.emplace_back("influence_seconds",
                             ci.hessianSeconds + ci.solveSeconds + ci.scoreSeconds);
    rep.figures.emplace_back("hessian_min_eigenvalue", ci.minEigenvalue);
    rep.figures.emplace_back("hessian_max_eigenvalue", ci.maxEigenvalue);
  } else {
    if (q.self) throw Error("--self: self-influence is computed for the classifier layer only");
    if (q.normalize != InfluenceNormalization::None)
      throw Error(
          "--normalize: the network mode scores plain influence only (--normalize none); "
          "per-sample gradient norms over a network cost a backward pass each");
    const NetworkInfluenceOptions& no = q.net;
    std::string layers;
    for (const auto& l : no.layers) layers += (layers.empty() ? "" : ",") + l;
    rep.layer = layers;
    Rng rng(no.seed ^ 0xC0FFEEULL);
    std::vector<std::int64_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    if (q.candidateClass >= 0) {
      if (q.candidateClass >= pd.clean->numClasses())
        throw Error("candidates-class: " + std::to_string(q.candidateClass) + " is not a class");
      scoredIdx = indicesWithLabel(pd.train, q.candidateClass);
    } else if (q.candidates == 0 || q.candidates >= n) {
      scoredIdx = all;
    } else {
      scoredIdx = sampleWithoutReplacement(all, q.candidates, rng);
      std::sort(scoredIdx.begin(), scoredIdx.end());
    }
    auto hess = sampleWithoutReplacement(all, std::min(q.hessianSamples, n), rng);
    NetworkInfluenceOptions o = no;
    o.damping = q.damping;
    o.runtime = r.inference;
    const NetworkInfluenceResult res = networkInfluence(model, pd.train, hess, scoredIdx, *tp.split,
                                                        tp.indices, tp.labels, o, progress, cancel);
    scores = res.scores;
    rep.featureSeconds = res.cacheSeconds;
    rep.figures.emplace_back("parameters", double(res.parameters));
    rep.figures.emplace_back("iterations", res.iterations);
    rep.figures.emplace_back("relative_residual", res.relativeResidual);
    rep.figures.emplace_back("hessian_samples", double(hess.size()));
    rep.figures.emplace_back("candidates", double(scoredIdx.size()));
    rep.figures.emplace_back("cache_seconds", res.cacheSeconds);
    rep.figures.emplace_back("gradient_seconds", res.gradientSeconds);
    rep.figures.emplace_back("solve_seconds", res.solveSeconds);
    rep.figures.emplace_back("score_seconds", res.scoreSeconds);
    settings["layers"] = no.layers;
    settings["input_layer"] = res.inputLayer;
    settings["solver"] = toString(no.solver);
    settings["hessian_samples"] = hess.size();
    settings["candidates"] = q.candidateClass >= 0
                                 ? json("class " + std::to_string(q.candidateClass))
                                 : json(scoredIdx.size());
    if (no.solver == HvpSolver::Cg) {
      settings["cg_iterations"] = no.cgIterations;
      settings["cg_tolerance"] = no.cgTolerance;
    } else {
      settings["lissa_depth"] = no.lissaDepth;
      settings["lissa_repeats"] = no.lissaRepeats;
      settings["lissa_scale"] = no.lissaScale;
      settings["lissa_batch"] = no.lissaBatch;
    }
    settings["seed"] = no.seed;
  }
  // Suspicion is support for the predictions, or with true labels harm to them.
  if (q.trueLabels && !q.self)
    for (double& v : scores) v = -v;
  double threshold = 0;
  const auto flags = flagScores(scores, q, threshold);
  if (std::isfinite(threshold)) rep.figures.emplace_back("flag_threshold", threshold);
  for (std::size_t k = 0; k < scoredIdx.size(); ++k) {
    const auto i = static_cast<std::size_t>(scoredIdx[k]);
    col.score[i] = scores[k];
    col.flag[i] = flags[k];
    col.scored[i] = 1;
  }
  rep.settingsJson = settings.dump();
}

}  // namespace

const char* toString(DetectorMethod m) { return enumToString(kMethods, m); }
const char* toString(InfluenceNormalization n) { return enumToString(kNormalizations, n); }
InfluenceNormalization parseInfluenceNormalization(const std::string& s, const std::string& field) {
  return parseEnum(kNormalizations, s, field, "a normalisation");
}
DetectorMethod parseDetectorMethod(const std::string& s, const std::string& field) {
  return parseEnum(kMethods, s, field, "a detector");
}

std::string detectionName(const DetectRequest& r) {
  if (r.method != DetectorMethod::Influence) return toString(r.method);
  if (r.influence.self) return "influence-self";
  return r.influence.network ? "influence-network" : "influence";
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
  std::map<int, std::vector<Figure>> figs;
  switch (r.method) {
    case DetectorMethod::Spectral:
      rep.layer = !r.layer.empty()   ? r.layer
                  : r.pooledSpectral ? "pool"
                                     : spec.lastBlockInputLayer();
      runSpectral(rep.modelPath, pd, r, rep, col, figs, progress, cancel);
      break;
    case DetectorMethod::ActivationClustering:
      rep.layer = r.layer.empty() ? "pool" : r.layer;
      runActivationClustering(rep.modelPath, pd, r, rep, col, figs, progress, cancel);
      break;
    case DetectorMethod::Influence:
      if (!r.layer.empty())
        throw Error("layer: influence works on parameters; use --layers for the network mode");
      runInfluence(rep.modelPath, pd, r, rep, col, progress, cancel);
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
  report(progress, 1.0, "done");
  return rep;
}

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

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
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
    csv << rep.indices[k] << ',' << rep.labels[k] << ',' << number(rep.scores[k]) << ','
        << int(rep.flagged[k]) << ',' << int(rep.poisoned[k]);
    for (const auto& c : rep.columns) csv << ',' << number(c.second[k]);
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
  const std::string base = (std::filesystem::path(dir) / rep.name).string();
  writeFileAtomic(base + ".csv", csv.str());
  const std::string text = j.dump(2) + "\n";
  writeFileAtomic(base + ".json", text);
  return text;
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
  writeFileAtomic(featureSidecarPath(npyPath), sidecarCsv(pd));
}

}  // namespace poisonlab
