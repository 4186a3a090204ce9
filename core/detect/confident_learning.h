#pragma once
/// @file confident_learning.h
/// Label-error detection by confident learning (Northcutt, Jiang, Chuang, "Confident Learning:
/// Estimating Uncertainty in Dataset Labels", JAIR 2021; the method of the cleanlab library).
/// From out-of-sample predicted probabilities p(j | x) and the given (possibly noisy) labels:
///  - per-class thresholds t_j = the mean of p(j | x) over the samples labelled j;
///  - the confident joint C[i][j]: samples labelled i whose p(j | x) >= t_j, counted under
///    the most probable such j (a sample above no threshold is not counted). This is the
///    paper's eq. 1; cleanlab's code counts a sample above two or more thresholds under its
///    overall argmax instead, which may be a class below its threshold: we follow the paper;
///  - its calibration Q (rows scaled to the label counts, then normalised to sum 1);
///  - label issues by "prune by noise rate" (cleanlab's default filter): for every label i and
///    class j != i, the round(n Q[i][j]) samples labelled i with the largest margin
///    p(j | x) - p(i | x), except those predicted as their given label (cleanlab's rule);
///    ranked by self-confidence p(label | x), lowest first.
/// Pure arithmetic: the probabilities come from elsewhere (cl_detector.cpp).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace poisonlab {

struct ConfidentJoint {
  std::vector<double> thresholds;               ///< t_j, one per class
  std::vector<std::vector<long>> counts;        ///< C[given][confident]
  std::vector<int> confidentClass;              ///< per sample: its j, or -1 (above no threshold)
  std::vector<std::vector<double>> calibrated;  ///< Q, sums to 1
};

/// `probs` is n x k, row-major; `labels` the n given labels (0..k-1). A class with no sample
/// gets threshold 1 (cleanlab's guard against an empty class). Throws Error on mismatched sizes.
ConfidentJoint confidentJoint(const std::vector<float>& probs, const std::vector<int>& labels,
                              int classes);

struct LabelIssues {
  std::vector<std::uint8_t> issue;     ///< per sample: pruned by noise rate
  std::vector<double> selfConfidence;  ///< p(label | x)
  std::vector<double> margin;          ///< max_{j != label} p(j | x) - p(label | x)
  std::vector<std::size_t> ranked;     ///< the issues, lowest self-confidence first
  std::size_t estimatedErrors = 0;     ///< sum of the off-diagonal prune counts
};

LabelIssues findLabelIssues(const std::vector<float>& probs, const std::vector<int>& labels,
                            int classes, const ConfidentJoint& cj);

}  // namespace poisonlab
