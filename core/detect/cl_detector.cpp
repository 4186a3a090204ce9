// Confident learning as a detector: out-of-sample probabilities (K-fold probes on the model's
// features, or K-fold cross-validated networks), then confident_learning.h's label issues.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/detect/confident_learning.h"
#include "core/detect/detector_parts.h"
#include "core/detect/reclassify.h"
#include "core/util/rng.h"
#include "core/run/train_report.h"
#include "core/train/training.h"

namespace poisonlab::detail {

using nlohmann::json;

namespace {

/// Fold of every training image: a seeded shuffle dealt round-robin (folds differ in size by
/// at most one).
std::vector<int> assignFolds(std::size_t n, int folds, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  Rng rng(seed ^ 0xC0F1DE47ULL);
  order = sampleWithoutReplacement(order, n, rng);
  std::vector<int> fold(n);
  for (std::size_t k = 0; k < n; ++k) fold[order[k]] = static_cast<int>(k % std::size_t(folds));
  return fold;
}

/// Out-of-fold probabilities from logistic regressions on the pooled penultimate features.
std::vector<float> probeProbabilities(const std::string& runDir, const std::string& model,
                                      const PoisonedDataset& pd, const DetectRequest& r,
                                      const std::vector<int>& fold, const std::vector<int>& labels,
                                      DetectionReport& rep, const ProgressFn& progress,
                                      const CancelToken* cancel) {
  const std::size_t n = pd.train.count();
  const int classes = pd.clean->numClasses();
  std::vector<std::int64_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::int64_t>(i);
  const auto t0 = Clock::now();
  const LayerActivations a = trainingActivations(
      runDir, model, pd, "pool", all, r.inference,
      [&](double f, const std::string& t) { report(progress, 0.5 * f, t); }, cancel);
  rep.featureSeconds = since(t0);
  const std::size_t d = a.values.size() / std::max<std::size_t>(1, n);
  std::vector<float> probs(n * std::size_t(classes));
  for (int k = 0; k < r.cl.folds; ++k) {
    report(progress, 0.5 + 0.45 * k / r.cl.folds,
           "confident learning: fold " + std::to_string(k + 1) + "/" + std::to_string(r.cl.folds) +
               " (logistic regression on the features)");
    std::vector<std::uint8_t> fit(n);
    for (std::size_t i = 0; i < n; ++i) fit[i] = fold[i] != k;
    const auto p = refitClassifierProbabilities(a.values, d, labels, fit, classes, cancel);
    for (std::size_t i = 0; i < n; ++i)
      if (!fit[i])
        std::copy(p.begin() + std::ptrdiff_t(i * classes),
                  p.begin() + std::ptrdiff_t((i + 1) * classes),
                  probs.begin() + std::ptrdiff_t(i * classes));
  }
  return probs;
}

/// Out-of-fold probabilities from K networks trained with the run's recipe, each without its
/// fold; each fold's run folder (RUN/detect/confident-learning-cv/fold-K) is kept and resumed.
std::vector<float> crossValidatedProbabilities(const std::string& runDir, const PoisonedDataset& pd,
                                               const DetectRequest& r, const std::vector<int>& fold,
                                               const ProgressFn& progress,
                                               const CancelToken* cancel) {
  const std::size_t n = pd.train.count();
  const int classes = pd.clean->numClasses();
  std::vector<float> probs(n * std::size_t(classes));
  const TrainConfig recipe = readTrainConfig(runDir);
  for (int k = 0; k < r.cl.folds; ++k) {
    std::vector<std::int64_t> held;
    for (std::size_t i = 0; i < n; ++i)
      if (fold[i] == k) held.push_back(static_cast<std::int64_t>(i));
    const std::string dir = (std::filesystem::path(detectDir(runDir)) / "confident-learning-cv" /
                             ("fold-" + std::to_string(k) + "-of-" + std::to_string(r.cl.folds) +
                              "-seed-" + std::to_string(r.cl.seed)))
                                .string();
    if (!std::filesystem::exists(modelPath(dir))) {
      TrainConfig c = recipe;
      c.exclude = held;
      TrainCallbacks cb;
      cb.onBatch = [&](const BatchStats& s) {
        report(
            progress, (k + ((s.epoch - 1) + double(s.batch) / s.batches) / c.epochs) / r.cl.folds,
            "confident learning: fold " + std::to_string(k + 1) + "/" + std::to_string(r.cl.folds) +
                ", epoch " + std::to_string(s.epoch) + "/" + std::to_string(c.epochs));
      };
      trainModel(pd, c, dir, cb, cancel, std::filesystem::exists(checkpointPath(dir)));
    }
    InferenceOptions io = r.inference;
    io.precision = Precision::Fp32;
    const auto p = classProbabilities(modelPath(dir), pd.train, held, io, {}, cancel);
    for (std::size_t t = 0; t < held.size(); ++t)
      std::copy(p.begin() + std::ptrdiff_t(t * classes),
                p.begin() + std::ptrdiff_t((t + 1) * classes),
                probs.begin() + std::ptrdiff_t(std::size_t(held[t]) * classes));
  }
  return probs;
}

}  // namespace

void runConfidentLearning(const std::string& runDir, const std::string& model,
                          const PoisonedDataset& pd, const DetectRequest& r, DetectionReport& rep,
                          Collector& col, ClassFigures& figs, const ProgressFn& progress,
                          const CancelToken* cancel) {
  if (r.cl.folds < 2 || r.cl.folds > 50)
    throw Error("folds: " + std::to_string(r.cl.folds) + " is outside 2..50");
  const std::size_t n = pd.train.count();
  const int classes = pd.clean->numClasses();
  // The defender's view: the training labels as given (poisoned or not), never the truth.
  std::vector<int> labels(pd.train.labels.begin(), pd.train.labels.end());
  const std::vector<int> fold = assignFolds(n, r.cl.folds, r.cl.seed);
  const auto t0 = Clock::now();
  const std::vector<float> probs =
      r.cl.probabilities == ClProbabilities::Features
          ? probeProbabilities(runDir, model, pd, r, fold, labels, rep, progress, cancel)
          : crossValidatedProbabilities(runDir, pd, r, fold, progress, cancel);
  const double probabilitySeconds = since(t0);
  const ConfidentJoint cj = confidentJoint(probs, labels, classes);
  const LabelIssues issues = findLabelIssues(probs, labels, classes, cj);
  auto& self = col.column("self_confidence");
  auto& margin = col.column("margin");
  auto& guess = col.column("confident_class");
  for (std::size_t i = 0; i < n; ++i) {
    col.scored[i] = 1;
    col.score[i] = 1.0 - issues.selfConfidence[i];
    col.flag[i] = issues.issue[i];
    self[i] = issues.selfConfidence[i];
    margin[i] = issues.margin[i];
    guess[i] = cj.confidentClass[i];
  }
  for (int c = 0; c < classes; ++c) {
    long row = 0;
    for (long v : cj.counts[std::size_t(c)]) row += v;
    figs[c].push_back({"threshold", cj.thresholds[std::size_t(c)]});
    figs[c].push_back({"confident_own", double(cj.counts[std::size_t(c)][std::size_t(c)])});
    figs[c].push_back({"confident_other", double(row - cj.counts[std::size_t(c)][std::size_t(c)])});
  }
  rep.figures.push_back({"estimated_label_errors", double(issues.estimatedErrors)});
  rep.figures.push_back({"label_issues", double(issues.ranked.size())});
  rep.figures.push_back({"probability_seconds", probabilitySeconds});
  json joint = json::array();
  for (const auto& row : cj.counts) joint.push_back(row);
  rep.settingsJson = json{
      {"probabilities", toString(r.cl.probabilities)},
      {"folds", r.cl.folds},
      {"seed", r.cl.seed},
      {"filter", "prune_by_noise_rate"},
      {"rank", "self_confidence"},
      {"confident_joint",
       joint}}.dump();
  report(progress, 1.0,
         "confident learning: " + std::to_string(issues.ranked.size()) + " suspected label errors");
}

}  // namespace poisonlab::detail
