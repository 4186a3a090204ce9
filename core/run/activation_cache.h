#pragma once
/// @file activation_cache.h
/// A model's activations of the run's training images, computed once per model file (its md5),
/// precision and layer, and kept in RUN/cache/activations-<md5>-<precision>-<layer>.npy for every
/// detector, the window and exports to reuse. On a miss, one forward pass over the training set
/// computes the asked layer together with the layers the detectors and views use by default (the
/// last block's input for Spectral Signatures, the pooled features for Activation Clustering and
/// influence, the logits behind the window's predictions) and caches each: the second detector on
/// a model reads its features instead of running the network again.
///
/// The cache is bounded: files of a run's activation cache together stay under
/// activationCacheLimitBytes() (the oldest go first); a layer larger than the bound alone is
/// streamed from the network as before and not kept. Writes are atomic; a damaged cache file is
/// recomputed.

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/poison.h"
#include "core/train/inference.h"
#include "core/util/progress.h"

namespace poisonlab {

/// $POISONLAB_CACHE_GB (a number of GiB, 0 = no activation cache) or 8 GiB.
std::uint64_t activationCacheLimitBytes();

/// The cache file of one layer.
std::string activationCachePath(const std::string& runDir, const std::string& modelMd5,
                                Precision precision, const std::string& layer);

/// How a request was served.
struct ActivationSource {
  bool fromCache = false;  ///< read from RUN/cache/
  bool cached = false;     ///< computed now and kept for the next one
  double seconds = 0;      ///< computing or reading
};

/// Activations of `layer` of `modelPath` for the training images `indices` (all when empty) in
/// batches, as forEachActivationBatch streams them; from the run's cache when it has them, else
/// computed (with the default layers beside them) and cached. `runDir` empty: no cache.
void forEachTrainingActivationBatch(const std::string& runDir, const std::string& modelPath,
                                    const PoisonedDataset& data, const std::string& layer,
                                    const std::vector<std::int64_t>& indices,
                                    const InferenceOptions& options, const ActivationBatchFn& fn,
                                    const ProgressFn& progress = {},
                                    const CancelToken* cancel = nullptr,
                                    ActivationSource* source = nullptr);

/// The same, gathered into one matrix.
LayerActivations trainingActivations(const std::string& runDir, const std::string& modelPath,
                                     const PoisonedDataset& data, const std::string& layer,
                                     const std::vector<std::int64_t>& indices,
                                     const InferenceOptions& options,
                                     const ProgressFn& progress = {},
                                     const CancelToken* cancel = nullptr,
                                     ActivationSource* source = nullptr);

}  // namespace poisonlab
