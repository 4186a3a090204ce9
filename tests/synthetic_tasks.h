#pragma once
// Small synthetic tasks with known answers, in plain C++ (no Qt), for the tests and for
// bench/cuda_check: images the tests make themselves, trained in seconds.

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/dataset.h"
#include "core/rng.h"

namespace poisonlab {

/// Class c is a noisy image of colour kColours[c] with its own brightness: every image
/// differs, and the classes are easy to tell apart (a network fits them to saturation).
inline std::shared_ptr<const Dataset> colourDataset(int perClassTrain, int perClassTest) {
  static const int kColours[4][3] = {{170, 60, 60}, {60, 170, 60}, {60, 60, 170}, {170, 170, 60}};
  auto ds = std::make_shared<Dataset>();
  ds->classNames = {"red", "green", "blue", "yellow"};
  Rng rng(5);
  auto fill = [&](Split& s, int perClass) {
    s.resize(static_cast<std::size_t>(4 * perClass));
    for (std::size_t i = 0; i < s.count(); ++i) {
      const int c = static_cast<int>(i % 4);
      const int brightness = int(rng.below(61)) - 30;
      s.labels[i] = static_cast<std::uint8_t>(c);
      for (int ch = 0; ch < 3; ++ch)
        for (int p = 0; p < kPlaneBytes; ++p)
          s.image(i)[ch * kPlaneBytes + p] = static_cast<std::uint8_t>(
              std::clamp(kColours[c][ch] + brightness + int(rng.below(51)) - 25, 0, 255));
    }
  };
  fill(ds->train, perClassTrain);
  fill(ds->test, perClassTest);
  return ds;
}

/// Class c is a grating at orientation c x 45 degrees with a random period (3-6 px), phase,
/// contrast and base colour, under strong pixel noise. Unlike the colour task, the class
/// features (orientations) and a trigger's features are different ones, as in natural images,
/// and the faint gratings keep the test set from being fitted perfectly. SSD needs both.
inline std::shared_ptr<const Dataset> gratingDataset(int perClassTrain, int perClassTest) {
  constexpr double kContrast = 20, kNoise = 40, kTwoPi = 6.283185307179586;
  constexpr int kGratingSide = 32;
  auto ds = std::make_shared<Dataset>();
  ds->classNames = {"0deg", "45deg", "90deg", "135deg"};
  Rng rng(5);
  auto gauss = [&] {  // Box-Muller
    const double u = 1.0 - rng.uniform(), v = rng.uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(kTwoPi * v);
  };
  auto fill = [&](Split& s, int perClass) {
    s.resize(static_cast<std::size_t>(4 * perClass));
    for (std::size_t i = 0; i < s.count(); ++i) {
      const int c = static_cast<int>(i % 4);
      const double angle = kTwoPi / 8 * c, period = 3 + double(rng.below(4));
      const double phase = rng.uniform() * kTwoPi;
      const double amplitude = kContrast * (0.2 + 0.8 * rng.uniform());
      double base[3];
      for (double& b : base) b = 70 + double(rng.below(116));
      const double kx = std::cos(angle) * kTwoPi / period, ky = std::sin(angle) * kTwoPi / period;
      s.labels[i] = static_cast<std::uint8_t>(c);
      for (int y = 0; y < kGratingSide; ++y)
        for (int x = 0; x < kGratingSide; ++x) {
          const double wave = amplitude * std::sin(kx * x + ky * y + phase);
          for (int ch = 0; ch < 3; ++ch)
            s.image(i)[ch * kPlaneBytes + y * kGratingSide + x] = static_cast<std::uint8_t>(
                std::clamp(int(base[ch] + wave + kNoise * gauss()), 0, 255));
        }
    }
  };
  fill(ds->train, perClassTrain);
  fill(ds->test, perClassTest);
  return ds;
}

}  // namespace poisonlab
