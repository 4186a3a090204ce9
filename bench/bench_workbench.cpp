// bench_workbench: the GUI alone, step by step, on the real data set, as a new user would do it.
// Part 1 (default): open the shared CIFAR-10 archive, poison it with the log's settings, browse
// to a poisoned truck and read its trigger pixel, train the default model while browsing the
// grid, and read the final clean accuracy and ASR.
// Part 2 (--analyse RUN): on a copy of a trained run, run the three detectors, see the attacked
// class in the spectral view, find and lasso the poison cluster, see the selection in the grid
// with saliency on the trigger, unlearn it with SSD, try 10 % of the poisons, undo; and the
// redraw times of the views (a 50,000-point scatter, a histogram threshold drag).
// Prints the time of each step and the GUI thread's longest stall (the goal: under 50 ms).
// Run under xvfb-run for a real X server:
//   xvfb-run -a -s "-screen 0 1600x1000x24" ./build/bin/bench_workbench [--epochs N]
//       [--limit-train N] [--screenshot shot.png]
//   xvfb-run -a -s "-screen 0 1680x1050x24" ./build/bin/bench_workbench --analyse RUN
//       [--shots DIR]
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

#include "analysis_walkthrough.h"
#include "core/train/training.h"
#include "panels/experiment_panel.h"
#include "main_window.h"
#include "views/sample_browser.h"
#include "state/sample_model.h"
#include "state/stall_monitor.h"
#include "state/task_manager.h"
#include "views/training_view.h"

using namespace poisonlab;
using namespace poisonlab::gui;

