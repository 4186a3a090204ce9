#pragma once
/// @file batches.h
/// The data pipeline as one fused pass per batch: gather by index from the uint8 data set,
/// random crop (4-pixel zero padding) and horizontal flip per sample, scale and normalise, and
/// write float32 in NCHW or channels-last layout. No per-sample torch ops.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/util/rng.h"

namespace poisonlab::nn {

/// Per-sample augmentation: where the output's top-left pixel comes from in the image (dy, dx:
/// -4..4 for a padded crop of the whole side, 0..32-side for a smaller crop) and a flip (within
/// the crop).
struct SampleAug {
  std::int8_t dy = 0, dx = 0;
  bool flip = false;
};

/// CIFAR-10 channel means and standard deviations (of the training set, 0..1 scale).
constexpr float kMean[3] = {0.4914f, 0.4822f, 0.4465f};
constexpr float kStd[3] = {0.2470f, 0.2435f, 0.2616f};

/// Builds a normalised float batch of the images `indices` of `split`, `side` x `side` pixels
/// each (a crop when smaller than the images). `aug` is empty or has one entry per index.
torch::Tensor makeBatch(const Split& split, const std::int64_t* indices, std::int64_t count,
                        const std::vector<SampleAug>& aug, bool channelsLast,
                        int side = kImageSide);

/// Draws the augmentation of `count` samples: with `side` below the image side, a random
/// `side` x `side` crop inside the image (`crop` then unused); else, with `crop`, a random shift
/// by up to 4 pixels with zero padding.
std::vector<SampleAug> drawAugmentation(std::int64_t count, bool crop, bool flip, Rng& rng,
                                        int side = kImageSide);

}  // namespace poisonlab::nn
