#pragma once
/// @file trigger.h
/// Backdoor triggers stamped onto 3 x 32 x 32 images. Positions are (row, column), 0-based,
/// of the trigger's top-left pixel: the project log's pixel is at row 11, column 16.
/// The three triggers of FLIP (Jha, Hayase, Oh, NeurIPS 2023; shared/docs/FLIP.md section 2)
/// are fixed by that paper: `sinusoid` (1xs), `three-pixel` (3xp, one of three pixels per
/// image, chosen by the image's index) and `corners` (4xl); position, colour, size and
/// pattern do not apply to them.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace poisonlab {

enum class TriggerType { Pixel, Patch, Blend, Sinusoid, ThreePixel, Corners };
/// What fills the trigger square: one colour, a checkerboard of the colour and its
/// complement (255 - c), or seeded uniform noise.
enum class TriggerPattern { Solid, Checkerboard, Noise };

const char* toString(TriggerType t);
const char* toString(TriggerPattern p);
/// Parses "pixel", "patch", "blend", "sinusoid", "three-pixel", "corners" and FLIP's names
/// "1xs", "3xp", "4xl"; throws Error naming `field` otherwise.
TriggerType parseTriggerType(const std::string& s, const std::string& field = "trigger");
/// FLIP's name of a FLIP trigger ("1xs", "3xp", "4xl"), else nullptr.
const char* flipName(TriggerType t);
/// True for the triggers FLIP defines (no position, colour, size or pattern of their own).
inline bool isFlipTrigger(TriggerType t) {
  return t == TriggerType::Sinusoid || t == TriggerType::ThreePixel || t == TriggerType::Corners;
}
/// The 3xp trigger's choice for image `index`: numpy's RandomState(index + 1).choice(3)
/// (MT19937 seeded by init_genrand, a masked draw), the reference code's sequence.
int threePixelChoice(std::size_t index);

/// A rectangle a trigger changes (rows row..row+height-1, columns col..col+width-1).
struct TriggerMark {
  int row = 0, col = 0, height = 1, width = 1;
};

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
  /// Stamps the trigger onto one planar 3 x 32 x 32 image in place. `imageIndex` is the
  /// image's place in the set being triggered; only three-pixel reads it.
  void apply(std::uint8_t* chwImage, std::size_t imageIndex = 0) const;
  /// Stamps the trigger's horizontal mirror image: what a network trained with horizontal flips
  /// also saw (a pixel at column c lands at column 31 - c; a pattern is mirrored too; the
  /// sinusoid's stripes are negated).
  void applyMirrored(std::uint8_t* chwImage, std::size_t imageIndex = 0) const;
  /// What an overlay outlines: the square of pixel, patch and blend; the four corner squares;
  /// the chosen pixel of three-pixel (all three when `imageIndex` is kAnyImage); the columns
  /// the sinusoid raises (its crests). `mirrored`: the marks of applyMirrored.
  static constexpr std::size_t kAnyImage = static_cast<std::size_t>(-1);
  std::vector<TriggerMark> marks(std::size_t imageIndex = kAnyImage, bool mirrored = false) const;
  /// The top-left column of the mirrored trigger: 32 - col - size.
  int mirroredCol() const { return kImageSide - col - size; }
  /// A one-line description, e.g. "pixel (101,0,25) at row 11, col 16".
  std::string describe() const;
};

}  // namespace poisonlab
