// The detectors' algorithms on synthetic features with known answers: a planted outlier
// direction for Spectral Signatures, two planted Gaussian clusters for Activation Clustering,
// and the classifier-layer influence against leave-one-out retraining of a softmax regression.
// Also the .npy writer and the flagging helpers.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "core/detect/activation_clustering.h"
#include "core/detect/confident_learning.h"
#include "core/detect/detect.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/detect/influence.h"
#include "core/util/npy.h"
#include "core/util/rng.h"
#include "core/detect/spectral.h"
#include "test_support.h"

using namespace poisonlab;
using poisonlab::testing::pearson;

namespace {

double gaussian(Rng& rng) {
  const double u1 = (double(rng.next() >> 11) + 0.5) * 0x1.0p-53;
  const double u2 = double(rng.next() >> 11) * 0x1.0p-53;
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
}

/// Softmax regression with an L2 penalty, trained to convergence in double by gradient
/// descent: minimises (1/n) sum_i w_i CE(x_i, y_i) + (lambda/2) |theta|^2 (theta = [W b]).
struct SoftmaxRegression {
  int classes, dim;
  std::vector<double> theta;  // classes x (dim + 1)

  std::vector<double> probs(const double* x) const {
    std::vector<double> z(static_cast<std::size_t>(classes));
    double mx = -1e300;
    for (int c = 0; c < classes; ++c) {
      const double* t = theta.data() + c * (dim + 1);
      z[c] = t[dim];
      for (int a = 0; a < dim; ++a) z[c] += t[a] * x[a];
      mx = std::max(mx, z[c]);
    }
    double s = 0;
    for (double& v : z) s += (v = std::exp(v - mx));
    for (double& v : z) v /= s;
    return z;
  }
  double loss(const double* x, int y) const { return -std::log(probs(x)[y]); }

  /// Newton's method with the exact Hessian, to machine precision; point `skip` left out.
  void fit(const std::vector<double>& x, const std::vector<int>& y, double lambda, int skip) {
    const std::size_t n = y.size();
    const double count = double(n);  // (1/n) kept when one point is left out: eps = -1/n
    const std::size_t p = theta.size();
    const int k = dim + 1;
    for (int it = 0; it < 100; ++it) {
      std::vector<double> g(p, 0.0), h(p * p, 0.0);
      for (std::size_t i = 0; i < n; ++i) {
        if (int(i) == skip) continue;
        const auto pr = probs(&x[i * dim]);
        std::vector<double> xi(&x[i * dim], &x[i * dim] + dim);
        xi.push_back(1.0);
        for (int c = 0; c < classes; ++c) {
          const double r = pr[c] - (c == y[i] ? 1.0 : 0.0);
          for (int a = 0; a < k; ++a) g[c * k + a] += r * xi[a] / count;
          for (int e = 0; e < classes; ++e) {
            const double w = pr[c] * ((c == e ? 1.0 : 0.0) - pr[e]) / count;
            for (int a = 0; a < k; ++a)
              for (int b = 0; b < k; ++b) h[(c * k + a) * p + e * k + b] += w * xi[a] * xi[b];
          }
        }
      }
      double norm = 0;
      for (std::size_t q = 0; q < p; ++q) {
        g[q] += lambda * theta[q];
        h[q * p + q] += lambda;
        norm += g[q] * g[q];
      }
      if (std::sqrt(norm) < 1e-14) break;
      // Solve h . step = g by Gauss-Jordan elimination with partial pivoting.
      for (std::size_t col = 0; col < p; ++col) {
        std::size_t piv = col;
        for (std::size_t r = col + 1; r < p; ++r)
          if (std::abs(h[r * p + col]) > std::abs(h[piv * p + col])) piv = r;
        for (std::size_t c = 0; c < p; ++c) std::swap(h[col * p + c], h[piv * p + c]);
        std::swap(g[col], g[piv]);
        for (std::size_t r = 0; r < p; ++r) {
          if (r == col) continue;
          const double f = h[r * p + col] / h[col * p + col];
          for (std::size_t c = col; c < p; ++c) h[r * p + c] -= f * h[col * p + c];
          g[r] -= f * g[col];
        }
      }
      for (std::size_t q = 0; q < p; ++q) theta[q] -= g[q] / h[q * p + q];
    }
  }
};

}  // namespace

