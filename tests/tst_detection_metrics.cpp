// Detector metrics against hand-computed values, including ties and degenerate cases.
#include <QtTest>

#include <cmath>

#include "core/detect/detection_metrics.h"
#include "core/util/error.h"

using namespace poisonlab;

class TestDetectionMetrics : public QObject {
  Q_OBJECT
 private slots:
  void handComputed() {
    // Scores 0.9 0.8 0.7 0.6 0.5 0.4; poisons at ranks 1, 3, 4; flagged = top 3.
    const std::vector<double> s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    const std::vector<std::uint8_t> truth = {1, 0, 1, 1, 0, 0};
    const std::vector<std::uint8_t> flags = {1, 1, 1, 0, 0, 0};
    const DetectionMetrics m = detectionMetrics(s, flags, truth);
    QCOMPARE(m.poisons, std::size_t(3));
    QCOMPARE(m.truePositives, std::size_t(2));
    QCOMPARE(m.precision, 2.0 / 3);
    QCOMPARE(m.recall, 2.0 / 3);
    QCOMPARE(m.f1, 2.0 / 3);
    // AUROC: pairs (pos, neg) with pos above neg: 0.9 beats 3 negatives, 0.7 beats 2, 0.6 beats 2 =
    // 7 of 9.
    QVERIFY(qFuzzyCompare(m.auroc, 7.0 / 9));
    // AP = (1/3)(1/1) + (1/3)(2/3) + (1/3)(3/4) = 0.80555...
    QVERIFY(qFuzzyCompare(m.averagePrecision, (1.0 + 2.0 / 3 + 3.0 / 4) / 3));
    // recall@3: two of three poisons in the top three.
    QCOMPARE(m.k, std::size_t(3));
    QVERIFY(qFuzzyCompare(m.recallAtK, 2.0 / 3));
  }

  void curvesByHand() {
    // The same six scores: ROC steps up at each poison, right at each clean sample.
    const std::vector<double> s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    const std::vector<std::uint8_t> truth = {1, 0, 1, 1, 0, 0};
    const auto roc = rocCurve(s, truth);
    const std::vector<std::pair<double, double>> want = {
        {0, 0},       {0, 1.0 / 3}, {1.0 / 3, 1.0 / 3}, {1.0 / 3, 2.0 / 3}, {1.0 / 3, 1},
        {2.0 / 3, 1}, {1, 1}};
    QCOMPARE(roc.size(), want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
      QVERIFY(std::abs(roc[k].x - want[k].first) < 1e-12);
      QVERIFY(std::abs(roc[k].y - want[k].second) < 1e-12);
    }
    // Its area (trapezoids) is the AUROC the metrics report.
    double area = 0;
    for (std::size_t k = 1; k < roc.size(); ++k)
      area += (roc[k].x - roc[k - 1].x) * (roc[k].y + roc[k - 1].y) / 2;
    QVERIFY(qFuzzyCompare(area, 7.0 / 9));
    // Precision-recall: (recall, precision) after each score.
    const auto pr = precisionRecallCurve(s, truth);
    QCOMPARE(pr.size(), std::size_t(6));
    QVERIFY(qFuzzyCompare(pr[0].y, 1.0));
    QVERIFY(qFuzzyCompare(pr[2].x, 2.0 / 3));
    QVERIFY(qFuzzyCompare(pr[2].y, 2.0 / 3));
    QVERIFY(qFuzzyCompare(pr[3].y, 3.0 / 4));
    // Tied scores are one step; no poisons, no PR curve.
    QCOMPARE(rocCurve({1, 1, 1}, {1, 0, 0}).size(), std::size_t(2));
    QVERIFY(precisionRecallCurve({1, 2}, {0, 0}).empty());
    // The threshold's metrics: flag >= 0.7.
    const DetectionMetrics m = metricsAtThreshold(s, truth, 0.7);
    QCOMPARE(m.flagged, std::size_t(3));
    QCOMPARE(m.truePositives, std::size_t(2));
    QVERIFY(qFuzzyCompare(m.recall, 2.0 / 3));
    QVERIFY_THROWS_EXCEPTION(Error, rocCurve({1, 2}, {1}));
  }

