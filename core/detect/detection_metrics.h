#pragma once
/// @file detection_metrics.h
/// How well a poison detector did against the ground truth: precision, recall and F1 of the
/// flagged set; ROC AUC and average precision of the scores (higher = more suspicious);
/// recall at k. Ties in the scores are handled exactly, and the degenerate cases (no poisons,
/// nothing or everything flagged) have defined values instead of NaN.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace poisonlab {

struct DetectionMetrics {
  std::size_t samples = 0;
  std::size_t poisons = 0;  ///< positives in the ground truth
  std::size_t flagged = 0;
  std::size_t truePositives = 0;
  double precision = 0;  ///< TP / flagged; 0 when nothing is flagged
  double recall = 0;     ///< TP / poisons; 0 when there are no poisons
  double f1 = 0;
  double auroc = 0.5;  ///< probability a random poison outscores a random clean sample (ties 1/2);
                       ///< 0.5 when either group is empty
  double averagePrecision = 0;  ///< area under the precision-recall step curve, ties as one step
  std::size_t k = 0;            ///< for recall@k: the number of poisons unless given
  double recallAtK = 0;  ///< poisons among the k highest scores / poisons (ties split evenly)
};

/// Metrics of `scores` and the `flagged` set against the ground truth `poisoned` (all the same
/// length). `k` = 0 means k = the number of poisons.
DetectionMetrics detectionMetrics(const std::vector<double>& scores,
                                  const std::vector<std::uint8_t>& flagged,
                                  const std::vector<std::uint8_t>& poisoned, std::size_t k = 0);

/// One point of a ROC or precision-recall curve.
struct CurvePoint {
  double x = 0, y = 0;
};
/// The ROC curve (false-positive rate, true-positive rate) of `scores` against `poisoned`, one
/// point per distinct score from the highest down, starting at (0, 0) and ending at (1, 1).
std::vector<CurvePoint> rocCurve(const std::vector<double>& scores,
                                 const std::vector<std::uint8_t>& poisoned);
/// The precision-recall curve (recall, precision), one point per distinct score from the
/// highest down; empty when there are no poisons.
std::vector<CurvePoint> precisionRecallCurve(const std::vector<double>& scores,
                                             const std::vector<std::uint8_t>& poisoned);
/// Precision, recall and the flagged count when every score at or above `threshold` is flagged.
DetectionMetrics metricsAtThreshold(const std::vector<double>& scores,
                                    const std::vector<std::uint8_t>& poisoned, double threshold);

/// Agreement of two scorings of the same samples: Spearman's rank correlation (average ranks
/// for ties).
double spearman(const std::vector<double>& a, const std::vector<double>& b);
/// Agreement of two flagged (or selected) sets: |A and B| / |A or B|; 1 when both are empty.
double jaccard(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);
/// The same for two ascending lists of positions.
double jaccard(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b);

}  // namespace poisonlab
