// The training engine on a tiny synthetic task (four classes of distinct colours) that trains
// to near-perfect accuracy in seconds: a planted backdoor is learned and a clean model does not
// have it; checkpoints round-trip; cancel is prompt and resumable; bad model files are refused.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>

#include "core/util/atomic_file.h"
#include "core/util/md5.h"
#include "core/detect/detect.h"
#include "core/data/download.h"
#include "core/util/error.h"
#include "core/train/inference.h"
#include "core/util/npy.h"
#include "core/run/prediction_cache.h"
#include "core/run/run_lock.h"
#include "core/util/rng.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"
#include "synthetic_tasks.h"
#include "tiny_backdoor.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

class TestTraining : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const Dataset> data_ = colourDataset(kPerClass, 16);
  TrainResult backdoor_;  // trained once in initTestCase, reused
  // For the mechanics (cancel, resume), where learning does not matter: small and fast.
  std::shared_ptr<const Dataset> small_ = colourDataset(32, 8);

  std::string dir(const char* name) { return tmp_.filePath(name).toStdString(); }

 private slots:
  void parameterCountsMatchThePapers() {
    // He et al. 2016, Table 6: 0.27M, 0.46M, 0.85M; CIFAR ResNet-18: 11.17M.
    ModelSpec s;
    // Exact counts of the reference implementation (akamaster/pytorch_resnet_cifar10, option A).
    QCOMPARE(parameterCount(s), std::int64_t(269722));
    s.arch = "resnet32";
    QCOMPARE(parameterCount(s), std::int64_t(464154));
    s.arch = "resnet56";
    QCOMPARE(parameterCount(s), std::int64_t(853018));
    s.arch = "resnet18";
    s.width = 64;
    QVERIFY(std::abs(parameterCount(s) - 11173962) < 1000);
  }

  void rejectsBadSpecs() {
    ModelSpec s;
    s.arch = "resnet21";
    QVERIFY_THROWS_EXCEPTION(Error, s.validate());
    TrainConfig c;
    c.epochs = 0;
    QVERIFY_THROWS_EXCEPTION(Error, c.validate());
    c = TrainConfig{};
    c.device = "tpu";
    QVERIFY_THROWS_EXCEPTION(Error, c.validate());
  }

  void smallCropsForTheFirstEpochs() {
    // Small crops for the first epochs: a different first epoch from whole images, whole images
    // after it (the network pools globally, so it takes both), recorded and read back; runs
    // without them (and those from before the option) carry no such field and read as 0.
    TrainConfig small = tinyConfig(2), whole = tinyConfig(2);
    small.smallCropsUntil = 0.5;
    small.smallCropSide = 16;
    QCOMPARE(small.smallCropEpochs(), 1);
    QCOMPARE(whole.smallCropEpochs(), 0);
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const TrainResult sm = trainModel(pd, small, dir("small"));
    const TrainResult wh = trainModel(pd, whole, dir("whole"));
    QVERIFY(sm.history.front().trainLoss != wh.history.front().trainLoss);
    QCOMPARE(sm.history.size(), std::size_t(2));
    QVERIFY(sm.final.cleanAcc > 0.15);  // evaluated on whole images: above chance
    QCOMPARE(readTrainConfig(dir("small")).smallCropsUntil, 0.5);
    QCOMPARE(readTrainConfig(dir("small")).smallCropSide, 16);
    QCOMPARE(readTrainConfig(dir("whole")).smallCropsUntil, 0.0);
    QVERIFY(trainConfigJson(whole).find("small_crop") == std::string::npos);
    small.smallCropSide = 33;
    QVERIFY_THROWS_EXCEPTION(Error, small.validate());
    small.smallCropSide = 24;
    small.smallCropsUntil = -0.1;
    QVERIFY_THROWS_EXCEPTION(Error, small.validate());
  }

  void augmentationStopsWhereTheRecipeSays() {
    // Augmentation for the first part of the epochs, then the images as they are: the epochs
    // with augmentation, and the record of it (only when set, so the settings of older runs and
    // of the default recipe, which flips throughout, read the same).
    TrainConfig c;
    QCOMPARE(c.augmentedEpochs(), c.epochs);
    c.epochs = 16;
    c.augmentUntil = 0.56;
    QCOMPARE(c.augmentedEpochs(), 9);
    c.augmentUntil = 1;
    QCOMPARE(c.augmentedEpochs(), c.epochs);
    c.augmentUntil = 0;
    QCOMPARE(c.augmentedEpochs(), 0);
    c.augmentUntil = 1.5;
    QVERIFY_THROWS_EXCEPTION(Error, c.validate());
    c.augmentUntil = 0.56;
    QVERIFY(trainConfigJson(c).find("\"augment_until\":0.56") != std::string::npos);
    QVERIFY(trainConfigJson(TrainConfig{}).find("augment_until") == std::string::npos);
    // Weight decay on batch norm and biases: recorded when off (the default), absent (as in the
    // runs from before the option) when on.
    QVERIFY(trainConfigJson(TrainConfig{}).find("\"weight_decay_norms\":false") !=
            std::string::npos);
    TrainConfig legacy;
    legacy.decayNorms = true;
    QVERIFY(trainConfigJson(legacy).find("weight_decay_norms") == std::string::npos);
    // Flipping that never starts trains exactly what no augmentation trains.
    TrainConfig flipNever = tinyConfig(2), none = tinyConfig(2);
    flipNever.augment = Augment::Flip;
    flipNever.augmentUntil = 0;
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const TrainResult a = trainModel(pd, flipNever, dir("flip-never"));
    const TrainResult b = trainModel(pd, none, dir("none"));
    QCOMPARE(a.history.back().trainLoss, b.history.back().trainLoss);
    flipNever.augmentUntil = 1;
    const TrainResult f = trainModel(pd, flipNever, dir("flip-always"));
    QVERIFY(f.history.back().trainLoss != b.history.back().trainLoss);
    // Label smoothing: recorded and read back, and the loss is taken against the smoothed
    // targets (the same run with it reports a higher loss: the smoothed targets' entropy).
    QCOMPARE(readTrainConfig(dir("none")).labelSmoothing, 0.0);
    TrainConfig smooth = tinyConfig(2);
    smooth.labelSmoothing = 0.2;
    const TrainResult h = trainModel(pd, smooth, dir("smooth"));
    QVERIFY(h.history.back().trainLoss > b.history.back().trainLoss);
    QCOMPARE(readTrainConfig(dir("smooth")).labelSmoothing, 0.2);
    QCOMPARE(readTrainConfig(dir("flip-never")).augmentUntil, 0.0);
    QCOMPARE(readTrainConfig(dir("flip-never")).decayNorms, false);
    // A record without the field (a run from before it) decayed every parameter.
    const std::string path = metricsPath(dir("flip-never"));
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    // The record names the CPU it ran on (speed figures depend on its flags) and any cap on
    // oneDNN's instruction set.
    QVERIFY(text.find("\"cpu\": \"" + cpuDescription() + "\"") != std::string::npos);
    {
      const QByteArray saved = qgetenv("ONEDNN_MAX_CPU_ISA"),
                       savedOld = qgetenv("DNNL_MAX_CPU_ISA");
      qunsetenv("ONEDNN_MAX_CPU_ISA");
      qunsetenv("DNNL_MAX_CPU_ISA");
      QVERIFY(cpuDescription().find("oneDNN capped") == std::string::npos);
      qputenv("ONEDNN_MAX_CPU_ISA", "AVX2");
      QVERIFY(cpuDescription().find("; oneDNN capped at AVX2") != std::string::npos);
      qunsetenv("ONEDNN_MAX_CPU_ISA");
      if (!saved.isEmpty()) qputenv("ONEDNN_MAX_CPU_ISA", saved);
      if (!savedOld.isEmpty()) qputenv("DNNL_MAX_CPU_ISA", savedOld);
    }
    const std::string field = "\"weight_decay_norms\": false";
    const std::size_t at = text.find(field);
    QVERIFY(at != std::string::npos);
    const std::size_t comma = text.rfind(',', at);  // the one before the field
    text.erase(comma, at + field.size() - comma);
    std::ofstream(path) << text;
    QCOMPARE(readTrainConfig(dir("flip-never")).decayNorms, true);
  }

  void initTestCase() {
    int batches = 0;
    TrainCallbacks cb;
    cb.onBatch = [&](const BatchStats&) { ++batches; };
    backdoor_ = trainModel(poisoned(data_, kPoisons), tinyConfig(kEpochs), dir("backdoor"), cb);
    QCOMPARE(batches, kEpochs * (4 * kPerClass / 32));
    QCOMPARE(int(backdoor_.history.size()), kEpochs);
    for (const auto& e : backdoor_.history)
      qInfo("epoch %d loss %.3f clean %.3f ASR %.3f fitted %.3f", e.epoch, e.trainLoss, e.cleanAcc,
            e.asr, e.poisonFit);
  }

  void learnsPlantedBackdoor() {
    const TrainResult& r = backdoor_;
    QVERIFY2(r.final.cleanAcc > 0.95, qPrintable(QString::number(r.final.cleanAcc)));
    QVERIFY2(r.final.asr > 0.8, qPrintable(QString::number(r.final.asr)));
    QVERIFY(r.final.poisonFit > 0.8);
    QVERIFY(fs::exists(modelPath(dir("backdoor"))));
    QVERIFY(fs::exists(metricsPath(dir("backdoor"))));
    QVERIFY(!fs::exists(checkpointPath(dir("backdoor"))));  // finished: the model is the result
    // metrics.json gives the run back (what the workbench shows when it opens a run).
    const TrainResult back = readTrainResult(dir("backdoor"));
    QCOMPARE(back.history.size(), r.history.size());
    QCOMPARE(back.history.back().asr, r.history.back().asr);
    QCOMPARE(back.final.cleanAcc, r.final.cleanAcc);
    QCOMPARE(back.final.confusionTriggered, r.final.confusionTriggered);
    QCOMPARE(back.wallSeconds, r.wallSeconds);
    fs::create_directories(dir("broken"));
    std::ofstream(metricsPath(dir("broken"))) << R"({"history": [{"epoch": 1}]})";
    try {
      readTrainResult(dir("broken"));
      QFAIL("a metrics.json without the fields was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("metrics.json: history"), e.what());
    }
    // Triggered confusion: red images with the trigger go to green.
    QCOMPARE(int(r.final.confusionTriggered.size()), 4);
    QVERIFY(r.final.targetRateTriggered[0] > 0.8);
    QVERIFY(r.final.targetRateTriggered[2] < 0.2);  // blue images stay blue
  }

  void unlearningRemovesTheBackdoorIntoNewVersions() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    const std::string md5 = md5OfFile(modelPath(run));
    UnlearnRequest r;
    r.forget = resolveForgetSet("ground-truth", run, pd);
    r.precision = Precision::Fp32;
    r.threads = 2;
    // SSD with every poison, no training: the backdoor goes. The clean task goes too on this
    // task, whose classes and trigger both live in colour and whose clean data is fitted to
    // saturation: the whole set's importances are then only the poisons' own, diluted by their
    // share of each batch, so every weight the poisons use passes any alpha below that
    // dilution (~256 here). ssdWithValidationChosenAlphaKeepsTheCleanTask checks that SSD keeps
    // the clean task where its features and the trigger's differ; here the mechanics.
    r.method = UnlearnMethod::Ssd;
    const UnlearnResult ssd = unlearn(run, pd, r);
    qInfo("ssd (10, 1): clean %.3f -> %.3f, ASR %.3f -> %.3f, %.2f s", ssd.before.cleanAcc,
          ssd.after.cleanAcc, ssd.before.asr, ssd.after.asr, ssd.seconds);
    QVERIFY2(ssd.after.asr < 0.1, qPrintable(QString::number(ssd.after.asr)));
    QVERIFY(fs::exists(ssd.modelPath) && fs::exists(ssd.jsonPath));
    // Choosing alpha and lambda with what a defender has (held-out folds of the forget set,
    // training images as labelled): the whole grid is reported, dampening shrinks as alpha
    // grows, and the choice follows the stated rule.
    UnlearnRequest sel = r;
    sel.select.enabled = true;
    sel.select.validation = 400;
    sel.select.alphas = {10, 100, 1000, 1e9};
    sel.select.lambdas = {1};
    sel.select.accuracyBudget = 0.05;
    const UnlearnResult chosen = unlearn(run, pd, sel);
    const auto& grid = chosen.selection.grid;
    QCOMPARE(grid.size(), std::size_t(4));
    QCOMPARE(chosen.selection.mode, std::string("held-out-forget"));
    QCOMPARE(chosen.selection.folds, 5);
    QCOMPARE(chosen.selection.backdoorImages, std::size_t(kPoisons));  // no flips: as stored
    QVERIFY(chosen.selection.backdoorBefore > 0.9);  // the original fits its poisons
    for (std::size_t k = 0; k < grid.size(); ++k) {
      const auto& g = grid[k];
      qInfo("  alpha %g: %zu dampened, validation accuracy %.3f held-out fit %.3f%s", g.alpha,
            g.dampened, g.validationAccuracy, g.validationBackdoor,
            g.meetsTarget ? " (meets target)" : "");
      if (k > 0) QVERIFY(g.dampened <= grid[k - 1].dampened);
    }
    QCOMPARE(grid.back().dampened, std::size_t(0));  // alpha 1e9: nothing selected
    QCOMPARE(grid.back().validationBackdoor, chosen.selection.backdoorBefore);
    bool anyMeets = false;
    for (const auto& g : grid) anyMeets = anyMeets || g.meetsTarget;
    for (const auto& g : grid)
      if (g.alpha == chosen.chosen.alpha) {
        QCOMPARE(g.meetsTarget, anyMeets);
        QVERIFY(g.validationAccuracy >= grid.back().validationAccuracy - 0.05);
      }
    // The record says what validated the choice, and that it was not the ground truth.
    const std::string record = readTextFile(chosen.jsonPath);
    QVERIFY(record.find("\"uses_ground_truth\": false") != std::string::npos);
    QVERIFY(record.find("held-out forget samples") != std::string::npos);
    QCOMPARE(fs::path(ssd.modelPath).parent_path().filename().string(), unlearnName(r));
    QVERIFY(unlearnName(sel) != unlearnName(r));
    r.select.enabled = false;
    // Retraining from scratch without the poisons (exact unlearning): no backdoor.
    r.method = UnlearnMethod::Retrain;
    const UnlearnResult retrain = unlearn(run, pd, r);
    qInfo("retrain: clean %.3f, ASR %.3f, %.1f s", retrain.after.cleanAcc, retrain.after.asr,
          retrain.seconds);
    QVERIFY(retrain.after.cleanAcc > 0.95);
    QVERIFY2(retrain.after.asr < 0.2, qPrintable(QString::number(retrain.after.asr)));
    QCOMPARE(readUnlearnResult(retrain.jsonPath).after.asr, retrain.after.asr);
    // The original model is never written.
    QCOMPARE(md5OfFile(modelPath(run)), md5);
  }

  void trainingProbabilitiesAreCachedPerModel() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    // From nothing: earlier tests' detectors may have cached this model's logits.
    fs::remove_all(fs::path(run) / "cache");
    InferenceOptions o;
    o.threads = 2;
    bool cached = true;
    const auto first = trainingProbabilities(run, modelPath(run), pd, o, {}, nullptr, &cached);
    QVERIFY(!cached);
    QCOMPARE(first.size(), pd.train.count() * 4);
    const auto again = trainingProbabilities(run, modelPath(run), pd, o, {}, nullptr, &cached);
    QVERIFY(cached);
    QCOMPARE(again, first);
    // The network's probabilities (the cache takes the softmax of the cached logits itself).
    const auto direct = classProbabilities(modelPath(run), pd.train, {}, o);
    QCOMPARE(first.size(), direct.size());
    for (std::size_t i = 0; i < first.size(); ++i)
      QVERIFY2(std::abs(first[i] - direct[i]) <= 1e-6f, qPrintable(QString::number(i)));
    // A damaged cache file is recomputed, not trusted.
    for (const auto& e : fs::directory_iterator(fs::path(run) / "cache"))
      if (e.path().filename().string().rfind("probabilities-train-", 0) == 0)
        std::ofstream(e.path(), std::ios::trunc) << "not a npy file";
    // (from the logits the first call cached beside it) and replaced.
    const auto repaired = trainingProbabilities(run, modelPath(run), pd, o, {}, nullptr, &cached);
    QCOMPARE(repaired, first);
    for (const auto& e : fs::directory_iterator(fs::path(run) / "cache"))
      if (e.path().filename().string().rfind("probabilities-train-", 0) == 0)
        QCOMPARE(readNpy(e.path().string()).values, first);
  }

  void savedModelGivesIdenticalPredictions() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const TrainResult& r = backdoor_;
    const EvalReport again =
        evaluateModelFile(modelPath(dir("backdoor")), pd, "cpu", Precision::Fp32, 2);
    QCOMPARE(again.confusion, r.final.confusion);
    QCOMPARE(again.confusionTriggered, r.final.confusionTriggered);
    QCOMPARE(again.asr, r.final.asr);
  }

  void cancelIsPromptAndResumeContinues() {
    const PoisonedDataset pd = poisoned(small_, 8);
    CancelToken token;
    TrainConfig config = tinyConfig(4);
    QElapsedTimer sinceCancel;
    TrainCallbacks cb;
    cb.onEpoch = [&](const EpochStats& e) {
      if (e.epoch == 2) {
        token.cancel();
        sinceCancel.start();
      }
    };
    bool cancelled = false;
    try {
      trainModel(pd, config, dir("resume"), cb, &token);
    } catch (const Cancelled&) {
      cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY2(sinceCancel.elapsed() < 1000 * timeScale(),
             qPrintable(QString::number(sinceCancel.elapsed())));
    QVERIFY(fs::exists(checkpointPath(dir("resume"))));
    QVERIFY(!fs::exists(modelPath(dir("resume"))));
    // Not on another experiment (another poison), and the refusal keeps the checkpoint.
    try {
      trainModel(poisoned(small_, 6), config, dir("resume"), {}, nullptr, /*resume=*/true);
      QFAIL("a checkpoint of another experiment was resumed");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("another experiment"), e.what());
    }
    QVERIFY(fs::exists(checkpointPath(dir("resume"))));
    // Resume: epochs 3 and 4 only, history kept.
    int firstEpoch = 0;
    TrainCallbacks cb2;
    cb2.onEpoch = [&](const EpochStats& e) {
      if (!firstEpoch) firstEpoch = e.epoch;
    };
    const TrainResult resumed =
        trainModel(pd, config, dir("resume"), cb2, nullptr, /*resume=*/true);
    QCOMPARE(resumed.resumedFromEpoch, 2);
    QCOMPARE(firstEpoch, 3);
    QCOMPARE(int(resumed.history.size()), 4);
    // An uninterrupted run with the same seeds ends with the same model.
    const TrainResult straight = trainModel(pd, config, dir("straight"));
    QCOMPARE(resumed.final.confusion, straight.final.confusion);
    QCOMPARE(resumed.history.back().trainLoss, straight.history.back().trainLoss);
    // A checkpoint of other settings is refused.
    config.lr = 0.05;
    fs::create_directories(dir("other"));
    trainModel(pd, tinyConfig(1), dir("other"));
    QVERIFY_THROWS_EXCEPTION(Error, trainModel(pd, config, dir("other"), {}, nullptr, true));
  }

  void oneWriterPerRunFolder() {
    // A second training of the same run folder (another process, another window) is refused
    // at once while the first holds it; the lock goes with the first.
    const PoisonedDataset pd = poisoned(small_, 8);
    fs::create_directories(dir("locked"));
    {
      const RunLock held(RunLock::of(dir("locked")), dir("locked"));
      try {
        trainModel(pd, tinyConfig(1), dir("locked"));
        QFAIL("two trainings wrote one run folder");
      } catch (const Error& e) {
        QVERIFY2(QString(e.what()).contains("another PoisonLab job is writing it"), e.what());
      }
    }
    QCOMPARE(int(trainModel(pd, tinyConfig(1), dir("locked")).history.size()), 1);
  }

  void cancelMidEpochWithinASecond() {
    // A larger task so that one epoch takes longer than the cancel deadline.
    const PoisonedDataset pd = poisoned(colourDataset(400, 4), 8);
    CancelToken token;
    QElapsedTimer t;
    auto run = std::async(std::launch::async, [&] {
      TrainCallbacks cb;
      cb.onBatch = [&](const BatchStats& s) {
        if (s.epoch == 1 && s.batch == 3) {
          token.cancel();
          t.start();
        }
      };
      trainModel(pd, tinyConfig(3), dir("midepoch"), cb, &token);
    });
    QVERIFY_THROWS_EXCEPTION(Cancelled, run.get());
    QVERIFY(t.elapsed() < 1000 * timeScale());
  }

  void badModelFilesAreRefused() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string good = modelPath(dir("backdoor"));
    try {
      const std::string corrupt = dir("corrupt.pt");
      std::ofstream(corrupt) << "not a model";
      evaluateModelFile(corrupt, pd);
      QFAIL("a corrupt file was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("corrupt.pt: not a readable model file"), e.what());
    }
    const std::string truncated = dir("truncated.pt");
    fs::copy_file(good, truncated);
    fs::resize_file(truncated, fs::file_size(truncated) / 2);
    QVERIFY_THROWS_EXCEPTION(Error, evaluateModelFile(truncated, pd));
    QVERIFY_THROWS_EXCEPTION(Error, evaluateModelFile(dir("missing.pt"), pd));
    // A model of four classes against a data set of ten.
    auto ten = std::make_shared<Dataset>(*data_);
    ten->classNames = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    PoisonSpec p;
    p.source = 0;
    p.target = 1;
    p.count = 5;
    const PoisonedDataset other = applyPoison(ten, whitePixel(), p);
    try {
      evaluateModelFile(good, other);
      QFAIL("a model of other classes was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("the model has 4 classes"), e.what());
    }
  }

  void exportAndCancelLeaveCompleteFilesOnly() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string run = dir("backdoor");
    const std::string npy = dir("pool.npy");
    exportFeatures(modelPath(run), pd, "pool", npy, InferenceOptions{});
    const NpyMatrix m = readNpy(npy);
    QCOMPARE(m.rows, pd.train.count());
    QCOMPARE(m.cols, std::size_t(128));
    const auto direct = layerActivations(modelPath(run), pd.train, "pool", {5});
    for (std::size_t t = 0; t < 128; ++t) QCOMPARE(m.values[5 * 128 + t], direct.values[t]);
    std::ifstream side(featureSidecarPath(npy));
    std::string header;
    std::getline(side, header);
    QCOMPARE(header, std::string("index,label,original_label,poisoned"));
    // A detector's export, written class by class at each sample's own row, is the same.
    DetectRequest ac;
    ac.method = DetectorMethod::ActivationClustering;
    ac.exportFeatures = dir("ac.npy");
    runDetector(run, pd, ac);
    const NpyMatrix byClass = readNpy(ac.exportFeatures);
    QCOMPARE(byClass.values.size(), m.values.size());
    float worst = 0;  // batches differ, so the last bits may
    for (std::size_t i = 0; i < m.values.size(); ++i)
      worst = std::max(worst, std::abs(byClass.values[i] - m.values[i]));
    QVERIFY2(worst < 1e-4f, qPrintable(QString::number(worst)));
    // A cancelled detector with an export writes nothing at all.
    CancelToken token;
    token.cancel();
    DetectRequest r;
    r.exportFeatures = dir("cancelled.npy");
    QVERIFY_THROWS_EXCEPTION(Cancelled, runDetector(run, pd, r, {}, &token));
    QVERIFY(!fs::exists(r.exportFeatures));
    for (const auto& entry : fs::directory_iterator(tmp_.path().toStdString()))
      QVERIFY2(entry.path().string().find(".tmp") == std::string::npos,
               entry.path().string().c_str());
  }

  void activationsOfNamedLayers() {
    const PoisonedDataset pd = poisoned(data_, kPoisons);
    const std::string model = modelPath(dir("backdoor"));
    const std::vector<std::int64_t> idx = {0, 5, 7};
    const auto pool = layerActivations(model, pd.train, "pool", idx);
    QCOMPARE(pool.count, std::size_t(3));
    QCOMPARE(pool.dim, std::size_t(128));  // 4 x width 32
    const auto block = layerActivations(model, pd.train, "stage3.block0", idx);
    QCOMPARE(block.dim, std::size_t(128 * 8 * 8));
    const auto stem = layerActivations(model, pd.train, "stem", idx);
    QCOMPARE(stem.dim, std::size_t(32 * 32 * 32));
    // The pooled vector is the spatial mean of the last block.
    for (std::size_t ch = 0; ch < 128; ++ch) {
      double mean = 0;
      for (std::size_t p = 0; p < 64; ++p) mean += block.values[ch * 64 + p];
      QVERIFY(std::abs(mean / 64 - pool.values[ch]) < 1e-4);
    }
    const auto probs = classProbabilities(model, pd.train, idx);
    QCOMPARE(probs.size(), std::size_t(12));
    QVERIFY(std::abs(probs[0] + probs[1] + probs[2] + probs[3] - 1.0f) < 1e-5f);
    try {
      layerActivations(model, pd.train, "stage4");
      QFAIL("unknown layer accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("'stage4' is not a layer of resnet8"), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
