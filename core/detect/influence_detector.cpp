// Influence functions as a detector: the test points, classifier-layer or network influence,
// normalisation and flags.
#include <algorithm>
#include <map>
#include <cmath>
#include <numeric>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/detect/detector_parts.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/train/inference.h"

namespace poisonlab::detail {
namespace {

using nlohmann::json;

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

/// The scored samples (positions in `scoredIdx`) the flags' median and MAD are taken over, and
/// its description: those labelled as the test points are predicted (their most common
/// label), or all.
std::vector<std::size_t> flagReference(const PoisonedDataset& pd, const InfluenceRequest& q,
                                       const TestPoints& tp,
                                       const std::vector<std::int64_t>& scoredIdx,
                                       std::string& description) {
  description = "all scored samples";
  if (q.flagAmongAll || q.self || q.trueLabels || tp.labels.empty()) return {};
  std::map<int, std::size_t> votes;
  for (int l : tp.labels) ++votes[l];
  const int label = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
                      return a.second < b.second;
                    })->first;
  std::vector<std::size_t> ref;
  for (std::size_t k = 0; k < scoredIdx.size(); ++k)
    if (pd.train.labels[static_cast<std::size_t>(scoredIdx[k])] == label) ref.push_back(k);
  // Too few of that label among the candidates for a median and a MAD: all of them instead.
  if (ref.size() < 20) return {};
  description = "label " + std::to_string(label) + " (" +
                (static_cast<std::size_t>(label) < pd.classNames().size()
                     ? pd.classNames()[static_cast<std::size_t>(label)]
                     : std::string("?")) +
                "), " + std::to_string(ref.size()) + " samples";
  return ref;
}

/// What one way of scoring gives: scores for the samples scoredIdx.
struct Scored {
  std::vector<double> scores;
  std::vector<std::int64_t> scoredIdx;
};

/// The classifier layer, exactly, with the requested normalisation.
Scored classifierScores(const std::string& runDir, const std::string& model,
                        const PoisonedDataset& pd, const DetectRequest& r, const TestPoints& tp,
                        DetectionReport& rep, Collector& col, json& settings,
                        const ProgressFn& progress, const CancelToken* cancel) {
  const InfluenceRequest& q = r.influence;
  const std::size_t n = pd.train.count();
  std::vector<double> scores;
  std::vector<std::int64_t> scoredIdx;
  rep.layer = "pool";
  auto t0 = Clock::now();
  const LayerActivations train = trainingActivations(
      runDir, model, pd, "pool", {}, r.inference,
      [&](double f, const std::string& t) { report(progress, 0.85 * f, t); }, cancel);
  LayerActivations test;
  if (!q.self) test = layerActivations(model, *tp.split, "pool", tp.indices, r.inference);
  rep.featureSeconds = since(t0);
  report(progress, 0.9, "classifier-layer influence");
  std::vector<int> labels(pd.train.labels.begin(), pd.train.labels.end());
  const ClassifierInfluence ci =
      classifierInfluence(train.values.data(), n, labels, test.values.data(), test.count, tp.labels,
                          readClassifier(model), q.damping, true, cancel);
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
  return {std::move(scores), std::move(scoredIdx)};
}

/// Hessian-vector products over the requested layers, on candidates.
Scored networkScores(const std::string& model, const PoisonedDataset& pd, const DetectRequest& r,
                     const TestPoints& tp, DetectionReport& rep, json& settings,
                     const ProgressFn& progress, const CancelToken* cancel) {
  const InfluenceRequest& q = r.influence;
  const std::size_t n = pd.train.count();
  std::vector<double> scores;
  std::vector<std::int64_t> scoredIdx;
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
  settings["candidates"] = q.candidateClass >= 0 ? json("class " + std::to_string(q.candidateClass))
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
  return {std::move(scores), std::move(scoredIdx)};
}

}  // namespace

void runInfluence(const std::string& runDir, const std::string& model, const PoisonedDataset& pd,
                  const DetectRequest& r, DetectionReport& rep, Collector& col,
                  const ProgressFn& progress, const CancelToken* cancel) {
  const InfluenceRequest& q = r.influence;
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
  Scored s = q.network
                 ? networkScores(model, pd, r, tp, rep, settings, progress, cancel)
                 : classifierScores(runDir, model, pd, r, tp, rep, col, settings, progress, cancel);
  // Suspicion is support for the predictions, or with true labels harm to them.
  if (q.trueLabels && !q.self)
    for (double& v : s.scores) v = -v;
  double threshold = std::nan("");
  std::vector<std::uint8_t> flags;
  if (q.flagTop > 0) {
    flags = flagTop(s.scores, q.flagTop);
  } else {
    std::string among;
    const auto ref = flagReference(pd, q, tp, s.scoredIdx, among);
    flags = robustOutliers(s.scores, ref, q.flagZUsed(), threshold);
    settings["flag_among"] = among;
    settings["flag_z"] = q.flagZUsed();
    rep.figures.emplace_back("flag_threshold", threshold);
  }
  for (std::size_t k = 0; k < s.scoredIdx.size(); ++k) {
    const auto i = static_cast<std::size_t>(s.scoredIdx[k]);
    col.score[i] = s.scores[k];
    col.flag[i] = flags[k];
    col.scored[i] = 1;
  }
  rep.settingsJson = settings.dump();
}

}  // namespace poisonlab::detail

namespace poisonlab {

std::vector<std::uint8_t> robustOutliers(const std::vector<double>& scores,
                                         const std::vector<std::size_t>& reference, double z,
                                         double& threshold) {
  std::vector<double> ref;
  if (reference.empty()) {
    ref = scores;
  } else {
    ref.reserve(reference.size());
    for (auto k : reference) ref.push_back(scores.at(k));
  }
  std::vector<std::uint8_t> f(scores.size(), 0);
  if (ref.empty()) {
    threshold = std::nan("");
    return f;
  }
  const double med = detail::percentileOf(ref, 0.5);
  for (double& v : ref) v = std::abs(v - med);
  const double mad = 1.4826 * detail::percentileOf(ref, 0.5);
  threshold = med + z * mad;
  for (std::size_t i = 0; i < scores.size(); ++i) f[i] = scores[i] > threshold;
  return f;
}

}  // namespace poisonlab
