// The detectors end to end on the tests' tiny planted backdoor (tiny_backdoor.h): each finds
// it, the records say whether the attack took, exclusionary reclassification names the source,
// and the network influence solvers equal the closed form. Split from tst_training to keep
// each executable well inside its timeout on a CPU without bf16.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/detect/detect.h"
#include "core/run/activation_cache.h"
#include "core/run/prediction_cache.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include "core/util/md5.h"
#include "test_support.h"
#include "tiny_backdoor.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

class TestDetectorTasks : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const Dataset> data_ = colourDataset(kPerClass, 16);
  TrainResult backdoor_;  // trained once in initTestCase, reused

  std::string dir(const char* name) { return tmp_.filePath(name).toStdString(); }

 private slots:
  void initTestCase() {
    backdoor_ = trainModel(poisoned(data_, kPoisons), tinyConfig(kEpochs), dir("backdoor"));
    QVERIFY(backdoor_.final.asr > 0.9);
  }

  void detectorsFindThePlantedBackdoor_data() {
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("minAuroc");
    QTest::newRow("spectral") << int(DetectorMethod::Spectral) << 0.9;
    QTest::newRow("activation-clustering") << int(DetectorMethod::ActivationClustering) << 0.9;
    QTest::newRow("influence") << int(DetectorMethod::Influence) << 0.9;
  }
  void detectorsFindThePlantedBackdoor() {
    QFETCH(int, method);
    QFETCH(double, minAuroc);
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    DetectRequest r;
    r.method = static_cast<DetectorMethod>(method);
    r.inference.threads = 2;
    double lastProgress = 0;
    const DetectionReport rep =
        runDetector(run, pd, r, [&](double f, const std::string&) { lastProgress = f; });
    QCOMPARE(lastProgress, 1.0);
    const DetectionMetrics& m = rep.overall;
    qInfo("%s on %s: precision %.3f recall %.3f AUROC %.4f recall@k %.3f, %.2f s", rep.name.c_str(),
          rep.layer.c_str(), m.precision, m.recall, m.auroc, m.recallAtK, rep.seconds);
    QCOMPARE(m.samples, pd.train.count());
    QCOMPARE(m.poisons, std::size_t(kPoisons));
    QVERIFY2(m.auroc > minAuroc, qPrintable(QString::number(m.auroc)));
    QCOMPARE(int(rep.classes.size()), 4);
    // Clean classes hold no poisons: any flag there is a false positive, reported per class.
    QCOMPARE(rep.classes[1].metrics.poisons, std::size_t(kPoisons));
    QCOMPARE(rep.classes[0].metrics.poisons, std::size_t(0));
    if (r.method == DetectorMethod::Influence) {
      // Flags are outliers against the predicted label's own samples (the target, 1).
      QVERIFY2(rep.settingsJson.find("\"flag_among\":\"label 1 (") != std::string::npos,
               rep.settingsJson.c_str());
      QVERIFY2(m.precision > 0.8 && m.recall > 0.8,
               qPrintable(QStringLiteral("precision %1 recall %2").arg(m.precision).arg(m.recall)));
    }
    // Written atomically, in the documented shape.
    const std::string json = writeDetection(run, pd, rep);
    for (const char* key : {"\"precision\"", "\"recall\"", "\"auroc\"", "\"flagged\"",
                            "\"seconds\"", "\"per_class\"", "\"settings\""})
      QVERIFY2(json.find(key) != std::string::npos, key);
    std::ifstream csv(detectDir(run) + "/" + rep.name + ".csv");
    std::string header;
    std::getline(csv, header);
    QVERIFY2(header.rfind("index,label,score,flagged,poisoned", 0) == 0, header.c_str());
    std::size_t lines = 0;
    for (std::string line; std::getline(csv, line);) ++lines;
    QCOMPARE(lines, pd.train.count());
    // The same request gives the same scores (seeded SVD, k-means and sampling).
    QCOMPARE(runDetector(run, pd, r).scores, rep.scores);
    // Clustering's per-sample cluster column agrees with every class's cluster sizes, the
    // first class's included. (Its column was once written through a reference that adding the
    // next column invalidated: harmless by luck in a release build, a use after free under
    // AddressSanitizer, which runs this suite with `cmake --workflow --preset asan`.)
    if (r.method == DetectorMethod::ActivationClustering) {
      const std::vector<double>* cluster = nullptr;
      for (const auto& [name, values] : rep.columns)
        if (name == "cluster") cluster = &values;
      QVERIFY(cluster);
      for (const ClassSummary& c : rep.classes) {
        double ones = 0;
        for (std::size_t k = 0; k < rep.indices.size(); ++k)
          if (rep.labels[k] == c.cls) ones += (*cluster)[k];
        QCOMPARE(ones, figureOf(c.figures, "cluster1_size"));
      }
    }
  }

  void activationsAreComputedOncePerModel() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("cached");
    fs::create_directories(run);
    fs::copy_file(modelPath(dir("backdoor")), modelPath(run), fs::copy_options::overwrite_existing);
    const std::string model = modelPath(run);
    DetectRequest spectral;
    spectral.inference.threads = 2;
    const DetectionReport first = runDetector(run, pd, spectral);
    // One pass kept the asked layer and the other detectors' and views' layers.
    const std::string md5 = md5OfFile(model);
    const ModelSpec spec = modelSpecOf(model);
    for (const std::string& layer :
         {spec.lastBlockInputLayer(), std::string("pool"), std::string("fc")})
      QVERIFY2(fs::exists(activationCachePath(run, md5, Precision::Fp32, layer)), layer.c_str());
    // The cached rows are the network's (any subset, any order of runs).
    const std::vector<std::int64_t> some{3, 4, 5, 17, 40, 41};
    ActivationSource src;
    const LayerActivations cached =
        trainingActivations(run, model, pd, "pool", some, spectral.inference, {}, nullptr, &src);
    QVERIFY(src.fromCache);
    const LayerActivations direct =
        layerActivations(model, pd.train, "pool", some, spectral.inference);
    QCOMPARE(cached.dim, direct.dim);
    for (std::size_t k = 0; k < direct.values.size(); ++k)
      QVERIFY(std::abs(cached.values[k] - direct.values[k]) <=
              1e-5f * (1 + std::abs(direct.values[k])));
    // The window's predictions come from the same pass.
    bool fromCache = false;
    const auto probs =
        trainingProbabilities(run, model, pd, spectral.inference, {}, nullptr, &fromCache);
    QVERIFY(fromCache);
    QCOMPARE(probs.size(), pd.train.count() * 4);
    // A second detector reads its features; its result is the one computed without a cache.
    DetectRequest ac;
    ac.method = DetectorMethod::ActivationClustering;
    ac.inference.threads = 2;
    const DetectionReport withCache = runDetector(run, pd, ac);
    qputenv("POISONLAB_CACHE_GB", "0");
    const DetectionReport without = runDetector(run, pd, ac);
    QCOMPARE(withCache.flagged, without.flagged);
    QCOMPARE(withCache.overall.auroc, without.overall.auroc);
    // Too small a bound keeps nothing new and still answers.
    qputenv("POISONLAB_CACHE_GB", "0.0000001");
    QCOMPARE(runDetector(dir("backdoor"), pd, spectral).scores, first.scores);
    qunsetenv("POISONLAB_CACHE_GB");
    // A damaged cache file is computed again, not trusted.
    const std::string pool = activationCachePath(run, md5, Precision::Fp32, "pool");
    fs::resize_file(pool, fs::file_size(pool) / 2);
    const LayerActivations again =
        trainingActivations(run, model, pd, "pool", some, spectral.inference, {}, nullptr, &src);
    QVERIFY(!src.fromCache && src.cached);
    QCOMPARE(again.values, cached.values);
  }

  void detectorRecordsSayWhetherTheAttackTook() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    DetectRequest r;
    r.method = DetectorMethod::Spectral;
    r.inference.threads = 2;
    const DetectionReport backdoor = runDetector(dir("backdoor"), pd, r);
    QVERIFY(backdoor.attackTook);
    QVERIFY(backdoor.model.asr > 0.9);
    QCOMPARE(backdoor.model.asr, backdoor_.final.asr);
    QCOMPARE(backdoor.model.asrMirrored, backdoor_.final.asrMirrored);
    const std::string json = writeDetection(dir("backdoor"), pd, backdoor);
    QVERIFY(json.find("\"attack_took\": true") != std::string::npos);
    // A model that never saw the poisons: the record says the attack did not take.
    TrainConfig clean = tinyConfig(3);
    clean.exclude.assign(pd.poisonedIndices.begin(), pd.poisonedIndices.end());
    trainModel(pd, clean, dir("notaken"));
    const DetectionReport none = runDetector(dir("notaken"), pd, r);
    QVERIFY2(!none.attackTook, qPrintable(QString::number(none.model.asr)));
  }

  void exclusionaryReclassificationNamesTheSource() {
    // Retrained without every class's smaller cluster, the model sends the poisoned (red,
    // relabelled green) cluster back to red: poison, source red; no clean cluster is called.
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    DetectRequest r;
    r.method = DetectorMethod::ActivationClustering;
    r.ac.criterion = AcCriterion::Smaller;
    r.ac.reclassify = Reclassify::Full;
    r.inference.threads = 2;
    const DetectionReport rep = runDetector(run, pd, r);
    auto figure = [](const std::vector<Figure>& f, const char* name) {
      return figureOf(f, name, -99);
    };
    for (const auto& c : rep.classes)
      qInfo("class %d: reclassified own %.3f, other %.3f (class %g)%s", c.cls,
            figure(c.figures, "reclassified_own_fraction"),
            figure(c.figures, "reclassified_other_fraction"),
            figure(c.figures, "reclassified_other_class"),
            figure(c.figures, "reclassified_poison") > 0 ? " poison" : "");
    QCOMPARE(figure(rep.figures, "reclassified_attacked_class"), 1.0);
    QCOMPARE(figure(rep.figures, "reclassified_source_class"), 0.0);
    QCOMPARE(figure(rep.figures, "reclassified_poison_clusters"), 1.0);
    QVERIFY2(rep.overall.recall > 0.9, qPrintable(QString::number(rep.overall.recall)));
    QVERIFY(rep.settingsJson.find("\"reclassify\":\"full\"") != std::string::npos);
    // The retrain is kept in RUN/detect/reclassify-<digest>/ and reused when asked again.
    auto retrains = [&] {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(detectDir(run)))
        if (e.path().filename().string().rfind("reclassify-", 0) == 0 &&
            fs::exists(modelPath(e.path().string())))
          found.push_back(md5OfFile(modelPath(e.path().string())));
      return found;
    };
    const auto first = retrains();
    QCOMPARE(first.size(), std::size_t(1));
    QCOMPARE(runDetector(run, pd, r).scores, rep.scores);
    QCOMPARE(retrains(), first);
  }

  void networkInfluenceAgreesWithTheExactClassifierLayer() {
    // Restricted to the classifier layer, with H over every training sample, the HVP solvers
    // must reproduce the closed form.
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    DetectRequest exact;
    exact.method = DetectorMethod::Influence;
    exact.influence.normalize = InfluenceNormalization::None;
    exact.influence.damping = 0.1;
    exact.inference.threads = 2;
    const DetectionReport e = runDetector(run, pd, exact);
    for (HvpSolver solver : {HvpSolver::Cg, HvpSolver::Lissa}) {
      DetectRequest net = exact;
      net.influence.network = true;
      net.influence.candidates = 0;  // all
      net.influence.hessianSamples = pd.train.count();
      net.influence.net.layers = {"fc"};
      net.influence.net.solver = solver;
      net.influence.net.lissaDepth = 300;
      net.influence.net.lissaScale = 5;
      net.influence.net.lissaBatch = int(pd.train.count());  // deterministic: full-batch HVPs
      const DetectionReport n = runDetector(run, pd, net);
      QCOMPARE(n.scores.size(), e.scores.size());
      const double r = testing::pearson(n.scores, e.scores);
      // Equal in value, not only in correlation: the same scale (1/n in H) and the same damping
      // convention (H + damping I). Largest difference relative to the largest score, and the
      // least-squares slope of network on closed form.
      double worst = 0, scale = 0, xy = 0, xx = 0;
      for (std::size_t i = 0; i < e.scores.size(); ++i) {
        worst = std::max(worst, std::abs(n.scores[i] - e.scores[i]));
        scale = std::max(scale, std::abs(e.scores[i]));
        xy += n.scores[i] * e.scores[i];
        xx += e.scores[i] * e.scores[i];
      }
      const double slope = xy / xx;
      qInfo(
          "%s over fc vs closed form: r = %.6f, slope %.5f, largest difference %.2e of %.3g, "
          "%.2f s",
          toString(solver), r, slope, worst, scale, n.seconds);
      QVERIFY2(r > 0.999, qPrintable(QString::number(r)));
      const double tolerance = 1e-3;
      QVERIFY2(std::abs(slope - 1) < tolerance, qPrintable(QString::number(slope)));
      QVERIFY2(worst < tolerance * scale, qPrintable(QString::number(worst / scale)));
    }
  }
};

QTEST_GUILESS_MAIN(TestDetectorTasks)
#include "tst_detector_tasks.moc"
