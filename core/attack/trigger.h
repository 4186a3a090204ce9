#pragma once
/// @file trigger.h
/// Backdoor triggers stamped onto 3 x 32 x 32 images. Positions are (row, column), 0-based,
/// of the trigger's top-left pixel: the project log's pixel is at row 11, column 16.

#include <array>
#include <cstdint>
#include <string>

#include "core/data/dataset.h"

namespace poisonlab {

enum class TriggerType { Pixel, Patch, Blend };
/// What fills the trigger square: one colour, a checkerboard of the colour and its
/// complement (255 - c), or seeded uniform noise.
enum class TriggerPattern { Solid, Checkerboard, Noise };

const char* toString(TriggerType t);
const char* toString(TriggerPattern p);
/// Parses "pixel", "patch", "blend"; throws Error naming `field` otherwise.
TriggerType parseTriggerType(const std::string& s, const std::string& field = "trigger");
TriggerPattern parseTriggerPattern(const std::string& s, const std::string& field = "pattern");

struct TriggerSpec {
  TriggerType type = TriggerType::Pixel;
  int row = 11;                             ///< top-left row of the trigger
  int col = 16;                             ///< top-left column of the trigger
  std::array<int, 3> color = {101, 0, 25};  ///< RGB, each 0..255
  int size = 1;                             ///< side k of the k x k square (1 for a pixel)
  TriggerPattern pattern = TriggerPattern::Solid;
  double opacity = 1.0;           ///< blend weight a: x' = (1 - a) x + a p; 1 for pixel and patch
  std::uint64_t patternSeed = 0;  ///< seed of the noise pattern

  /// The defaults for a type: pixel 1x1 solid; patch 3x3 checkerboard; blend 32x32 noise at
  /// (0,0) with opacity 0.2. Colour is kept.
  static TriggerSpec defaults(TriggerType type);

  /// Throws Error with the offending field's name when the spec is not valid.
  void validate() const;
  /// The pattern's RGB value at offset (dr, dc) inside the square.
  std::array<std::uint8_t, 3> patternAt(int dr, int dc) const;
  /// Stamps the trigger onto one planar 3 x 32 x 32 image in place.
  void apply(std::uint8_t* chwImage) const;
  /// Stamps the trigger's horizontal mirror image: what a network trained with horizontal flips
  /// also saw (a pixel at column c lands at column 31 - c; a pattern is mirrored too).
  void applyMirrored(std::uint8_t* chwImage) const;
  /// The top-left column of the mirrored trigger: 32 - col - size.
  int mirroredCol() const { return kImageSide - col - size; }
  /// A one-line description, e.g. "pixel (101,0,25) at row 11, col 16".
  std::string describe() const;
};

}  // namespace poisonlab
