#include "core/detect/activation_clustering.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/util/parallel.h"

namespace poisonlab {
namespace {

constexpr EnumName<Reduction> kReductions[] = {{Reduction::Pca, "pca"}, {Reduction::Ica, "ica"}};
constexpr EnumName<AcCriterion> kCriteria[] = {{AcCriterion::Smaller, "smaller"},
                                               {AcCriterion::RelativeSize, "relative-size"},
                                               {AcCriterion::Silhouette, "silhouette"},
                                               {AcCriterion::Distance, "distance"}};

/// Symmetric decorrelation: W <- (W W^T)^(-1/2) W.
cv::Mat decorrelate(const cv::Mat& w) {
  cv::Mat values, vectors;
  cv::eigen(w * w.t(), values, vectors);  // rows of `vectors` are eigenvectors
  cv::Mat inv = cv::Mat::zeros(values.rows, values.rows, CV_64F);
  for (int i = 0; i < values.rows; ++i)
    inv.at<double>(i, i) = 1.0 / std::sqrt(std::max(values.at<double>(i), 1e-12));
  return vectors.t() * inv * vectors * w;
}

/// FastICA (Hyvarinen 1999), symmetric, logcosh contrast, on whitened n x k data (CV_64F).
cv::Mat fastIca(const cv::Mat& z, std::uint64_t seed) {
  const int k = z.cols;
  cv::RNG rng(seed ^ 0x1CAULL);
  cv::Mat w(k, k, CV_64F);
  rng.fill(w, cv::RNG::NORMAL, 0.0, 1.0);
  w = decorrelate(w);
  const double n = z.rows;
  for (int it = 0; it < 400; ++it) {
    cv::Mat wx = z * w.t();  // n x k
    cv::Mat g(wx.size(), CV_64F), gp(1, k, CV_64F, cv::Scalar(0));
    for (int i = 0; i < wx.rows; ++i) {
      const double* a = wx.ptr<double>(i);
      double* b = g.ptr<double>(i);
      for (int j = 0; j < k; ++j) {
        b[j] = std::tanh(a[j]);
        gp.at<double>(j) += 1.0 - b[j] * b[j];
      }
    }
    cv::Mat next = g.t() * z / n;  // k x k
    for (int j = 0; j < k; ++j) next.row(j) -= gp.at<double>(j) / n * w.row(j);
    next = decorrelate(next);
    double change = 0;
    cv::Mat dots = next * w.t();
    for (int j = 0; j < k; ++j)
      change = std::max(change, std::abs(std::abs(dots.at<double>(j, j)) - 1));
    w = next;
    if (change < 1e-6) break;
  }
  return z * w.t();
}

}  // namespace

const char* toString(Reduction r) { return enumToString(kReductions, r); }
Reduction parseReduction(const std::string& s, const std::string& field) {
  return parseEnum(kReductions, s, field, "a reduction");
}
const char* toString(AcCriterion c) { return enumToString(kCriteria, c); }
AcCriterion parseAcCriterion(const std::string& s, const std::string& field) {
  return parseEnum(kCriteria, s, field, "a cluster criterion");
}

int AcVerdicts::of(AcCriterion c) const {
  switch (c) {
    case AcCriterion::Smaller:
      return smaller;
    case AcCriterion::RelativeSize:
      return relativeSize;
    case AcCriterion::Silhouette:
      return silhouette;
    case AcCriterion::Distance:
      return distance;
  }
  return -1;
}

double silhouetteScore(const float* rows, std::size_t n, std::size_t d,
                       const std::vector<int>& cluster) {
  std::array<std::size_t, 2> size{};
  for (int c : cluster) ++size[static_cast<std::size_t>(c)];
  if (size[0] == 0 || size[1] == 0) return 0.0;
  std::vector<double> s(n, 0.0);
  parallelFor(n, [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const float* a = rows + i * d;
      double sum[2] = {0, 0};
      for (std::size_t j = 0; j < n; ++j) {
        const float* b = rows + j * d;
        float dist = 0;
        for (std::size_t t = 0; t < d; ++t) dist += (a[t] - b[t]) * (a[t] - b[t]);
        sum[cluster[j]] += std::sqrt(double(dist));
      }
      const int own = cluster[i];
      const std::size_t ownSize = size[static_cast<std::size_t>(own)];
      if (ownSize <= 1) continue;  // singleton: silhouette 0 by convention
      const double ai = sum[own] / double(ownSize - 1);
      const double bi = sum[1 - own] / double(size[static_cast<std::size_t>(1 - own)]);
      s[i] = std::max(ai, bi) > 0 ? (bi - ai) / std::max(ai, bi) : 0.0;
    }
  });
  double total = 0;
  for (double v : s) total += v;
  return total / double(n);
}

