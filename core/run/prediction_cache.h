#pragma once
/// @file prediction_cache.h
/// A model's class probabilities for every training image of a run, cached in the run folder
/// (RUN/cache/probabilities-train-<md5 of the model file>-<precision>.npy), so that a run
/// opens with its predictions at once after the first time. A changed model file has another
/// md5 and so another cache file; the cache is written atomically.

#include <string>
#include <vector>

#include "core/train/inference.h"
#include "core/attack/poison.h"

namespace poisonlab {

/// Softmax probabilities (N x classes, row-major) of `modelPath` for the run's training images,
/// from the cache when it holds them (`fromCache` tells which), else computed and cached.
std::vector<float> trainingProbabilities(const std::string& runDir, const std::string& modelPath,
                                         const PoisonedDataset& data,
                                         const InferenceOptions& options = {},
                                         const ProgressFn& progress = {},
                                         const CancelToken* cancel = nullptr,
                                         bool* fromCache = nullptr);

}  // namespace poisonlab
