#pragma once
/// @file activation_clustering.h
/// Activation Clustering (Chen et al. 2018): per class (by training label), reduce the
/// activations of the last hidden layer to a few dimensions (PCA or FastICA), split them with
/// k-means (k = 2) and call a cluster poisoned by one of four criteria. OpenCV's PCA, k-means and
/// eigen-decomposition do the linear algebra.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/detect/reclassify.h"

namespace poisonlab {

enum class Reduction { Pca, Ica };
const char* toString(Reduction r);
Reduction parseReduction(const std::string& s, const std::string& field = "reduce");

/// Which of the two clusters of a class is poison.
enum class AcCriterion {
  Smaller,       ///< the smaller cluster, always (the widely used toolkit's default)
  RelativeSize,  ///< a cluster holding less than sizeThreshold of the class
  Silhouette,    ///< relative size below sizeThreshold and silhouette above silhouetteThreshold
  Distance,      ///< a cluster whose median is nearer another class's median than its own's
};
const char* toString(AcCriterion c);
AcCriterion parseAcCriterion(const std::string& s, const std::string& field = "criterion");

struct AcOptions {
  Reduction reduce = Reduction::Pca;
  int dims = 10;
  AcCriterion criterion = AcCriterion::Silhouette;
  double sizeThreshold = 0.35;
  double silhouetteThreshold = 0.10;
  int attempts = 3;  ///< k-means restarts (k-means++ seeding), best compactness kept
  std::uint64_t seed = 0;
  /// Exclusionary reclassification of every class's smaller cluster (reclassify.h): "none",
  /// "classifier" (refit the classifier layer on frozen features, seconds) or "full" (retrain
  /// the recipe, minutes). When on, its verdicts decide which clusters are flagged.
  Reclassify reclassify = Reclassify::None;
  double reclassifyThreshold = 0.5;  ///< poison when more than this goes to one other class
};

/// One class split in two.
struct AcClassResult {
  std::size_t samples = 0;
  std::vector<int> cluster;  ///< 0 or 1 per sample
  std::array<std::size_t, 2> sizes{};
  double silhouette = 0;                ///< mean silhouette over the class (reduced space)
  std::vector<float> projection;        ///< n x 2: the reduced data on its first two principal axes
  int smaller = 0;                      ///< index of the smaller cluster (0 on a tie)
  std::vector<float> median0, median1;  ///< per-cluster medians in the original space
};

/// Reduces, clusters and scores one class: `rows` is n x d row-major.
AcClassResult clusterClass(const float* rows, std::size_t n, std::size_t d,
                           const AcOptions& options);

/// Coordinate-wise median of n x d rows (for the distance criterion).
std::vector<float> columnMedian(const float* rows, std::size_t n, std::size_t d,
                                const std::vector<int>* cluster = nullptr, int which = 0);

/// The verdict of each criterion for one class: the poison cluster (0/1) or -1 for none.
struct AcVerdicts {
  int smaller = -1, relativeSize = -1, silhouette = -1, distance = -1;
  int of(AcCriterion c) const;
};
/// `classMedians` holds every class's median in the original space (for Distance);
/// `cls` is this class's position in it.
AcVerdicts acVerdicts(const AcClassResult& r, const std::vector<std::vector<float>>& classMedians,
                      std::size_t cls, const AcOptions& options);

/// Mean silhouette of a two-cluster split of n x d rows (Euclidean).
double silhouetteScore(const float* rows, std::size_t n, std::size_t d,
                       const std::vector<int>& cluster);

}  // namespace poisonlab
