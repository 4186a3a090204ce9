#include "core/nn/batches.h"

#include <ATen/Parallel.h>

namespace poisonlab::nn {

std::vector<SampleAug> drawAugmentation(std::int64_t count, bool crop, bool flip, Rng& rng) {
  std::vector<SampleAug> out(static_cast<std::size_t>(count));
  for (auto& a : out) {
    if (crop) {
      a.dy = static_cast<std::int8_t>(static_cast<int>(rng.below(9)) - 4);
      a.dx = static_cast<std::int8_t>(static_cast<int>(rng.below(9)) - 4);
    }
    if (flip) a.flip = rng.below(2) == 1;
  }
  return out;
}

torch::Tensor makeBatch(const Split& split, const std::int64_t* indices, std::int64_t count,
                        const std::vector<SampleAug>& aug, bool channelsLast) {
  const auto format =
      channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
  torch::Tensor out =
      torch::empty({count, kChannels, kImageSide, kImageSide},
                   torch::TensorOptions().dtype(torch::kFloat32).memory_format(format));
  float* dst = out.data_ptr<float>();
  // Element (c, r, x) of sample i sits at i*3072 + offset(c, r, x) in either layout.
  const std::int64_t sc = channelsLast ? 1 : kPlaneBytes;
  const std::int64_t sr = channelsLast ? kImageSide * kChannels : kImageSide;
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
      float* o = dst + i * kImageBytes;
      for (int c = 0; c < kChannels; ++c) {
        const float zero = shift[c];  // a padded (zero) pixel after normalisation
        for (int r = 0; r < kImageSide; ++r) {
          const int sy = r + a.dy;
          float* row = o + c * sc + r * sr;
          if (sy < 0 || sy >= kImageSide) {
            for (int x = 0; x < kImageSide; ++x) row[x * sx] = zero;
            continue;
          }
          const std::uint8_t* srow = src + c * kPlaneBytes + sy * kImageSide;
          for (int x = 0; x < kImageSide; ++x) {
            const int cx = (a.flip ? kImageSide - 1 - x : x) + a.dx;
            row[x * sx] = (cx < 0 || cx >= kImageSide) ? zero : srow[cx] * scale[c] + shift[c];
          }
        }
      }
    }
  });
  return out;
}

}  // namespace poisonlab::nn
