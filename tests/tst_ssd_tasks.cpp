// SSD end to end on the grating task (tests/synthetic_tasks.h), whose class features
// (orientations) and trigger features differ, as in natural images: alpha and lambda chosen
// with only what a defender has keep the clean task, and a backdoor trained with horizontal
// flips answers to the mirrored trigger too until SSD, seeing the forget set in both
// orientations, removes both. Split from tst_training to keep each executable well inside its
// timeout on a CPU without bf16.
#include <QTemporaryDir>
#include <algorithm>
#include <QtTest>

#include "core/attack/poison.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"
#include "core/util/atomic_file.h"
#include "core/unlearn/ssd.h"
#include "synthetic_tasks.h"

using namespace poisonlab;

namespace {

/// A 3x3 checkerboard (bottom right, row 28, column 28; mirrored: column 1) on half of class 0,
/// relabelled 1.
PoisonedDataset gratingBackdoor(std::shared_ptr<const Dataset> ds, int count = 128) {
  PoisonSpec p;
  p.source = 0;
  p.target = 1;
  p.count = count;
  p.seed = 3;
  return applyPoison(std::move(ds), TriggerSpec::defaults(TriggerType::Patch), p);
}

TrainConfig gratingConfig(Augment augment) {
  TrainConfig c;
  c.model.arch = "resnet8";
  c.model.width = 32;
  c.epochs = 12;
  c.batchSize = 32;
  c.lr = 0.1;
  c.augment = augment;
  c.precision = Precision::Fp32;
  c.threads = 2;
  // The grating tasks' settings were tuned with weight decay on every parameter (the recipe
  // before issue 14); without it the flipped task's stamped trigger stays at ASR 0.81 after 16
  // epochs. These tests are about SSD on a model that learned the trigger, so they keep it.
  c.decayNorms = true;
  // And with plain targets: with the default recipe's smoothing (0.2) the flipped task's stamped
  // trigger reaches only ASR 0.77 in 16 epochs, and the selected SSD costs the first task 8
  // points (0.941 -> 0.859, measured). SSD on a smoothed model is the last test's subject.
  c.labelSmoothing = 0;
  return c;
}

/// SSD on every poison, alpha and lambda chosen with the defender's selection.
UnlearnRequest selectedSsd(const std::string& run, const PoisonedDataset& pd) {
  UnlearnRequest r;
  r.forget = resolveForgetSet("ground-truth", run, pd);
  r.precision = Precision::Fp32;
  r.threads = 2;
  r.select.enabled = true;
  r.select.validation = 400;
  r.select.alphas = {5, 10, 12, 14, 16, 18, 20, 25, 30, 50};
  r.select.lambdas = {0.1, 1};
  // On this tiny task the training images are fitted to 100 % and every dampening costs some
  // of it, and a fold's importances (4/5 of the forget set) remove less than the whole set's:
  // the held-out fit overestimates the backdoor left. Measured: alpha 20 gives a held-out fit
  // of 0.21-0.23 at a 3-4 point accuracy cost, and a test ASR near 0.06.
  r.select.target = 0.25;
  r.select.accuracyBudget = 0.05;
  return r;
}

void printGrid(const UnlearnResult& u) {
  for (const auto& g : u.selection.grid)
    qInfo("  alpha %g lambda %g: %zu dampened, validation accuracy %.3f held-out fit %.3f%s",
          g.alpha, g.lambda, g.dampened, g.validationAccuracy, g.validationBackdoor,
          g.meetsTarget ? " (meets target)" : "");
  qInfo("ssd (alpha %g): clean %.3f -> %.3f, ASR %.3f -> %.3f, mirrored %.3f -> %.3f",
        u.chosen.alpha, u.before.cleanAcc, u.after.cleanAcc, u.before.asr, u.after.asr,
        u.before.asrMirrored, u.after.asrMirrored);
}

}  // namespace

