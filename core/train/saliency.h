#pragma once
/// @file saliency.h
/// Where a model looks: gradient saliency (Simonyan et al., 2014) and Grad-CAM on the last
/// stage (Selvaraju et al., ICCV 2017) for one image, as a 32 x 32 map in [0, 1], plain C++ at
/// the edge. Shown over a sample so an advisor sees the network attend to the trigger pixel.

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace poisonlab {

enum class SaliencyMethod {
  Gradient,  ///< |d logit / d input|, the largest over the three channels
  GradCam,   ///< ReLU of the last stage's channels weighted by their mean gradient, upsampled
};
const char* toString(SaliencyMethod m);

struct SaliencyMap {
  SaliencyMethod method = SaliencyMethod::Gradient;
  int cls = 0;       ///< the class whose logit was explained
  float maxRaw = 0;  ///< the largest raw value before scaling to [0, 1]
  int peakRow = 0;   ///< where the map is largest
  int peakCol = 0;
  std::vector<float> values;  ///< 32 x 32, row-major, in [0, 1]
};

/// The saliency of image `index` of `split` for class `cls` (-1 = the model's prediction),
/// computed in fp32 on the CPU. Throws Error naming a bad model file or index.
SaliencyMap saliency(const std::string& modelPath, const Split& split, std::int64_t index,
                     SaliencyMethod method, int cls = -1);

}  // namespace poisonlab
