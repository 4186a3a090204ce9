#pragma once
/// @file ssd_selection.h
/// Choosing SSD's alpha and lambda with only what a defender has: the model, the training data
/// as labelled and the forget set. Never the test set, the ground truth, the true source class
/// or the true trigger.
///
/// The forget set is split into folds. For each fold, the forget importances are computed
/// without it, the model is dampened, and the held-out samples (in both orientations when the
/// recipe flips) are classified: a sample still predicted as its training label is a backdoor
/// still in place ("held-out forget fit"). Clean accuracy is measured on training images
/// outside the forget set, as labelled (unfound poisons may be among them: that is the
/// defender's reality), with the model dampened by the whole forget set. The gentlest setting
/// (fewest values dampened) whose held-out fit is at most `target` while that accuracy stays
/// within `accuracyBudget` of the original's is used.
///
/// The oracle mode, for analysis only, validates with the ground truth instead (non-poisoned
/// source-class training images with the true trigger stamped on: a validation ASR) and says
/// "oracle" in its record and every table.

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/poison.h"
#include "core/train/inference.h"
#include "core/unlearn/forget_set.h"
#include "core/unlearn/ssd.h"
#include "core/util/progress.h"

namespace poisonlab {

struct SsdSelection {
  bool enabled = false;
  bool oracle = false;            ///< analysis only: validate with the ground truth
  double target = 0.05;           ///< held-out forget fit (oracle: validation ASR) to reach
  double accuracyBudget = 0.02;   ///< allowed drop of the clean validation accuracy (fraction)
  std::size_t validation = 2000;  ///< clean-accuracy images outside the forget set
  int folds = 5;                  ///< forget-set folds (fewer when the forget set is smaller)
  std::size_t triggeredValidation = 500;  ///< oracle only: triggered source-class images
  std::vector<double> alphas{1, 2, 5, 10, 20, 50};
  std::vector<double> lambdas{0.1, 0.5, 1};
  std::uint64_t seed = 0;
};

/// One point of the searched grid.
struct SsdGridPoint {
  double alpha = 0, lambda = 0;
  std::size_t dampened = 0;
  double validationAccuracy = 0;
  double validationBackdoor = 0;  ///< held-out forget fit, or (oracle) validation ASR
  bool meetsTarget = false;
};

struct SsdSelectionResult {
  SsdOptions chosen;
  std::vector<SsdGridPoint> grid;
  std::string mode;             ///< "held-out-forget" or "oracle"
  std::string backdoorMeasure;  ///< what validationBackdoor is, in words
  double accuracyBefore = 0, backdoorBefore = 0;
  bool targetMet = false;
  std::size_t validationImages = 0;  ///< clean-accuracy images
  std::size_t backdoorImages = 0;    ///< held-out forget images (both orientations) or triggered
  int folds = 0;
  double seconds = 0;
};

/// Searches the grid of `selection` and returns the chosen setting with the whole grid.
/// `full` and `forget` are the importances of the training set and the whole forget set;
/// `fisher` says how forget importances are computed (the folds' too). Candidate models are
/// written into `scratchDir` and removed.
SsdSelectionResult selectSsd(const std::string& modelPath, const PoisonedDataset& data,
                             const ForgetSet& forget, const Importances& full,
                             const Importances& forgetImportances, const SsdOptions& base,
                             const SsdSelection& selection, const FisherOptions& fisher,
                             const InferenceOptions& inference, const std::string& scratchDir,
                             const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

}  // namespace poisonlab
