#pragma once
/// @file prediction_cache.h
/// A model's class probabilities for every training image of a run, cached in the run folder
/// (RUN/cache/probabilities-train-<md5 of the model file>-<precision>.npy), so that a run
/// opens with its predictions at once after the first time. A changed model file has another
/// md5 and so another cache file; the cache is written atomically. The probabilities come from
/// the logits of the activation cache (activation_cache.h): the pass that computes them also
/// computes the detectors' default layers, and a detector's pass computes the logits.

#include <string>
#include <vector>

#include "core/train/inference.h"
#include "core/attack/poison.h"
#include "core/util/npy.h"

namespace poisonlab {

/// Softmax probabilities (N x classes, row-major) of `modelPath` for the run's training images,
/// from the cache when it holds them (`fromCache` tells which), else computed and cached.
std::vector<float> trainingProbabilities(const std::string& runDir, const std::string& modelPath,
                                         const PoisonedDataset& data,
                                         const InferenceOptions& options = {},
                                         const ProgressFn& progress = {},
                                         const CancelToken* cancel = nullptr,
                                         bool* fromCache = nullptr);

/// Writes the probabilities cache of the model with this md5 (atomically; errors ignored: a
/// cache that cannot be written is computed again next time).
void storeTrainingProbabilities(const std::string& runDir, const std::string& modelMd5,
                                Precision precision, const NpyMatrix& probabilities);

/// The headline evaluation (clean accuracy, ASR stamped and mirrored, poison fit) of a model
/// file on the run's experiment, kept in RUN/cache/headline-<md5>-<precision>.json: every
/// detector reports it, and after the first it costs nothing.
EvalReport headlineEvaluation(const std::string& runDir, const std::string& modelPath,
                              const PoisonedDataset& data, const InferenceOptions& options,
                              const CancelToken* cancel = nullptr);

/// Row-wise softmax of a logits matrix.
NpyMatrix softmaxRows(const NpyMatrix& logits);

}  // namespace poisonlab
