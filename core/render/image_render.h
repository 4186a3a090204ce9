#pragma once
/// @file image_render.h
/// Renders a sample as a picture: enlarged with nearest-neighbour scaling, optionally with the
/// trigger's square outlined, encoded as PNG.

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/trigger.h"

namespace poisonlab {

/// Enlarges one planar 3 x 32 x 32 image by `scale` (1..64) and returns an interleaved RGB
/// buffer of (32*scale)^2 * 3 bytes. With `mark`, draws an outline around the trigger square.
std::vector<std::uint8_t> renderRgb(const std::uint8_t* chwImage, int scale,
                                    const TriggerSpec* mark = nullptr);

/// renderRgb encoded as PNG bytes.
std::vector<std::uint8_t> renderPng(const std::uint8_t* chwImage, int scale,
                                    const TriggerSpec* mark = nullptr);

/// A 32 x 32 saliency map (row-major, values in [0, 1]) blended over one planar image with
/// OpenCV's JET colour map (blue low, red high): `alpha` of the heat, the rest the image.
/// Returns interleaved RGB, 32 * 32 * 3 bytes. Throws Error for a map of another size.
std::vector<std::uint8_t> heatmapOverlayRgb(const std::uint8_t* chwImage,
                                            const std::vector<float>& map, double alpha = 0.55);

}  // namespace poisonlab