  void ties() {
    // All scores equal: AUROC 1/2, AP = prevalence, recall@k = k/n.
    const std::vector<double> s(4, 1.0);
    const std::vector<std::uint8_t> truth = {1, 0, 0, 0};
    const DetectionMetrics m = detectionMetrics(s, std::vector<std::uint8_t>(4, 0), truth);
    QCOMPARE(m.auroc, 0.5);
    QCOMPARE(m.averagePrecision, 0.25);
    QCOMPARE(m.recallAtK, 0.25);  // k = 1 of a 4-way tie
    // A tie between one poison and one clean sample at the top.
    const DetectionMetrics t = detectionMetrics({2, 2, 1}, {0, 0, 0}, {1, 0, 0});
    QCOMPARE(t.auroc, 0.75);  // beats one negative, ties the other
    QCOMPARE(t.averagePrecision, 0.5);
    QCOMPARE(t.recallAtK, 0.5);
  }

  void degenerate() {
    // No poisons: recall and AP 0, AUROC 0.5, precision 0 for anything flagged.
    const DetectionMetrics none = detectionMetrics({0.3, 0.2}, {1, 0}, {0, 0});
    QCOMPARE(none.recall, 0.0);
    QCOMPARE(none.precision, 0.0);
    QCOMPARE(none.auroc, 0.5);
    QCOMPARE(none.recallAtK, 0.0);
    // Everything flagged: recall 1, precision = prevalence.
    const DetectionMetrics all = detectionMetrics({1, 2, 3, 4}, {1, 1, 1, 1}, {0, 1, 0, 0});
    QCOMPARE(all.recall, 1.0);
    QCOMPARE(all.precision, 0.25);
    QCOMPARE(all.f1, 0.4);
    // Nothing flagged: precision 0, F1 0, no division by zero.
    const DetectionMetrics nothing = detectionMetrics({1, 2}, {0, 0}, {0, 1});
    QCOMPARE(nothing.precision, 0.0);
    QCOMPARE(nothing.f1, 0.0);
    QCOMPARE(nothing.auroc, 1.0);
    // Perfect and inverted rankings.
    QCOMPARE(detectionMetrics({3, 2, 1}, {0, 0, 0}, {1, 1, 0}).auroc, 1.0);
    QCOMPARE(detectionMetrics({1, 2, 3}, {0, 0, 0}, {1, 1, 0}).auroc, 0.0);
    QVERIFY_THROWS_EXCEPTION(Error, detectionMetrics({1}, {0, 0}, {0, 0}));
  }

  void agreementBetweenTwoScorings() {
    // Spearman: 1 for any increasing transform, -1 reversed; with ties, average ranks
    // (scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138).
    const std::vector<double> a{0.1, 0.5, 0.2, 0.9, 0.7};
    std::vector<double> cubed, reversed;
    for (double v : a) cubed.push_back(v * v * v), reversed.push_back(-v);
    QCOMPARE(spearman(a, cubed), 1.0);
    QCOMPARE(spearman(a, reversed), -1.0);
    QVERIFY(std::abs(spearman({1, 2, 2, 3}, {1, 3, 2, 4}) - 0.9486832980505138) < 1e-12);
    QVERIFY(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));  // no ranking on one side
    // Jaccard of flag vectors and of position lists: |A and B| / |A or B|.
    QCOMPARE(
        jaccard(std::vector<std::uint8_t>{1, 1, 0, 0, 1}, std::vector<std::uint8_t>{1, 0, 1, 0, 1}),
        0.5);
    QCOMPARE(jaccard(std::vector<std::size_t>{2, 5, 9}, std::vector<std::size_t>{5, 9, 11, 12}),
             0.4);
    QCOMPARE(jaccard(std::vector<std::size_t>{}, std::vector<std::size_t>{}), 1.0);
  }
};

QTEST_GUILESS_MAIN(TestDetectionMetrics)
#include "tst_detection_metrics.moc"
