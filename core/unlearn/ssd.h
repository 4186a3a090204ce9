#pragma once
/// @file ssd.h
/// Selective Synaptic Dampening (Foster, Schoepf & Brintrup, AAAI 2024), its two parts: the
/// diagonal Fisher importances of every parameter over a set of images, and the dampening of
/// the parameters that matter far more to the forget set than to the whole training set.
/// Public for the tests and for the GUI's interactive (alpha, lambda) tuning.

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/train/training.h"
#include "core/util/progress.h"

namespace poisonlab {

struct SsdOptions {
  double alpha = 10;  ///< selection: dampen where I_forget > alpha x I_full
  double lambda = 1;  ///< dampening: theta *= min(lambda x I_full / I_forget, 1)
  int batch = 64;     ///< importances are the mean over batches of squared batch gradients
};

/// How an importance pass shows the images to the network. A recipe with horizontal flips
/// trained on both orientations, so its backdoor also answers to the mirrored trigger; the
/// importances must see the images the way training did.
enum class Orientation {
  AsIs,        ///< every image as stored
  Both,        ///< every image twice: as stored and mirrored (the exact flip expectation)
  RandomFlip,  ///< every image once, mirrored with probability 1/2 (seeded), as in training
};
const char* toString(Orientation o);

struct FisherOptions {
  int batch = 64;
  Precision precision = Precision::Fp32;
  int threads = 0;
  Orientation orientation = Orientation::AsIs;
  std::uint64_t seed = 0;  ///< RandomFlip's coin
  /// The loss whose gradients are squared: the cross-entropy the model was trained with. A
  /// model trained on smoothed targets sits at the minimum of the smoothed loss, so the hard
  /// one has a gradient on every fitted image and spreads the importances (BENCHMARKS.md).
  double labelSmoothing = 0;
};

/// Parameter-wise importances in model order, each flattened in logical (NCHW) order.
using Importances = std::vector<std::vector<float>>;

/// Diagonal Fisher importances over images `indices` of `split` with their labels: mean over
/// batches of the squared gradient of the batch's mean cross-entropy (with the options' label
/// smoothing), model in eval mode.
Importances fisherImportances(const std::string& modelPath, const Split& split,
                              const std::vector<std::int64_t>& indices,
                              const FisherOptions& options, const ProgressFn& progress = {},
                              const CancelToken* cancel = nullptr);

struct DampeningStats {
  std::size_t parameters = 0;  ///< values in the model
  std::size_t selected = 0;    ///< values where I_forget > alpha x I_full
};

/// Applies SSD's dampening to the model in `modelIn` and saves it to `modelOut`: every value
/// with I_forget > alpha x I_full is multiplied by min(lambda x I_full / I_forget, 1).
DampeningStats dampen(const std::string& modelIn, const std::string& modelOut,
                      const Importances& full, const Importances& forget,
                      const SsdOptions& options);

/// Which values `dampen` would select, as flat positions over the whole model (ascending): to
/// compare the dampened sets of two settings or two precisions.
std::vector<std::size_t> selectedParameters(const Importances& full, const Importances& forget,
                                            double alpha);

}  // namespace poisonlab
