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

#include "core/attack/poison.h"
#include "core/train/training.h"
#include "core/unlearn/forget_set.h"
#include "core/unlearn/ssd.h"
#include "core/unlearn/ssd_selection.h"
#include "core/util/progress.h"

namespace poisonlab {

enum class UnlearnMethod { Ssd, Retrain, Finetune };
const char* toString(UnlearnMethod m);
UnlearnMethod parseUnlearnMethod(const std::string& s, const std::string& field = "method");

struct FinetuneOptions {
  int epochs = 2;
  double lr = 0.02;  ///< peak of a one-cycle schedule (warm-up 0.25), as in training
};

struct UnlearnRequest {
  UnlearnMethod method = UnlearnMethod::Ssd;
  ForgetSet forget;
  SsdOptions ssd;
  SsdSelection select;  ///< ssd: pick alpha and lambda without the test set first
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
  SsdSelectionResult selection;  ///< with SsdSelection: the search and every point of its grid
  SsdOptions chosen;             ///< the SSD settings used
  std::string originalModelMd5;  ///< the model it was derived from (empty in old records)
};

/// The default name of a request's result, e.g. "ssd-ground-truth-0.1-a10-l1".
std::string unlearnName(const UnlearnRequest& request);
std::string unlearnDir(const std::string& runDir);

/// Runs the method and writes the new model version and its record (atomically, the record
/// last). Cancel leaves the original untouched and no half-written result.
UnlearnResult unlearn(const std::string& runDir, const PoisonedDataset& data,
                      const UnlearnRequest& request, const ProgressFn& progress = {},
                      const CancelToken* cancel = nullptr);

/// How an importance pass must see the run's images: both orientations (forget set) or a random
/// flip (whole training set) when the recipe of RUN/metrics.json flips, as is otherwise.
FisherOptions fisherOptionsFor(const std::string& runDir, const UnlearnRequest& request,
                               bool forgetSet);

/// The whole training set's importances of a model, cached per model file and settings in
/// RUN/unlearn/cache/ (SSD's expensive half: later (alpha, lambda) pairs cost seconds).
Importances cachedFullImportances(const std::string& runDir, const std::string& modelPath,
                                  const PoisonedDataset& data, const FisherOptions& options,
                                  bool* cached = nullptr, const ProgressFn& progress = {},
                                  const CancelToken* cancel = nullptr);

/// Reads back the numbers of a result record (RUN/unlearn/<name>.json).
UnlearnResult readUnlearnResult(const std::string& jsonPath);

}  // namespace poisonlab
