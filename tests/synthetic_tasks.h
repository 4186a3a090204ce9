#pragma once
// Small synthetic tasks with known answers, in plain C++ (no Qt), for the tests and for
// bench/cuda_check: images the tests make themselves, trained in seconds.

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/util/rng.h"

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

/// Gratings of class c: the sum of one wave per angle in `angles[c]` (degrees), each with a
/// random period (3-6 px), phase and contrast, on a random base colour, under strong pixel
/// noise. Class features (orientations) and a trigger's features are different ones, as in
/// natural images, and the faint gratings keep the test set from being fitted perfectly.
inline std::shared_ptr<const Dataset> gratingsOf(const std::vector<std::vector<double>>& angles,
                                                 const std::vector<std::string>& names,
                                                 int perClassTrain, int perClassTest) {
  constexpr double kContrast = 20, kNoise = 40, kTwoPi = 6.283185307179586;
  constexpr int kGratingSide = 32;
  const int classes = static_cast<int>(angles.size());
  auto ds = std::make_shared<Dataset>();
  ds->classNames = names;
  Rng rng(5);
  auto gauss = [&] {  // Box-Muller
    const double u = 1.0 - rng.uniform(), v = rng.uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(kTwoPi * v);
  };
  auto fill = [&](Split& s, int perClass) {
    s.resize(static_cast<std::size_t>(classes * perClass));
    for (std::size_t i = 0; i < s.count(); ++i) {
      const int c = static_cast<int>(i % static_cast<std::size_t>(classes));
      struct Wave {
        double kx, ky, phase, amplitude;
      };
      std::vector<Wave> waves;
      for (double degrees : angles[static_cast<std::size_t>(c)]) {
        const double angle = degrees / 360 * kTwoPi, period = 3 + double(rng.below(4));
        const double phase = rng.uniform() * kTwoPi;
        const double amplitude = kContrast * (0.2 + 0.8 * rng.uniform());
        waves.push_back({std::cos(angle) * kTwoPi / period, std::sin(angle) * kTwoPi / period,
                         phase, amplitude});
      }
      double base[3];
      for (double& b : base) b = 70 + double(rng.below(116));
      s.labels[i] = static_cast<std::uint8_t>(c);
      for (int y = 0; y < kGratingSide; ++y)
        for (int x = 0; x < kGratingSide; ++x) {
          double wave = 0;
          for (const auto& w : waves) wave += w.amplitude * std::sin(w.kx * x + w.ky * y + w.phase);
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

/// Class c is a grating at orientation c x 45 degrees.
inline std::shared_ptr<const Dataset> gratingDataset(int perClassTrain, int perClassTest) {
  return gratingsOf({{0}, {45}, {90}, {135}}, {"0deg", "45deg", "90deg", "135deg"}, perClassTrain,
                    perClassTest);
}

/// Three classes that a horizontal flip leaves as they are (a 45-degree grating mirrored is a
/// 135-degree one): 0 degrees, 90 degrees and the diagonal plaid. For recipes that train with
/// flips.
inline std::shared_ptr<const Dataset> mirrorSymmetricGratingDataset(int perClassTrain,
                                                                    int perClassTest) {
  return gratingsOf({{0}, {90}, {45, 135}}, {"0deg", "90deg", "diagonal plaid"}, perClassTrain,
                    perClassTest);
}

}  // namespace poisonlab
