#pragma once
/// @file unlearn.h
/// Removing a backdoor from a trained model (Corrective Machine Unlearning): given a forget
/// set (all, a fraction, or the detected part of the poisons), produce a new model version in
/// RUN/unlearn/<name>/model.pt with a record RUN/unlearn/<name>.json. The original model is
/// never written.
///   ssd       Selective Synaptic Dampening (Foster et al., AAAI 2024): no training
///   retrain   the original recipe from scratch without the forget set (exact unlearning)
///   finetune  a few epochs on the retained set, from the original weights

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/poison.h"
#include "core/progress.h"
#include "core/training.h"

namespace poisonlab {

enum class UnlearnMethod { Ssd, Retrain, Finetune };
const char* toString(UnlearnMethod m);
UnlearnMethod parseUnlearnMethod(const std::string& s, const std::string& field = "method");

/// The training samples to forget, and where they came from.
struct ForgetSet {
  std::vector<std::int64_t> indices;  ///< ascending, unique
  std::string source;                 ///< e.g. "ground-truth:0.1", "detector:spectral", a path
  std::size_t poisons = 0;            ///< how many of them are poisons (ground truth, reported)
};

/// Resolves a forget-set spec: "ground-truth" (every poison), "ground-truth:F" (a seeded
/// fraction F of them), "detector:NAME" (the flagged samples of RUN/detect/NAME.csv), or the
/// path of a CSV of training indices (one per line, or a column named "index"). Errors name
/// the file and line.
ForgetSet resolveForgetSet(const std::string& spec, const std::string& runDir,
                           const PoisonedDataset& data, std::uint64_t seed = 0);

struct SsdOptions {
  double alpha = 10;  ///< selection: dampen where I_forget > alpha x I_full
  double lambda = 1;  ///< dampening: theta *= min(lambda x I_full / I_forget, 1)
  int batch = 64;     ///< importances are the mean over batches of squared batch gradients
};

/// Choosing alpha and lambda without the test set: a validation split held out from the
/// training images (clean ones outside the forget set, plus non-poisoned source-class images
/// with the trigger stamped on) scores every (alpha, lambda) of the grid; the gentlest setting
/// (fewest parameters dampened) whose validation ASR is at most asrTarget while validation
/// accuracy stays within accuracyBudget of the original's is used. The model has seen these
/// images in training, so their accuracy is a training accuracy: only its drop is used.
struct SsdSelection {
  bool enabled = false;
  double asrTarget = 0.05;
  double accuracyBudget = 0.02;           ///< allowed drop of validation accuracy (fraction)
  std::size_t validation = 2000;          ///< clean validation images
  std::size_t triggeredValidation = 500;  ///< triggered source-class validation images
  std::vector<double> alphas{1, 2, 5, 10, 20, 50};
  std::vector<double> lambdas{0.1, 0.5, 1};
  std::uint64_t seed = 0;
};

/// One point of the searched grid.
struct SsdGridPoint {
  double alpha = 0, lambda = 0;
  std::size_t dampened = 0;
  double validationAccuracy = 0, validationAsr = 0;
  bool meetsTarget = false;
};

struct FinetuneOptions {
  int epochs = 2;
  double lr = 0.02;  ///< peak of a one-cycle schedule (warm-up 0.25), as in training
};

struct UnlearnRequest {
  UnlearnMethod method = UnlearnMethod::Ssd;
  ForgetSet forget;
  SsdOptions ssd;
  SsdSelection select;  ///< ssd: pick alpha and lambda on a validation split first
  FinetuneOptions finetune;
  std::string name;       ///< empty = derived from method, forget source and settings
  std::string modelPath;  ///< the model to unlearn from; empty = RUN/model.pt
  Precision precision = Precision::Auto;
  int threads = 0;
  std::string device = "cpu";
};

struct UnlearnResult {
  std::string name, modelPath, jsonPath;
  std::size_t forgetSize = 0, forgetPoisons = 0;
  EvalReport before, after;
  double seconds = 0;
  std::vector<std::pair<std::string, double>> figures;  ///< method figures (times, counts)
  std::vector<SsdGridPoint> grid;                       ///< with SsdSelection: every point searched
  SsdOptions chosen;                                    ///< the SSD settings used
};

/// The default name of a request's result, e.g. "ssd-ground-truth-0.1-a10-l1".
std::string unlearnName(const UnlearnRequest& request);
std::string unlearnDir(const std::string& runDir);

/// Runs the method and writes the new model version and its record (atomically, the record
/// last). Cancel leaves the original untouched and no half-written result.
UnlearnResult unlearn(const std::string& runDir, const PoisonedDataset& data,
                      const UnlearnRequest& request, const ProgressFn& progress = {},
                      const CancelToken* cancel = nullptr);

/// The corrective sweep: every method on a seeded fraction of the ground-truth poisons.
struct SweepRow {
  UnlearnMethod method = UnlearnMethod::Ssd;
  double fraction = 1;
  UnlearnResult result;
  bool reused = false;  ///< an earlier result with the same name and settings was kept
};

/// Runs (or, with `reuse`, picks up from RUN/unlearn/<name>.json) every method at every
/// fraction; `base` supplies the methods' settings. `onRow` sees each row as it completes.
std::vector<SweepRow> unlearnSweep(const std::string& runDir, const PoisonedDataset& data,
                                   const std::vector<double>& fractions,
                                   const std::vector<UnlearnMethod>& methods,
                                   const UnlearnRequest& base, std::uint64_t seed, bool reuse,
                                   const std::function<void(const SweepRow&)>& onRow = {},
                                   const ProgressFn& progress = {},
                                   const CancelToken* cancel = nullptr);

/// Writes RUN/unlearn/sweep.csv and RUN/unlearn/sweep.png (ASR and clean accuracy against the
/// fraction of poisons found, one line per method, the original model dashed).
void writeSweep(const std::string& runDir, const std::vector<SweepRow>& rows,
                std::string* csvPath = nullptr, std::string* pngPath = nullptr);

/// Reads back the numbers of a result record (RUN/unlearn/<name>.json).
UnlearnResult readUnlearnResult(const std::string& jsonPath);

// --- SSD's parts, public for tests and for the GUI's interactive (alpha, lambda) tuning ---

/// Diagonal Fisher importances of every parameter (model order, flattened), over images
/// `indices` of `split` with their labels: mean over batches of the squared gradient of the
/// batch's mean cross-entropy, model in eval mode.
std::vector<std::vector<float>> fisherImportances(const std::string& modelPath, const Split& split,
                                                  const std::vector<std::int64_t>& indices,
                                                  int batch, Precision precision, int threads,
                                                  const ProgressFn& progress = {},
                                                  const CancelToken* cancel = nullptr);

struct DampeningStats {
  std::size_t parameters = 0;  ///< values in the model
  std::size_t selected = 0;    ///< values where I_forget > alpha x I_full
};

/// Applies SSD's dampening to the model in `modelIn` and saves it to `modelOut`.
DampeningStats dampen(const std::string& modelIn, const std::string& modelOut,
                      const std::vector<std::vector<float>>& full,
                      const std::vector<std::vector<float>>& forget, const SsdOptions& options);

}  // namespace poisonlab
