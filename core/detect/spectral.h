#pragma once
/// @file spectral.h
/// Spectral Signatures (Tran, Li & Madry, NeurIPS 2018): per class (by training label), centre
/// the representations, take the top right singular vector v of the centred matrix and score
/// every sample by its squared projection (v . (R_i - mean))^2. Poisons that share a trigger
/// feature line up along v; the top 1.5 x eps x n_c scores of each class (or the scores above a
/// percentile) are flagged.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/util/progress.h"

namespace poisonlab {

struct SpectralOptions {
  double eps = 0.1;          ///< assumed upper bound of the poison fraction in a class
  double percentile = 0;     ///< if > 0: flag scores above this percentile of the class instead
  bool centred = true;       ///< false: |v . R_i| on uncentred R (one reference implementation)
  int components = 5;        ///< singular values reported per class (top 2 at least)
  std::vector<int> classes;  ///< classes to score; empty = all
  std::uint64_t seed = 0;    ///< seeds the randomised SVD
};

/// One class's spectrum and scores.
struct SpectralClassScores {
  std::vector<double> scores;    ///< per sample, in the order given
  std::vector<double> singular;  ///< top singular values of the (centred) class matrix
  int iterations = 0;            ///< subspace iterations until the top vector settled
};

/// Scores the n x d row-major matrix `rows` (one class). Randomised subspace iteration with
/// LibTorch's QR and SVD (a 5,500 x 16,384 class takes well under a second); exact to float
/// precision for the top components.
SpectralClassScores spectralScores(const float* rows, std::size_t n, std::size_t d,
                                   const SpectralOptions& options);

/// How many of a class of `n` samples are flagged: round(1.5 x eps x n), or those above the
/// percentile, clamped to 0..n.
std::size_t spectralBudget(std::size_t n, const SpectralOptions& options);

/// Flags of the `budget` highest scores (ties broken by position, so the count is exact).
std::vector<std::uint8_t> flagTop(const std::vector<double>& scores, std::size_t budget);

}  // namespace poisonlab
