#include "core/attack/trigger.h"

#include <algorithm>

#include <cmath>
#include <random>
#include <sstream>

#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab {

namespace {
constexpr EnumName<TriggerType> kTriggerTypes[] = {{TriggerType::Pixel, "pixel"},
                                                   {TriggerType::Patch, "patch"},
                                                   {TriggerType::Blend, "blend"},
                                                   {TriggerType::Sinusoid, "sinusoid"},
                                                   {TriggerType::ThreePixel, "three-pixel"},
                                                   {TriggerType::Corners, "corners"}};
constexpr EnumName<TriggerType> kFlipNames[] = {{TriggerType::Sinusoid, "1xs"},
                                                {TriggerType::ThreePixel, "3xp"},
                                                {TriggerType::Corners, "4xl"}};

// FLIP's 3xp: (row, col) and colour of each of the three pixels (FLIP.md section 2).
struct FlipPixel {
  int row, col;
  std::uint8_t rgb[3];
};
constexpr FlipPixel kThreePixels[3] = {
    {16, 11, {101, 0, 25}}, {27, 5, {101, 123, 121}}, {7, 30, {0, 36, 54}}};

// FLIP's 4xl: the top-left 3x3 corner (1 = white 255, 0 = black); the other corners are its
// mirror images, so the whole pattern is its own horizontal mirror.
constexpr int kCorner[3][3] = {{1, 0, 1}, {0, 1, 0}, {1, 0, 0}};
constexpr int kCornerSide = 3;

// FLIP's 1xs: x' = floor(clip(x + 6 sin(m_c), 0, 255)) with m = numpy.linspace(0, 16 pi, 32),
// in double precision as numpy computes it (the last point is exactly 16 pi, whose sine is
// -1.96e-15: a value of 100 becomes 99 in column 31, as in the reference).
constexpr double kStripeStrength = 6.0;
constexpr int kStripePeriods = 16;
double stripeOffset(int col) {
  const double stop = kStripePeriods * M_PI;
  const double x = col == kImageSide - 1 ? stop : col * (stop / (kImageSide - 1));
  return kStripeStrength * std::sin(x);
}
constexpr EnumName<TriggerPattern> kPatterns[] = {{TriggerPattern::Solid, "solid"},
                                                  {TriggerPattern::Checkerboard, "checkerboard"},
                                                  {TriggerPattern::Noise, "noise"}};
}  // namespace

const char* toString(TriggerType t) { return enumToString(kTriggerTypes, t); }
const char* toString(TriggerPattern p) { return enumToString(kPatterns, p); }

TriggerType parseTriggerType(const std::string& s, const std::string& field) {
  for (const auto& f : kFlipNames)
    if (s == f.name) return f.value;
  try {
    return parseEnum(kTriggerTypes, s, field, "a trigger type");
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; FLIP's names 1xs, 3xp and 4xl are accepted too",
                e.field());
  }
}

const char* flipName(TriggerType t) {
  for (const auto& f : kFlipNames)
    if (f.value == t) return f.name;
  return nullptr;
}

int threePixelChoice(std::size_t index) {
  // numpy's legacy RandomState(seed) with an integer seed is MT19937's init_genrand, which is
  // what std::mt19937(seed) does; choice(3) is randint(0, 3): 32-bit draws masked to 2 bits,
  // rejected while above 2.
  std::mt19937 mt(static_cast<std::uint32_t>(index + 1));
  std::uint32_t v;
  do v = mt() & 3u;
  while (v > 2);
  return static_cast<int>(v);
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

void TriggerSpec::apply(std::uint8_t* img, std::size_t imageIndex) const {
  switch (type) {
    case TriggerType::Sinusoid:
      for (int c = 0; c < kImageSide; ++c) {
        const double off = stripeOffset(c);
        for (int ch = 0; ch < kChannels; ++ch)
          for (int r = 0; r < kImageSide; ++r) {
            std::uint8_t& v = img[ch * kPlaneBytes + r * kImageSide + c];
            v = static_cast<std::uint8_t>(std::floor(std::clamp(v + off, 0.0, 255.0)));
          }
      }
      return;
    case TriggerType::ThreePixel: {
      const FlipPixel& p = kThreePixels[threePixelChoice(imageIndex)];
      for (int ch = 0; ch < kChannels; ++ch)
        img[ch * kPlaneBytes + p.row * kImageSide + p.col] = p.rgb[ch];
      return;
    }
    case TriggerType::Corners:
      for (int dr = 0; dr < kCornerSide; ++dr)
        for (int dc = 0; dc < kCornerSide; ++dc) {
          const std::uint8_t v = kCorner[dr][dc] ? 255 : 0;
          const int last = kImageSide - 1;
          for (int r : {dr, last - dr})
            for (int c : {dc, last - dc})
              for (int ch = 0; ch < kChannels; ++ch) img[ch * kPlaneBytes + r * kImageSide + c] = v;
        }
      return;
    default:
      break;
  }
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

void TriggerSpec::applyMirrored(std::uint8_t* img, std::size_t imageIndex) const {
  // mirror(apply(mirror(x))): exact for every trigger type, blends over the whole image too.
  auto mirror = [](std::uint8_t* im) {
    for (int c = 0; c < kChannels; ++c)
      for (int r = 0; r < kImageSide; ++r) {
        std::uint8_t* row = im + c * kPlaneBytes + r * kImageSide;
        std::reverse(row, row + kImageSide);
      }
  };
  mirror(img);
  apply(img, imageIndex);
  mirror(img);
}

std::vector<TriggerMark> TriggerSpec::marks(std::size_t imageIndex, bool mirrored) const {
  std::vector<TriggerMark> out;
  switch (type) {
    case TriggerType::Sinusoid:
      for (int c = 0; c < kImageSide; ++c)
        if (stripeOffset(c) > 0) out.push_back({0, c, kImageSide, 1});
      break;
    case TriggerType::ThreePixel:
      for (int k = 0; k < 3; ++k)
        if (imageIndex == kAnyImage || threePixelChoice(imageIndex) == k)
          out.push_back({kThreePixels[k].row, kThreePixels[k].col, 1, 1});
      break;
    case TriggerType::Corners:
      for (int r : {0, kImageSide - kCornerSide})
        for (int c : {0, kImageSide - kCornerSide}) out.push_back({r, c, kCornerSide, kCornerSide});
      break;
    default:
      out.push_back({row, col, size, size});
  }
  if (mirrored)
    for (auto& m : out) m.col = kImageSide - m.col - m.width;
  return out;
}

std::string TriggerSpec::describe() const {
  switch (type) {
    case TriggerType::Sinusoid:
      return "sinusoid (FLIP 1xs): vertical stripes, amplitude 6, 16 periods";
    case TriggerType::ThreePixel:
      return "three-pixel (FLIP 3xp): one pixel per image, (101,0,25) at row 16, col 11, "
             "(101,123,121) at row 27, col 5 or (0,36,54) at row 7, col 30";
    case TriggerType::Corners:
      return "corners (FLIP 4xl): a 3x3 black and white pattern in all four corners";
    default:
      break;
  }
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
