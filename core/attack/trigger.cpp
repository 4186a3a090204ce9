#include "core/attack/trigger.h"

#include <algorithm>

#include <cmath>
#include <sstream>

#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab {

namespace {
constexpr EnumName<TriggerType> kTriggerTypes[] = {
    {TriggerType::Pixel, "pixel"}, {TriggerType::Patch, "patch"}, {TriggerType::Blend, "blend"}};
constexpr EnumName<TriggerPattern> kPatterns[] = {{TriggerPattern::Solid, "solid"},
                                                  {TriggerPattern::Checkerboard, "checkerboard"},
                                                  {TriggerPattern::Noise, "noise"}};
}  // namespace

const char* toString(TriggerType t) { return enumToString(kTriggerTypes, t); }
const char* toString(TriggerPattern p) { return enumToString(kPatterns, p); }

TriggerType parseTriggerType(const std::string& s, const std::string& field) {
  return parseEnum(kTriggerTypes, s, field, "a trigger type");
}

TriggerPattern parseTriggerPattern(const std::string& s, const std::string& field) {
  return parseEnum(kPatterns, s, field, "a pattern");
}

TriggerSpec TriggerSpec::defaults(TriggerType type) {
  TriggerSpec t;
  t.type = type;
  if (type == TriggerType::Patch) {
    t.size = 3;
    t.row = 28;
    t.col = 28;
    t.pattern = TriggerPattern::Checkerboard;
  } else if (type == TriggerType::Blend) {
    t.size = kImageSide;
    t.row = 0;
    t.col = 0;
    t.pattern = TriggerPattern::Noise;
    t.opacity = 0.2;
  }
  return t;
}

void TriggerSpec::validate() const {
  auto fail = [](const std::string& m, const char* field) { throw Error(m, field); };
  if (size < 1 || size > kImageSide)
    fail("trigger size: " + std::to_string(size) + " is outside 1.." + std::to_string(kImageSide),
         "trigger.size");
  if (type == TriggerType::Pixel && size != 1)
    fail("trigger size: a pixel trigger has size 1, got " + std::to_string(size), "trigger.size");
  // In 64 bits: row + size must not overflow for a row near the int limit.
  if (row < 0 || static_cast<long long>(row) + size > kImageSide)
    fail("trigger position: row " + std::to_string(row) + " with size " + std::to_string(size) +
             " does not fit in a 32-pixel image (rows 0.." + std::to_string(kImageSide - size) +
             ")",
         "trigger.row");
  if (col < 0 || static_cast<long long>(col) + size > kImageSide)
    fail("trigger position: column " + std::to_string(col) + " with size " + std::to_string(size) +
             " does not fit in a 32-pixel image (columns 0.." + std::to_string(kImageSide - size) +
             ")",
         "trigger.col");
  const char* ch[3] = {"red", "green", "blue"};
  for (int c = 0; c < 3; ++c)
    if (color[c] < 0 || color[c] > 255)
      fail(std::string("trigger colour: ") + ch[c] + " value " + std::to_string(color[c]) +
               " is outside 0..255",
           "trigger.colour");
  if (!(opacity > 0.0 && opacity <= 1.0))
    fail("trigger opacity: " + std::to_string(opacity) + " is outside (0, 1]", "trigger.opacity");
  if (type != TriggerType::Blend && opacity != 1.0)
    fail("trigger opacity: only a blend trigger takes an opacity below 1", "trigger.opacity");
}

std::array<std::uint8_t, 3> TriggerSpec::patternAt(int dr, int dc) const {
  std::array<std::uint8_t, 3> out{};
  switch (pattern) {
    case TriggerPattern::Solid:
      for (int c = 0; c < 3; ++c) out[c] = static_cast<std::uint8_t>(color[c]);
      break;
    case TriggerPattern::Checkerboard: {
      const bool on = ((dr + dc) % 2) == 0;
      for (int c = 0; c < 3; ++c)
        out[c] = static_cast<std::uint8_t>(on ? color[c] : 255 - color[c]);
      break;
    }
    case TriggerPattern::Noise: {
      // One independent generator per pixel keeps any pixel computable on its own.
      Rng rng(patternSeed * 0x100000001B3ULL + static_cast<std::uint64_t>(dr * kImageSide + dc));
      for (int c = 0; c < 3; ++c) out[c] = static_cast<std::uint8_t>(rng.below(256));
      break;
    }
  }
  return out;
}

void TriggerSpec::apply(std::uint8_t* img) const {
  for (int dr = 0; dr < size; ++dr) {
    for (int dc = 0; dc < size; ++dc) {
      const auto p = patternAt(dr, dc);
      const int off = (row + dr) * kImageSide + (col + dc);
      for (int c = 0; c < 3; ++c) {
        std::uint8_t& v = img[c * kPlaneBytes + off];
        if (opacity >= 1.0) {
          v = p[c];
        } else {
          const double mixed = (1.0 - opacity) * v + opacity * p[c];
          v = static_cast<std::uint8_t>(std::lround(std::min(255.0, std::max(0.0, mixed))));
        }
      }
    }
  }
}

void TriggerSpec::applyMirrored(std::uint8_t* img) const {
  // mirror(apply(mirror(x))): exact for every trigger type, blends over the whole image too.
  auto mirror = [](std::uint8_t* im) {
    for (int c = 0; c < kChannels; ++c)
      for (int r = 0; r < kImageSide; ++r) {
        std::uint8_t* row = im + c * kPlaneBytes + r * kImageSide;
        std::reverse(row, row + kImageSide);
      }
  };
  mirror(img);
  apply(img);
  mirror(img);
}

std::string TriggerSpec::describe() const {
  std::ostringstream s;
  s << toString(type);
  if (type != TriggerType::Pixel) s << ' ' << size << 'x' << size << ' ' << toString(pattern);
  if (pattern != TriggerPattern::Noise)
    s << " (" << color[0] << ',' << color[1] << ',' << color[2] << ')';
  s << " at row " << row << ", col " << col;
  if (type == TriggerType::Blend) s << ", opacity " << opacity;
  return s.str();
}

}  // namespace poisonlab