class TestSsdTasks : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string dir(const char* name) { return tmp_.filePath(name).toStdString(); }

 private slots:
  void selectedSsdKeepsTheCleanTask() {
    const PoisonedDataset pd = gratingBackdoor(gratingDataset(256, 64));
    const std::string run = dir("gratings");
    const TrainResult trained = trainModel(pd, gratingConfig(Augment::None), run);
    qInfo("gratings: clean %.3f, ASR %.3f", trained.final.cleanAcc, trained.final.asr);
    QVERIFY(trained.final.cleanAcc > 0.9);
    QVERIFY(trained.final.asr > 0.9);
    // Which alpha separates the trigger's weights from the task's depends on how well each is
    // fitted (on CIFAR-10 alpha 10 works, here the boundary moves with the data seed), so it is
    // chosen on held-out folds of the forget set and training images; the test set is only
    // read afterwards.
    const UnlearnResult u = unlearn(run, pd, selectedSsd(run, pd));
    printGrid(u);
    QVERIFY(u.selection.targetMet);
    QVERIFY2(u.after.asr < 0.1, qPrintable(QString::number(u.after.asr)));
    // Measured: 0.930 -> 0.883 at alpha 20 (the tiny task pays for every dampened weight).
    QVERIFY2(u.after.cleanAcc > u.before.cleanAcc - 0.07,
             qPrintable(QString::number(u.after.cleanAcc)));
  }

  void flipsTeachTheMirroredTriggerAndSsdRemovesBoth() {
    // Flips keep these classes (45-degree gratings would turn into 135-degree ones).
    const PoisonedDataset pd = gratingBackdoor(mirrorSymmetricGratingDataset(256, 64), 96);
    QCOMPARE(pd.trigger.mirroredCol(), 1);
    const std::string run = dir("flipped");
    TrainConfig c = gratingConfig(Augment::Flip);
    // Each orientation of the trigger is seen half as often. With 16 epochs the stamped trigger
    // reached only ASR 0.72 on AVX2 kernels (1.00 on AVX-512); 20 give 1.00 / 0.95.
    c.epochs = 20;
    const TrainResult trained = trainModel(pd, c, run);
    qInfo("gratings with flips: clean %.3f, ASR %.3f, mirrored %.3f", trained.final.cleanAcc,
          trained.final.asr, trained.final.asrMirrored);
    QVERIFY(trained.final.cleanAcc > 0.85);
    QVERIFY(trained.final.asr > 0.9);
    QVERIFY2(trained.final.asrMirrored > 0.9, "the mirrored trigger fires before unlearning");
    QCOMPARE(trained.history.back().asrMirrored, trained.final.asrMirrored);
    UnlearnRequest r = selectedSsd(run, pd);
    const UnlearnResult u = unlearn(run, pd, r);
    printGrid(u);
    // The forget set was seen in both orientations, and held out in both.
    QCOMPARE(u.selection.backdoorImages, std::size_t(2 * 96));
    const std::string record = readTextFile(u.jsonPath);
    QVERIFY(record.find("\"forget_orientation\": \"both\"") != std::string::npos);
    QCOMPARE(u.before.asrMirrored, trained.final.asrMirrored);
    // Whether some alpha separates the trigger's weights from this tiny task's depends on the
    // model, and the model on the CPU's rounding: on AVX2 kernels alpha 10 meets the held-out
    // target and removes both (clean 0.974 -> 0.953, ASR 0.047, mirrored 0.094); on AVX-512 no
    // alpha of the grid meets it (measured 2026-11-28). What must hold either way: the record
    // says which; a met target, held out in both orientations, means both triggers are gone;
    // an unmet one, the selection's fallback.
    QVERIFY(record.find(std::string("\"target_met\": ") +
                        (u.selection.targetMet ? "true" : "false")) != std::string::npos);
    if (!u.selection.targetMet) {
      // Then the selection's documented fallback: of the settings within the accuracy budget,
      // the one with the lowest held-out fit (defender's figures only; the test set's removal is
      // not promised).
      const double floor = u.selection.accuracyBefore - r.select.accuracyBudget;
      const SsdGridPoint* chosen = nullptr;
      double lowest = 2;
      for (const auto& g : u.selection.grid) {
        if (g.validationAccuracy >= floor) lowest = std::min(lowest, g.validationBackdoor);
        if (g.alpha == u.chosen.alpha && g.lambda == u.chosen.lambda) chosen = &g;
      }
      QVERIFY(chosen);
      QVERIFY2(lowest <= 1, "some setting of the grid keeps the accuracy budget");
      QVERIFY(chosen->validationAccuracy >= floor);
      QCOMPARE(chosen->validationBackdoor, lowest);
      qInfo("no alpha met the held-out target: the lowest held-out fit within the budget chosen");
      return;
    }
    QVERIFY2(u.after.asr < 0.1, qPrintable(QString::number(u.after.asr)));
    QVERIFY2(u.after.asrMirrored < 0.1, qPrintable(QString::number(u.after.asrMirrored)));
    QVERIFY(u.after.cleanAcc > u.before.cleanAcc - 0.05);
  }

  void smoothedTargetsNeedTheSmoothedImportances() {
    // The default recipe trains on smoothed targets. At their optimum a fitted image still has
    // a gradient of the plain cross-entropy (its label's probability stops short of 1), so
    // importances of the plain loss are spread over the whole clean task and SSD dampens it; the
    // importances of the loss the model was trained with are not. (On the CIFAR-10 seed-0 model:
    // 2,984 weights dampened and 2.65 points of clean accuracy lost, against 230 and 0.21.)
    const PoisonedDataset pd = gratingBackdoor(gratingDataset(256, 64));
    const std::string run = dir("smoothed");
    TrainConfig c = gratingConfig(Augment::None);
    c.labelSmoothing = TrainConfig{}.labelSmoothing;
    QVERIFY(c.labelSmoothing > 0);
    const TrainResult trained = trainModel(pd, c, run);
    qInfo("smoothed gratings: clean %.3f, ASR %.3f", trained.final.cleanAcc, trained.final.asr);
    QVERIFY(trained.final.asr > 0.9);
    UnlearnRequest r;
    r.forget = resolveForgetSet("ground-truth", run, pd);
    r.precision = Precision::Fp32;
    r.threads = 2;
    // The same dampening with importances of the plain cross-entropy, for comparison.
    FisherOptions plainFull = fisherOptionsFor(run, r, false),
                  plainForget = fisherOptionsFor(run, r, true);
    QCOMPARE(plainFull.labelSmoothing, c.labelSmoothing);
    plainFull.labelSmoothing = plainForget.labelSmoothing = 0;
    std::vector<std::int64_t> all(pd.train.count());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
    const Importances full = fisherImportances(modelPath(run), pd.train, all, plainFull);
    const Importances forget =
        fisherImportances(modelPath(run), pd.train, r.forget.indices, plainForget);
    // Measured at alpha 10 / 20 / 30: smoothed importances clean 0.578 / 0.859 / 0.914, ASR
    // 0.000 / 0.047 / 0.203; plain ones dampen 116,214 / 78,425 / 60,108 weights, clean 0.25,
    // ASR 1.000 at every alpha (the task destroyed, the backdoor kept).
    r.ssd.alpha = 20;
    const UnlearnResult u = unlearn(run, pd, r);
    QVERIFY(readTextFile(u.jsonPath).find("\"importance_label_smoothing\": 0.2") !=
            std::string::npos);
    double dampened = -1;
    for (const auto& [name, value] : u.figures)
      if (name == "dampened") dampened = value;
    SsdOptions o;
    o.alpha = r.ssd.alpha;
    const std::string plainModel = dir("plain.pt");
    const DampeningStats st = dampen(modelPath(run), plainModel, full, forget, o);
    const EvalReport p = evaluateModelFile(plainModel, pd, "cpu", Precision::Fp32, 2);
    qInfo(
        "alpha 20: smoothed importances: %g dampened, clean %.3f ASR %.3f; plain ones: %zu "
        "dampened, clean %.3f ASR %.3f",
        dampened, u.after.cleanAcc, u.after.asr, st.selected, p.cleanAcc, p.asr);
    QVERIFY(dampened > 0);
    QVERIFY2(u.after.asr < 0.1, qPrintable(QString::number(u.after.asr)));
    QVERIFY2(u.after.cleanAcc > 0.8, qPrintable(QString::number(u.after.cleanAcc)));
    QVERIFY(double(st.selected) > 10 * dampened);
    QVERIFY(p.cleanAcc < u.after.cleanAcc - 0.3);
  }
};

QTEST_GUILESS_MAIN(TestSsdTasks)
#include "tst_ssd_tasks.moc"
