#pragma once
/// @file inference.h
/// Running a saved model on images, with plain C++ results (no torch at the edge): predictions,
/// class probabilities and the activations of any named layer.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/train/model_spec.h"
#include "core/util/progress.h"
#include "core/train/training.h"

namespace poisonlab {

/// Activations of one layer for N samples, flattened to D values each, row-major N x D.
struct LayerActivations {
  std::string layer;
  std::size_t count = 0;
  std::size_t dim = 0;
  std::vector<float> values;
};

struct InferenceOptions {
  std::string device = "cpu";
  Precision precision = Precision::Fp32;  ///< fp32 by default: exact features for analysis
  int threads = 0;
  /// Images per forward pass; 0 = the machine's best: as many as fit the CPU's L2 cache (16 for
  /// fp32 and 32 for bf16 at width 32 on 2 cores with 1 MiB each), 256 on CUDA.
  int batch = 0;
};

/// Called for each batch of activations: `rows` holds n x dim floats for the samples at
/// positions first..first+n-1 of the requested index list.
using ActivationBatchFn =
    std::function<void(const float* rows, std::size_t first, std::size_t n, std::size_t dim)>;

/// The weights of the classifier (the "fc" layer): logits = weight . h + bias.
struct ClassifierWeights {
  int classes = 0;
  int dim = 0;
  std::vector<float> weight;  ///< classes x dim, row-major
  std::vector<float> bias;    ///< classes
};

/// The architecture stored in a model file (throws Error naming a bad file).
ModelSpec modelSpecOf(const std::string& modelPath);

/// The classifier layer's weights of a model file.
ClassifierWeights readClassifier(const std::string& modelPath);

/// Every parameter value of a model file, flattened in model order (for comparing versions).
std::vector<float> modelParameterValues(const std::string& modelPath);

/// Number of trainable parameters of the network `spec` describes.
std::int64_t parameterCount(const ModelSpec& spec);

/// The activations of `layer` (see ModelSpec::layerNames) of the model in `modelPath` for
/// images `indices` of `split` (all when empty), computed in batches under inference mode.
LayerActivations layerActivations(const std::string& modelPath, const Split& split,
                                  const std::string& layer,
                                  const std::vector<std::int64_t>& indices = {},
                                  const InferenceOptions& options = {},
                                  const ProgressFn& progress = {},
                                  const CancelToken* cancel = nullptr);

/// Same, streamed: `fn` receives each batch as it is computed, so N x D never has to be held at
/// once (a 16,384-wide layer over 50,000 images is 3.3 GB).
void forEachActivationBatch(const std::string& modelPath, const Split& split,
                            const std::string& layer, const std::vector<std::int64_t>& indices,
                            const InferenceOptions& options, const ActivationBatchFn& fn,
                            const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

/// Several layers from one forward pass: `fn(k, rows, first, n, dim)` for layer `layers[k]`.
using LayersBatchFn = std::function<void(std::size_t layer, const float* rows, std::size_t first,
                                         std::size_t n, std::size_t dim)>;
void forEachLayersBatch(const std::string& modelPath, const Split& split,
                        const std::vector<std::string>& layers,
                        const std::vector<std::int64_t>& indices, const InferenceOptions& options,
                        const LayersBatchFn& fn, const ProgressFn& progress = {},
                        const CancelToken* cancel = nullptr);

/// Softmax class probabilities (N x classes, row-major) of the model for images of `split`.
std::vector<float> classProbabilities(const std::string& modelPath, const Split& split,
                                      const std::vector<std::int64_t>& indices = {},
                                      const InferenceOptions& options = {},
                                      const ProgressFn& progress = {},
                                      const CancelToken* cancel = nullptr);

}  // namespace poisonlab
