#include "core/nn/batches.h"

#include <ATen/Parallel.h>

#include <string>

#include "core/util/error.h"

namespace poisonlab::nn {

std::vector<SampleAug> drawAugmentation(std::int64_t count, bool crop, bool flip, Rng& rng,
                                        int side) {
  std::vector<SampleAug> out(static_cast<std::size_t>(count));
  const auto slack = static_cast<std::uint64_t>(kImageSide - side + 1);
  for (auto& a : out) {
    if (side < kImageSide) {
      a.dy = static_cast<std::int8_t>(rng.below(slack));
      a.dx = static_cast<std::int8_t>(rng.below(slack));
    } else if (crop) {
      a.dy = static_cast<std::int8_t>(static_cast<int>(rng.below(9)) - 4);
      a.dx = static_cast<std::int8_t>(static_cast<int>(rng.below(9)) - 4);
    }
    if (flip) a.flip = rng.below(2) == 1;
  }
  return out;
}

torch::Tensor makeBatch(const Split& split, const std::int64_t* indices, std::int64_t count,
                        const std::vector<SampleAug>& aug, bool channelsLast, int side) {
  if (side < 1 || side > kImageSide)
    throw Error("makeBatch: side " + std::to_string(side) + " is outside 1..32");
  const auto format =
      channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
  torch::Tensor out =
      torch::empty({count, kChannels, side, side},
                   torch::TensorOptions().dtype(torch::kFloat32).memory_format(format));
  float* dst = out.data_ptr<float>();
  // Element (c, r, x) of sample i sits at i*3*side*side + offset(c, r, x) in either layout.
  const std::int64_t plane = std::int64_t{side} * side, sampleFloats = kChannels * plane;
  const std::int64_t sc = channelsLast ? 1 : plane;
  const std::int64_t sr = channelsLast ? std::int64_t{side} * kChannels : side;
  const std::int64_t sx = channelsLast ? kChannels : 1;
  float scale[3], shift[3];
  for (int c = 0; c < 3; ++c) {
    scale[c] = 1.0f / (255.0f * kStd[c]);
    shift[c] = -kMean[c] / kStd[c];
  }
  at::parallel_for(0, count, 16, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) {
      const std::uint8_t* src = split.image(static_cast<std::size_t>(indices[i]));
      const SampleAug a = aug.empty() ? SampleAug{} : aug[static_cast<std::size_t>(i)];
      float* o = dst + i * sampleFloats;
      for (int c = 0; c < kChannels; ++c) {
        const float zero = shift[c];  // a padded (zero) pixel after normalisation
        for (int r = 0; r < side; ++r) {
          const int sy = r + a.dy;
          float* row = o + c * sc + r * sr;
          if (sy < 0 || sy >= kImageSide) {
            for (int x = 0; x < side; ++x) row[x * sx] = zero;
            continue;
          }
          const std::uint8_t* srow = src + c * kPlaneBytes + sy * kImageSide;
          for (int x = 0; x < side; ++x) {
            const int cx = (a.flip ? side - 1 - x : x) + a.dx;
            row[x * sx] = (cx < 0 || cx >= kImageSide) ? zero : srow[cx] * scale[c] + shift[c];
          }
        }
      }
    }
  });
  return out;
}

}  // namespace poisonlab::nn
