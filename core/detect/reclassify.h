#pragma once
/// @file reclassify.h
/// Exclusionary reclassification (Chen et al. 2018), Activation Clustering's confirmation step:
/// train without every class's suspicious (smaller) cluster, then classify each suspicious
/// cluster with that model. A cluster of legitimate images is still classified as its label; a
/// cluster of poisons goes to their true source class. A cluster is called poison when more
/// than `threshold` of it goes to one other class, which is then its likely source.
///
/// Two ways to get the model trained without the clusters:
///   full        the run's recipe from scratch (minutes; resumable, checkpointed in
///               RUN/detect/reclassify-<digest>/, reused when finished)
///   classifier  only the classifier layer refitted on the original model's frozen pooled
///               features (seconds): a cheaper stand-in that inherits the features the
///               backdoor shaped.

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/poison.h"
#include "core/util/progress.h"

namespace poisonlab {

enum class Reclassify { None, Classifier, Full };
const char* toString(Reclassify r);
Reclassify parseReclassify(const std::string& s, const std::string& field = "reclassify");

/// The verdict on one class's suspicious cluster.
struct ReclassifyVerdict {
  int cls = 0;
  std::size_t size = 0;      ///< samples in the cluster
  double ownFraction = 0;    ///< classified as their training label
  int otherClass = -1;       ///< the most frequent other class (the likely source)
  double otherFraction = 0;  ///< classified as that class
  bool poison = false;       ///< otherFraction > threshold
};

/// Multinomial logistic regression as below; returns every row's class probabilities (n x
/// classes, row-major): out-of-sample for the rows not fitted.
std::vector<float> refitClassifierProbabilities(const std::vector<float>& rows, std::size_t d,
                                                const std::vector<int>& labels,
                                                const std::vector<std::uint8_t>& fit, int classes,
                                                const CancelToken* cancel = nullptr);

/// Multinomial logistic regression on `rows` (n x d, standardised inside) of the samples with
/// `fit[i]` set, labels `labels`; returns the predicted class of every row. Deterministic.
std::vector<int> refitClassifierAndPredict(const std::vector<float>& rows, std::size_t d,
                                           const std::vector<int>& labels,
                                           const std::vector<std::uint8_t>& fit, int classes,
                                           const CancelToken* cancel = nullptr);

/// The run folder of a full reclassification retrain for the excluded set.
std::string reclassifyRunDir(const std::string& runDir, const std::vector<std::int64_t>& excluded);

/// Trains (or resumes, or reuses) the run's recipe without `excluded` and returns the
/// predicted class of every training image `predict`.
std::vector<int> retrainAndPredict(const std::string& runDir, const PoisonedDataset& data,
                                   const std::vector<std::int64_t>& excluded,
                                   const std::vector<std::int64_t>& predict,
                                   const ProgressFn& progress = {},
                                   const CancelToken* cancel = nullptr);

/// The verdict on a cluster of class `cls` from the predictions of its samples.
ReclassifyVerdict reclassifyVerdict(int cls, const std::vector<int>& predictions, int classes,
                                    double threshold);

}  // namespace poisonlab