namespace {

/// Runs the event loop until `task` finishes; returns its state.
Task::State waitFor(Task* task) {
  QEventLoop loop;
  Task::State state = Task::State::Failed;
  QObject::connect(task, &Task::finished, &loop, [&](Task::State s) {
    state = s;
    loop.quit();
  });
  loop.exec();
  return state;
}

void step(const char* what, double seconds, const QString& detail = {}) {
  std::printf("| %-52s | %9.2f s | %s\n", what, seconds, qPrintable(detail));
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QTemporaryDir settingsDir;
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
  QCoreApplication::setOrganizationName(QStringLiteral("PoisonLabBench"));
  QCommandLineParser p;
  QCommandLineOption data("data", "CIFAR-10 archive or folder.", "path",
                          QStringLiteral(POISONLAB_SHARED_ARCHIVE));
  QCommandLineOption epochs("epochs", "Training epochs (default: the default recipe's).", "n");
  QCommandLineOption limit("limit-train", "Train on a subset of this many images.", "n");
  QCommandLineOption shot("screenshot", "Save the window as PNG at the end.", "png");
  QCommandLineOption runs("runs", "Folder for the run (default: a temporary one).", "dir");
  QCommandLineOption analyse("analyse", "Part 2 on a copy of this trained run.", "run");
  QCommandLineOption shots("shots", "Part 2: save a screenshot of every view here.", "dir");
  p.addOptions({data, epochs, limit, shot, runs, analyse, shots});
  p.addHelpOption();
  p.process(app);
  QTemporaryDir runsDir;
  QSettings().setValue("runs/folder", p.isSet(runs) ? p.value(runs) : runsDir.path());

  MainWindow w;
  w.resize(1600, 1000);
  w.show();
  if (p.isSet(analyse)) {
    w.resize(1680, 1050);
    return analysisWalkthrough(app, w, p.value(analyse), p.value(shots));
  }
  std::printf("| step | time | detail\n|---|---|---\n");
  QElapsedTimer clock;

  clock.start();
  if (waitFor(w.openData(p.value(data))) != Task::State::Succeeded) return 1;
  step("Open the archive (load + default poison)", clock.elapsed() / 1e3,
       QStringLiteral("%1 training images").arg(w.dataset()->train.count()));

  // The log's attack, entered in the experiment panel (it is also the default) and applied.
  TriggerSpec trigger;  // pixel (101, 0, 25) at row 11, column 16
  PoisonSpec poison;    // 500 trucks -> deer, seed 0
  w.experiment()->setTrigger(trigger);
  w.experiment()->setPoison(poison);
  clock.restart();
  if (waitFor(w.applyPoison()) != Task::State::Succeeded) return 1;
  step("Apply the log's poison", clock.elapsed() / 1e3,
       QStringLiteral("%1 poisoned").arg(w.dataset()->poisonedIndices.size()));

  clock.restart();
  w.browser()->filter()->setClassFilter(4);  // deer, where the relabelled trucks now are
  w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::PoisonedOnly);
  w.browser()->step(1);
  app.processEvents();
  const QString details = w.findChild<QLabel*>("details")->text();
  step("Browse to a poisoned truck (filter + select)", clock.elapsed() / 1e3,
       details.section('\n', -1).trimmed());
  w.browser()->filter()->setClassFilter(-1);
  w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::Any);

  TrainConfig config = w.experiment()->training();
  if (p.isSet(epochs)) config.epochs = p.value(epochs).toInt();
  if (p.isSet(limit)) config.limitTrain = p.value(limit).toULongLong();
  w.experiment()->setTraining(config);
  // Browsing while it trains: every 100 ms the grid scrolls a page and the selection moves.
  QTimer browse;
  int moves = 0;
  QObject::connect(&browse, &QTimer::timeout, [&] {
    QScrollBar* bar = w.browser()->view()->verticalScrollBar();
    bar->setValue((bar->value() + bar->pageStep()) % std::max(1, bar->maximum()));
    w.browser()->step(1);
    ++moves;
  });
  StallMonitor stall;
  clock.restart();
  Task* train = w.startTraining();
  if (!train) return 1;
  stall.start();
  browse.start(100);
  const Task::State s = waitFor(train);
  browse.stop();
  stall.stop();
  if (s != Task::State::Succeeded) return 1;
  step("Train the default model while browsing", clock.elapsed() / 1e3,
       QStringLiteral("%1 epochs, %2 grid moves").arg(config.epochs).arg(moves));
  const QString clean = w.findChild<QLabel*>("cleanAccuracy")->text();
  const QString asr = w.findChild<QLabel*>("attackSuccessRate")->text();
  step("Read the result", 0, QStringLiteral("clean accuracy %1, ASR %2").arg(clean, asr));
  std::printf(
      "\nGUI thread during training: longest stall %.1f ms (window's own monitor %.1f ms), "
      "stalls over 50 ms: %lld, over 20 ms: %lld, %lld ticks\n",
      stall.maxStallMs(), w.lastTrainingStallMs(), static_cast<long long>(stall.stallsOver(50)),
      static_cast<long long>(stall.stallsOver(20)), static_cast<long long>(stall.ticks()));
  clock.restart();
  stall.start();
  // The predictions job starts when training ends; wait for it.
  {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
      if (w.browser()->model()->hasPredictions() || clock.elapsed() > 600000) loop.quit();
    });
    poll.start(50);
    loop.exec();
  }
  step("Predictions for the training images (started by training)", clock.elapsed() / 1e3,
       QStringLiteral("GUI thread's longest stall meanwhile %1 ms")
           .arg(stall.maxStallMs(), 0, 'f', 1));
  stall.start();
  clock.restart();
  Task* again = w.predict();
  QElapsedTimer taskClock;
  QObject::connect(again, &Task::finished, [&] { taskClock.start(); });
  waitFor(again);
  step("Predictions again (now from the run's cache)", clock.elapsed() / 1e3,
       QStringLiteral("GUI thread's longest stall meanwhile %1 ms")
           .arg(stall.maxStallMs(), 0, 'f', 1));
  stall.stop();
  if (p.isSet(shot)) {
    w.browser()->selectSample(static_cast<int>(w.dataset()->poisonedIndices.front()));
    for (int i = 0; i < 20; ++i) app.processEvents(QEventLoop::AllEvents, 50);
    w.grab().save(p.value(shot));
    // The confusion matrices' tab too, beside the window's shot.
    auto* tabs = w.trainingView()->findChild<QTabWidget*>("trainingTabs");
    tabs->setCurrentIndex(1);
    for (int i = 0; i < 20; ++i) app.processEvents(QEventLoop::AllEvents, 50);
    QString confusion = p.value(shot);
    confusion.replace(QStringLiteral(".png"), QStringLiteral("-confusion.png"));
    w.trainingView()->grab().save(confusion);
  }
  std::printf("run folder: %s\n", qPrintable(w.runFolder()));
  return 0;
}