class TestDetectors : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

 private slots:
  void npyRoundTripAndAtomicity() {
    const std::string path = tmp_.filePath("f.npy").toStdString();
    {
      NpyWriter w(path, 3, 2);
      const float r2[2] = {5, 6}, r0[4] = {1, 2, 3, 4};
      w.writeRow(2, r2);  // any order
      w.writeRows(0, r0, 2);
      QVERIFY(!std::filesystem::exists(path));  // nothing at the target before commit
      w.commit();
    }
    std::ifstream in(path, std::ios::binary);
    std::string head(10, '\0');
    in.read(head.data(), 10);
    const std::size_t len =
        static_cast<unsigned char>(head[8]) | (static_cast<unsigned char>(head[9]) << 8);
    QCOMPARE((10 + len) % 64, std::size_t(0));
    const NpyMatrix m = readNpy(path);
    QCOMPARE(m.rows, std::size_t(3));
    QCOMPARE(m.cols, std::size_t(2));
    QCOMPARE(m.values, (std::vector<float>{1, 2, 3, 4, 5, 6}));
    // A writer destroyed before commit (a cancelled export) leaves nothing behind.
    const std::string other = tmp_.filePath("g.npy").toStdString();
    { NpyWriter w(other, 10, 4); }
    QVERIFY(!std::filesystem::exists(other));
    QCOMPARE(std::distance(std::filesystem::directory_iterator(tmp_.path().toStdString()),
                           std::filesystem::directory_iterator{}),
             std::ptrdiff_t(1));
    try {
      NpyWriter w(other, 2, 2);
      const float r[2] = {0, 0};
      w.writeRow(2, r);
      QFAIL("row outside the matrix accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("row 2 is outside 0..1"), e.what());
    }
    std::ofstream(tmp_.filePath("bad.npy").toStdString()) << "not numpy";
    QVERIFY_THROWS_EXCEPTION(Error, readNpy(tmp_.filePath("bad.npy").toStdString()));
    // A header declaring far more data than the file holds is refused before any allocation
    // (it asked for 4 exabytes); so is one whose shape does not fit 64 bits.
    for (const char* shape : {"(1000000000, 1000000000)", "(99999999999999999999999, 2)"}) {
      std::string dict =
          std::string("{'descr': '<f4', 'fortran_order': False, 'shape': ") + shape + ", }";
      dict.resize(118, ' ');
      dict += '\n';
      std::string file = std::string("\x93NUMPY\x01\x00", 8);
      file += char(dict.size() & 0xff);
      file += char(dict.size() >> 8);
      file += dict + std::string(16, '\0');
      const std::string path = tmp_.filePath("bomb.npy").toStdString();
      writeFileAtomic(path, std::vector<std::uint8_t>(file.begin(), file.end()));
      try {
        readNpy(path);
        QFAIL("a header larger than its file was accepted");
      } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains("bomb.npy: "), e.what());
      }
    }
  }

  void flaggingCountsAndTies() {
    const std::vector<double> s = {0.5, 0.9, 0.9, 0.1, 0.9};
    const auto f = flagTop(s, 2);
    QCOMPARE(f, (std::vector<std::uint8_t>{0, 1, 1, 0, 0}));  // exactly 2, ties by position
    QCOMPARE(flagTop(s, 99), (std::vector<std::uint8_t>{1, 1, 1, 1, 1}));
    SpectralOptions o;
    o.eps = 0.1;
    QCOMPARE(spectralBudget(5500, o), std::size_t(825));  // 1.5 x 0.1 x 5500
    o.percentile = 85;
    QCOMPARE(spectralBudget(5000, o), std::size_t(750));
  }

  void spectralFindsAPlantedDirection() {
    // 540 clean samples ~ N(0, I) in 64-D, 60 poisons shifted by 5 along a hidden direction u
    // (its variance, 1 + 0.09 x 25, stands clear of the noise's top eigenvalue, ~1.8).
    Rng rng(11);
    const std::size_t n = 600, d = 64, poisons = 60;
    std::vector<double> u(d);
    double un = 0;
    for (auto& v : u) {
      v = gaussian(rng);
      un += v * v;
    }
    for (auto& v : u) v /= std::sqrt(un);
    std::vector<float> x(n * d);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t t = 0; t < d; ++t)
        x[i * d + t] = float(gaussian(rng) + (i % 10 == 0 ? 5.0 * u[t] : 0.0));
    SpectralOptions o;
    const SpectralClassScores s = spectralScores(x.data(), n, d, o);
    QCOMPARE(s.scores.size(), n);
    QVERIFY(s.singular.size() >= 2);
    const auto flags = flagTop(s.scores, spectralBudget(n, o));  // 90 flagged
    std::size_t found = 0;
    for (std::size_t i = 0; i < n; i += 10) found += flags[i];
    QVERIFY2(found >= 57, qPrintable(QString("%1 of %2 planted found").arg(found).arg(poisons)));
    QVERIFY(s.singular[0] / s.singular[1] > 1.3);
    // The randomised SVD's top singular value equals the power method on the covariance.
    std::vector<double> mean(d, 0), cov(d * d, 0), v(d, 1.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t t = 0; t < d; ++t) mean[t] += x[i * d + t] / double(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b)
          cov[a * d + b] += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]);
    double lambda = 0;
    for (int it = 0; it < 2000; ++it) {
      std::vector<double> w(d, 0);
      for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b) w[a] += cov[a * d + b] * v[b];
      double norm = 0;
      for (double q : w) norm += q * q;
      lambda = std::sqrt(norm);
      for (std::size_t a = 0; a < d; ++a) v[a] = w[a] / lambda;
    }
    QVERIFY2(std::abs(s.singular[0] - std::sqrt(lambda)) < 1e-3 * std::sqrt(lambda),
             qPrintable(QString("%1 vs %2").arg(s.singular[0]).arg(std::sqrt(lambda))));
    // Scores are the squared projections on that vector.
    for (std::size_t i = 0; i < n; i += 97) {
      double proj = 0;
      for (std::size_t t = 0; t < d; ++t) proj += (x[i * d + t] - mean[t]) * v[t];
      QVERIFY(std::abs(proj * proj - s.scores[i]) < 1e-3 * (1 + proj * proj));
    }
    // Same seed, same scores.
    QCOMPARE(spectralScores(x.data(), n, d, o).scores, s.scores);
  }

  void silhouetteByHand() {
    // Points 0, 1 | 10, 11 on a line: a = 1, b = 10.5 / 9.5 / 9.5 / 10.5.
    const std::vector<float> x = {0, 1, 10, 11};
    const double s0 = (10.5 - 1) / 10.5, s1 = (9.5 - 1) / 9.5;
    QVERIFY(std::abs(silhouetteScore(x.data(), 4, 1, {0, 0, 1, 1}) - (s0 + s1) / 2) < 1e-12);
    QCOMPARE(silhouetteScore(x.data(), 4, 1, {0, 0, 0, 0}), 0.0);
  }

  void clusteringSeparatesPlantedClusters_data() {
    QTest::addColumn<QString>("reduce");
    QTest::addColumn<double>("shift");
    QTest::addColumn<double>("silhouette");
    QTest::newRow("pca") << "pca" << 6.0 << 0.3;
    // ICA whitens: every component gets unit variance, so the split along the cluster axis
    // competes with splitting the noise of nine others; it needs a clearer cluster.
    QTest::newRow("ica") << "ica" << 12.0 << 0.15;
  }
  void clusteringSeparatesPlantedClusters() {
    QFETCH(QString, reduce);
    QFETCH(double, shift);
    QFETCH(double, silhouette);
    // 900 samples around 0 and 100 around shift x e_1 in 32-D, unit variance.
    Rng rng(3);
    const std::size_t n = 1000, d = 32;
    std::vector<float> x(n * d);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t t = 0; t < d; ++t)
        x[i * d + t] = float(gaussian(rng) + (i >= 900 && t == 0 ? shift : 0.0));
    AcOptions o;
    o.reduce = parseReduction(reduce.toStdString());
    const AcClassResult r = clusterClass(x.data(), n, d, o);
    QCOMPARE(r.sizes[0] + r.sizes[1], n);
    QVERIFY2(r.sizes[1] >= 95 && r.sizes[1] <= 105, qPrintable(QString::number(r.sizes[1])));
    std::size_t agree = 0;
    for (std::size_t i = 0; i < n; ++i) agree += (r.cluster[i] == 1) == (i >= 900);
    QVERIFY(agree >= 990);
    QVERIFY2(r.silhouette > silhouette, qPrintable(QString::number(r.silhouette)));
    QCOMPARE(r.projection.size(), n * 2);
    // The small cluster is poison by every size criterion; an equal split is not.
    std::vector<std::vector<float>> medians = {columnMedian(x.data(), n, d)};
    const AcVerdicts v = acVerdicts(r, medians, 0, o);
    QCOMPARE(v.smaller, 1);
    QCOMPARE(v.relativeSize, 1);
    QCOMPARE(v.silhouette, 1);
    QCOMPARE(v.of(AcCriterion::Silhouette), 1);
  }

  void clusteringLeavesAPlainGaussianAlone() {
    Rng rng(4);
    const std::size_t n = 800, d = 16;
    std::vector<float> x(n * d);
    for (auto& v : x) v = float(gaussian(rng));
    AcOptions o;
    const AcClassResult r = clusterClass(x.data(), n, d, o);
    QVERIFY2(r.silhouette < 0.2, qPrintable(QString::number(r.silhouette)));
    const AcVerdicts v = acVerdicts(r, {columnMedian(x.data(), n, d)}, 0, o);
    QCOMPARE(v.smaller, 1);        // 'smaller' always calls one cluster poison
    QCOMPARE(v.relativeSize, -1);  // but neither half is under 35 %
    QCOMPARE(v.silhouette, -1);
  }

  void distanceCriterionByMedians() {
    // Class 0: 70 samples near (0,0) and 30 near (10,10), where class 1's median lies.
    std::vector<float> x;
    for (int i = 0; i < 70; ++i) x.insert(x.end(), {float(i % 7) * 0.1f, float(i % 5) * 0.1f});
    for (int i = 0; i < 30; ++i) x.insert(x.end(), {10 + float(i % 3) * 0.1f, 10.0f});
    AcOptions o;
    o.dims = 2;
    const AcClassResult r = clusterClass(x.data(), 100, 2, o);
    QCOMPARE(r.sizes[1], std::size_t(30));
    const std::vector<std::vector<float>> medians = {columnMedian(x.data(), 100, 2), {10, 10}};
    QCOMPARE(acVerdicts(r, medians, 0, o).distance, 1);
    const std::vector<std::vector<float>> far = {columnMedian(x.data(), 100, 2), {-50, 50}};
    QCOMPARE(acVerdicts(r, far, 0, o).distance, -1);
  }

  void robustOutliersAgainstTheLabelsOwnSpread() {
    // Influence on a model trained on smoothed targets: 900 clean samples of other labels near
    // 0, 90 clean samples of the predicted label spread widely around 50 (they support the
    // prediction), 10 poisons of that label at 100. Among all samples the median and MAD are
    // the other labels', so every sample of the label is an "outlier"; against the label's own
    // spread only the poisons are.
    std::vector<double> s;
    std::vector<std::size_t> label;
    for (int i = 0; i < 900; ++i) s.push_back(0.01 * (i % 7));
    for (int i = 0; i < 90; ++i) {
      label.push_back(s.size());
      s.push_back(40 + 0.25 * i);  // 40 .. 62.25: median ~51, MAD ~11
    }
    for (int i = 0; i < 10; ++i) {
      label.push_back(s.size());
      s.push_back(100 + i);
    }
    double threshold = 0;
    const auto all = robustOutliers(s, {}, 10, threshold);
    QCOMPARE(std::accumulate(all.begin(), all.end(), 0), 100);
    const auto within = robustOutliers(s, label, 3.5, threshold);
    QCOMPARE(std::accumulate(within.begin(), within.end(), 0), 10);
    for (std::size_t i = 990; i < 1000; ++i) QCOMPARE(int(within[i]), 1);
    QVERIFY(threshold > 62.25 && threshold < 100);
    // Nothing to measure against: nothing flagged, no threshold.
    QVERIFY(std::isnan((robustOutliers({}, {}, 3.5, threshold), threshold)));
  }

  void classifierInfluencePredictsLeaveOneOut() {
    // 3-class softmax regression on 4-D features: the influence of each of the 200 training
    // points on the summed loss of 10 test points against retraining without it.
    Rng rng(9);
    const int classes = 3, dim = 4;
    const std::size_t n = 200, m = 10;
    const double lambda = 0.05;
    auto sample = [&](std::size_t count, std::vector<double>& x, std::vector<int>& y) {
      for (std::size_t i = 0; i < count; ++i) {
        const int c = int(rng.below(classes));
        y.push_back(c);
        for (int a = 0; a < dim; ++a) x.push_back(gaussian(rng) + (a == c ? 1.5 : 0.0));
      }
    };
    std::vector<double> xs, xt;
    std::vector<int> ys, yt;
    sample(n, xs, ys);
    sample(m, xt, yt);
    SoftmaxRegression full{classes, dim, std::vector<double>(classes * (dim + 1), 0.0)};
    full.fit(xs, ys, lambda, -1);
    auto testLoss = [&](const SoftmaxRegression& model) {
      double s = 0;
      for (std::size_t t = 0; t < m; ++t) s += model.loss(&xt[t * dim], yt[t]);
      return s;
    };
    const double base = testLoss(full);
    std::vector<double> actual;
    for (std::size_t i = 0; i < n; ++i) {
      SoftmaxRegression loo = full;  // warm start
      loo.fit(xs, ys, lambda, int(i));
      actual.push_back(testLoss(loo) - base);
    }
    ClassifierWeights w;
    w.classes = classes;
    w.dim = dim;
    for (int c = 0; c < classes; ++c) {
      for (int a = 0; a < dim; ++a) w.weight.push_back(float(full.theta[c * (dim + 1) + a]));
      w.bias.push_back(float(full.theta[c * (dim + 1) + dim]));
    }
    std::vector<float> fs(xs.begin(), xs.end()), ft(xt.begin(), xt.end());
    const ClassifierInfluence ci =
        classifierInfluence(fs.data(), n, ys, ft.data(), m, yt, w, lambda, /*selfInfluence=*/true);
    std::vector<double> predicted;
    for (double s : ci.scores) predicted.push_back(s / double(n));  // removal = eps of -1/n
    const double r = pearson(predicted, actual);
    qInfo("influence vs leave-one-out retraining: Pearson r = %.5f over %zu points", r, n);
    QVERIFY2(r > 0.99, qPrintable(QString::number(r)));
    // Not only correlated: the same size.
    double num = 0, den = 0;
    for (std::size_t i = 0; i < n; ++i) {
      num += predicted[i] * actual[i];
      den += actual[i] * actual[i];
    }
    QVERIFY2(std::abs(num / den - 1) < 0.1, qPrintable(QString::number(num / den)));
    QCOMPARE(ci.parameters, std::size_t(classes * (dim + 1)));
    for (double s : ci.selfScores) QVERIFY(s >= 0);
    QVERIFY(ci.minEigenvalue >= lambda * 0.999);
    // The damping must leave the Hessian positive definite.
    QVERIFY_THROWS_EXCEPTION(
        Error, classifierInfluence(fs.data(), n, ys, ft.data(), m, yt, w, -1.0, false));
  }

  // Confident learning's confident joint, calibration and pruning on a hand-made matrix; the
  // expected values were worked out by hand (binary fractions: no rounding at the thresholds).
  //   t0 = (0.75 + 0.25) / 2 = 0.5, t1 = (0.75 + 0.5) / 2 = 0.625, t2 = (0.75 + 0.625) / 2
  //   s0 -> 0, s1 -> 1 (0.625 >= t1), s2 -> 1, s3 none (0.5 < t1), s4 -> 2, s5 none
  //   C = [[1,1,0],[0,1,0],[0,0,1]]; rows to the label counts (2 each): [[1,1,0],[0,2,0],
  //   [0,0,2]], / 6 = Q; prune round(6 Q[0][1]) = 1 of label 0 by p1 - p0: s1.
  void confidentJointKnownAnswer() {
    const std::vector<float> p = {0.75f,  0.125f, 0.125f, 0.25f,  0.625f, 0.125f,
                                  0.125f, 0.75f,  0.125f, 0.125f, 0.5f,   0.375f,
                                  0.125f, 0.125f, 0.75f,  0.25f,  0.125f, 0.625f};
    const std::vector<int> labels = {0, 0, 1, 1, 2, 2};
    const ConfidentJoint cj = confidentJoint(p, labels, 3);
    QCOMPARE(cj.thresholds, (std::vector<double>{0.5, 0.625, 0.6875}));
    QCOMPARE(cj.confidentClass, (std::vector<int>{0, 1, 1, -1, 2, -1}));
    const std::vector<std::vector<long>> c = {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}};
    QCOMPARE(cj.counts, c);
    const double sixth = 1.0 / 6.0;
    const double q[3][3] = {{sixth, sixth, 0}, {0, 2 * sixth, 0}, {0, 0, 2 * sixth}};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) QVERIFY(std::abs(cj.calibrated[i][j] - q[i][j]) < 1e-12);
    const LabelIssues li = findLabelIssues(p, labels, 3, cj);
    QCOMPARE(li.issue, (std::vector<std::uint8_t>{0, 1, 0, 0, 0, 0}));
    QCOMPARE(li.ranked, (std::vector<std::size_t>{1}));
    QCOMPARE(li.estimatedErrors, std::size_t(1));
    QCOMPARE(li.selfConfidence[1], 0.25);
    QCOMPARE(li.margin[1], 0.375);

    // Two confident classes: the paper's rule counts the more probable of them, even when the
    // overall argmax is another class (below its threshold); cleanlab would count class 0.
    //   t0 = 0.9 (s0), t1 = (0.32 + 0.28) / 2 = 0.30, t2 = 0.2 (s3)
    //   s1 (label 1) = (0.45, 0.32, 0.23): above t1 and t2, not t0 -> class 1.
    const std::vector<float> p2 = {0.9f,  0.05f, 0.05f,  // label 0
                                   0.45f, 0.32f, 0.23f,  // label 1
                                   0.1f,  0.28f, 0.62f,  // label 1
                                   0.1f,  0.7f,  0.2f};  // label 2
    const ConfidentJoint cj2 = confidentJoint(p2, {0, 1, 1, 2}, 3);
    QCOMPARE(cj2.confidentClass[1], 1);
    QCOMPARE(cj2.counts[1][0], 0L);
    QCOMPARE(cj2.counts[1][1], 1L);
    QVERIFY_THROWS_EXCEPTION(Error, confidentJoint(p2, {0, 1, 2}, 3));
  }
};

QTEST_GUILESS_MAIN(TestDetectors)
#include "tst_detectors.moc"
