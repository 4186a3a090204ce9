// Crash safety: training, unlearning and detection are killed with SIGKILL at random moments
// (seeded), many times, through the real command line. After every kill the run folder holds
// its last good state: the experiment reads, every record that exists is whole, a checkpoint
// resumes (train --resume), and the job finally completes.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <random>

#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::testing;
namespace fs = std::filesystem;

class TestKill : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString data_, run_;
  std::mt19937 rng_{20261127};
  int kills_ = 0;

  /// Starts the CLI with `args`; kills it after `killAfterMs` (if still running). Returns the
  /// exit code, or -1 when it was killed.
  int runOrKill(const QStringList& args, int killAfterMs, const std::function<bool()>& armed = {}) {
    QProcess p;
    p.start(QString::fromStdString(binPath("poisonlab-cli")), args);
    if (!p.waitForStarted(30000)) return -2;
    // With `armed`, the delay counts from when it holds (e.g. once a checkpoint exists), so a
    // slow machine (a sanitizer build) still gets kills past its start-up.
    if (killAfterMs >= 0 && armed)
      while (p.state() != QProcess::NotRunning && !armed()) p.waitForFinished(20);
    if (killAfterMs >= 0 && p.state() != QProcess::NotRunning && !p.waitForFinished(killAfterMs)) {
      p.kill();  // SIGKILL: no handler, no cleanup
      p.waitForFinished(30000);
      ++kills_;
      return -1;
    }
    p.waitForFinished(300000);
    if (p.exitCode() != 0) qWarning("%s", p.readAllStandardError().constData());
    return p.exitCode();
  }

  int randomMs(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  /// What must hold after any kill: the experiment reads, and every record that exists is whole
  /// (metrics, detector records with their CSV, unlearning records with their model).
  void checkLastGoodState() {
    const std::string run = run_.toStdString();
    readExperiment(run);
    if (fs::exists(metricsPath(run))) readTrainResult(run);
    for (const std::string& name : listDetections(run)) readDetection(run, name);
    std::error_code ec;
    if (fs::is_directory(unlearnDir(run)))
      for (const auto& e : fs::directory_iterator(unlearnDir(run), ec))
        if (e.path().extension() == ".json") {
          const UnlearnResult r = readUnlearnResult(e.path().string());
          QVERIFY2(fs::exists(fs::path(unlearnDir(run)) / r.name / "model.pt"),
                   qPrintable(QString::fromStdString(r.name)));
        }
  }

 private slots:
  void initTestCase() {
    data_ = tmp_.filePath("cifar.tar.gz");
    writeTarGz(data_.toStdString(), folderLayout(makeDataset(10, 200, 4), "cifar10-mini"));
    run_ = tmp_.filePath("run");
    QCOMPARE(runOrKill({"poison", "--data", data_, "--out", run_, "--count", "20"}, -1), 0);
  }

  void trainingKilledAndResumed() {
    const QStringList recipe{"--model", "resnet8", "--width", "8",           "--epochs",
                             "6",       "--batch", "32",      "--precision", "fp32"};
    const std::string ckpt = checkpointPath(run_.toStdString());
    const auto checkpointExists = std::function<bool()>([ckpt] { return fs::exists(ckpt); });
    int finished = -1;
    for (int attempt = 0; attempt < 200 && !(finished == 0 && kills_ >= 20); ++attempt) {
      if (finished == 0) {
        // Done before 20 kills (a fast machine): train the run again from scratch.
        fs::remove(modelPath(run_.toStdString()));
        fs::remove(metricsPath(run_.toStdString()));
        finished = -1;
      }
      const bool resume = fs::exists(ckpt);
      QStringList args = QStringList{"train", "--run", run_} + recipe;
      if (resume) args << "--resume";
      if (kills_ >= 20 && !resume) {
        // The last run must resume: kill this one as soon as its first checkpoint exists.
        finished = runOrKill(args, 0, checkpointExists);
      } else {
        // Killed at random moments (start-up, mid-epoch, checkpoint writes), every other kill
        // counted from the first checkpoint; after 20 kills, left to finish.
        finished = runOrKill(args, kills_ < 20 ? randomMs(150, 1200) : -1,
                             kills_ % 2 ? checkpointExists : std::function<bool()>());
      }
      QVERIFY2(finished == 0 || finished == -1, qPrintable(QString::number(finished)));
      checkLastGoodState();
    }
    QCOMPARE(finished, 0);
    QVERIFY(kills_ >= 20);
    const TrainResult r = readTrainResult(run_.toStdString());
    QCOMPARE(int(r.history.size()), 6);
    QVERIFY(r.resumedFromEpoch > 0);
    qInfo("training: %d kills survived, resumed from epoch %d at the end", kills_,
          r.resumedFromEpoch);
  }

  void diskFullLeavesThePreviousFiles() {
    // A full disk, for real: the child's file-size limit (RLIMIT_FSIZE, as a quota or a full
    // tmpfs would) makes every write past 64 KB fail with EFBIG. Training a second run then
    // fails, says which file could not be written and why, and leaves what was there intact:
    // the experiment, and no model or checkpoint written half.
    const QString dir = tmp_.filePath("full");
    QCOMPARE(runOrKill({"poison", "--data", data_, "--out", dir, "--count", "20"}, -1), 0);
    const QByteArray experiment = [&] {
      QFile f(dir + "/experiment.json");
      return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QProcess p;
    p.setChildProcessModifier([] {
      ::signal(SIGXFSZ, SIG_IGN);  // the write fails with EFBIG instead of killing the process
      const rlimit limit{64 << 10, 64 << 10};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    p.start(QString::fromStdString(binPath("poisonlab-cli")),
            {"train", "--run", dir, "--model", "resnet8", "--width", "8", "--epochs", "2",
             "--batch", "32", "--precision", "fp32"});
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains("File too large") && err.contains(".pt"), qPrintable(err));
    QFile f(dir + "/experiment.json");
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), experiment);
    QVERIFY(!fs::exists(modelPath(dir.toStdString())));
    QVERIFY(!fs::exists(checkpointPath(dir.toStdString())));
    for (const auto& e : fs::directory_iterator(dir.toStdString()))
      QVERIFY2(e.path().filename().string().find(".tmp-") == std::string::npos, e.path().c_str());
  }

  void unlearningAndDetectionKilled() {
    const int before = kills_;
    const QList<QStringList> jobs{
        {"unlearn", "--run", run_, "--method", "ssd", "--forget", "ground-truth"},
        {"unlearn", "--run", run_, "--method", "finetune", "--forget", "ground-truth:0.5",
         "--epochs", "2"},
        {"detect", "--run", run_, "--method", "spectral"},
        {"detect", "--run", run_, "--method", "activation-clustering"}};
    for (const QStringList& job : jobs) {
      for (int k = 0; k < 6; ++k) {
        const int code = runOrKill(job, randomMs(100, 1500));
        QVERIFY2(code == 0 || code == -1, qPrintable(job.join(' ')));
        checkLastGoodState();
      }
      QCOMPARE(runOrKill(job, -1), 0);  // and it completes afterwards
      checkLastGoodState();
    }
    qInfo("unlearning and detection: %d kills survived", kills_ - before);
    QCOMPARE(int(listDetections(run_.toStdString()).size()), 2);
  }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_kill.moc"