std::vector<float> columnMedian(const float* rows, std::size_t n, std::size_t d,
                                const std::vector<int>* cluster, int which) {
  std::vector<float> median(d, 0.0f), column;
  column.reserve(n);
  for (std::size_t t = 0; t < d; ++t) {
    column.clear();
    for (std::size_t i = 0; i < n; ++i)
      if (!cluster || (*cluster)[i] == which) column.push_back(rows[i * d + t]);
    if (column.empty()) continue;
    const auto mid = column.begin() + static_cast<std::ptrdiff_t>(column.size() / 2);
    std::nth_element(column.begin(), mid, column.end());
    float m = *mid;
    if (column.size() % 2 == 0) m = 0.5f * (m + *std::max_element(column.begin(), mid));
    median[t] = m;
  }
  return median;
}

AcClassResult clusterClass(const float* rows, std::size_t n, std::size_t d, const AcOptions& o) {
  if (o.dims < 1) throw Error("dims: must be at least 1");
  AcClassResult r;
  r.samples = n;
  r.cluster.assign(n, 0);
  r.projection.assign(n * 2, 0.0f);
  if (n < 4) {  // too few to split: one cluster, nothing to call
    r.sizes = {n, 0};
    r.smaller = 1;
    return r;
  }
  cv::Mat data(static_cast<int>(n), static_cast<int>(d), CV_32F, const_cast<float*>(rows));
  const int dims = std::min<int>({o.dims, static_cast<int>(d), static_cast<int>(n) - 1});
  cv::PCA pca(data, cv::noArray(), cv::PCA::DATA_AS_ROW, dims);
  cv::Mat reduced = pca.project(data);  // n x dims, CV_32F
  if (o.reduce == Reduction::Ica) {
    cv::Mat z;
    reduced.convertTo(z, CV_64F);
    for (int j = 0; j < z.cols; ++j)
      z.col(j) /= std::sqrt(std::max(double(pca.eigenvalues.at<float>(j)), 1e-12));
    fastIca(z, o.seed).convertTo(reduced, CV_32F);
  }
  cv::Mat labels, centers;
  cv::theRNG().state = o.seed * 0x9E3779B97F4A7C15ULL + 1;
  cv::kmeans(reduced, 2, labels,
             cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 300, 1e-6),
             std::max(1, o.attempts), cv::KMEANS_PP_CENTERS, centers);
  for (std::size_t i = 0; i < n; ++i) {
    r.cluster[i] = labels.at<int>(static_cast<int>(i));
    ++r.sizes[static_cast<std::size_t>(r.cluster[i])];
  }
  // Canonical labelling: cluster 0 is the larger one (k-means labels are arbitrary).
  if (r.sizes[0] < r.sizes[1]) {
    for (int& c : r.cluster) c = 1 - c;
    std::swap(r.sizes[0], r.sizes[1]);
  }
  r.smaller = 1;
  r.silhouette =
      silhouetteScore(reduced.ptr<float>(), n, static_cast<std::size_t>(dims), r.cluster);
  cv::PCA plane(reduced, cv::noArray(), cv::PCA::DATA_AS_ROW, std::min(2, dims));
  cv::Mat xy = plane.project(reduced);
  for (std::size_t i = 0; i < n; ++i)
    for (int j = 0; j < xy.cols; ++j)
      r.projection[i * 2 + j] = xy.at<float>(static_cast<int>(i), j);
  r.median0 = columnMedian(rows, n, d, &r.cluster, 0);
  r.median1 = columnMedian(rows, n, d, &r.cluster, 1);
  return r;
}

AcVerdicts acVerdicts(const AcClassResult& r, const std::vector<std::vector<float>>& classMedians,
                      std::size_t cls, const AcOptions& o) {
  AcVerdicts v;
  if (r.samples == 0 || r.sizes[1] == 0) return v;
  v.smaller = r.smaller;
  const double rel = double(r.sizes[static_cast<std::size_t>(r.smaller)]) / double(r.samples);
  if (rel < o.sizeThreshold) v.relativeSize = r.smaller;
  if (rel < o.sizeThreshold && r.silhouette > o.silhouetteThreshold) v.silhouette = r.smaller;
  auto dist = [](const std::vector<float>& a, const std::vector<float>& b) {
    double s = 0;
    for (std::size_t t = 0; t < a.size(); ++t) s += double(a[t] - b[t]) * double(a[t] - b[t]);
    return std::sqrt(s);
  };
  const auto& own = classMedians.at(cls);
  const double d0 = dist(r.median0, own), d1 = dist(r.median1, own);
  bool poison0 = false, poison1 = false;
  for (std::size_t k = 0; k < classMedians.size(); ++k) {
    if (k == cls || classMedians[k].size() != own.size()) continue;
    const double e0 = dist(r.median0, classMedians[k]), e1 = dist(r.median1, classMedians[k]);
    poison0 = poison0 || (e0 < d0 && e1 > d1);
    poison1 = poison1 || (e1 < d1 && e0 > d0);
  }
  if (poison0 && poison1)
    v.distance = r.smaller;
  else if (poison0 || poison1)
    v.distance = poison0 ? 0 : 1;
  return v;
}

}  // namespace poisonlab
