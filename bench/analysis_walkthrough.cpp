#include "analysis_walkthrough.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <numeric>

#include "views/cluster_view.h"
#include "views/comparison_view.h"
#include "panels/detector_panel.h"
#include "views/influence_view.h"
#include "main_window.h"
#include "qcustomplot.h"
#include "views/runs_view.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/session.h"
#include "views/spectral_view.h"
#include "state/stall_monitor.h"
#include "state/task_manager.h"
#include "panels/unlearn_panel.h"

namespace poisonlab::gui {

namespace {

namespace fs = std::filesystem;

void step(const char* what, double seconds, const QString& detail = {}) {
  std::printf("| %-58s | %8.2f s | %s\n", what, seconds, qPrintable(detail));
  std::fflush(stdout);
}

/// Runs the event loop until `done()` or `timeoutMs`; false on timeout.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 900000) {
  QElapsedTimer clock;
  clock.start();
  QEventLoop loop;
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, [&] {
    if (done() || clock.elapsed() > timeoutMs) loop.quit();
  });
  poll.start(20);
  if (!done()) loop.exec();
  return done();
}

bool idle(MainWindow& w) { return !w.tasks()->hasActiveTasks(); }

/// Clicks `button` and waits until the jobs it started (and what they start) are done.
void clickAndWait(MainWindow& w, QPushButton* button) {
  button->click();
  waitUntil([&] { return w.tasks()->hasActiveTasks(); }, 5000);
  waitUntil([&] { return idle(w); });
}

void settle(QApplication& app) {
  for (int i = 0; i < 10; ++i) app.processEvents(QEventLoop::AllEvents, 30);
}

/// Statistics of a list of milliseconds.
QString msStats(std::vector<double> ms) {
  if (ms.empty()) return QStringLiteral("–");
  std::sort(ms.begin(), ms.end());
  const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
  return QStringLiteral("mean %1 ms, median %2 ms, 95th %3 ms, max %4 ms (%5 updates)")
      .arg(mean, 0, 'f', 1)
      .arg(ms[ms.size() / 2], 0, 'f', 1)
      .arg(ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], 0, 'f', 1)
      .arg(ms.back(), 0, 'f', 1)
      .arg(ms.size());
}

/// The convex hull (monotone chain) of points: the lasso a user draws around a cluster.
QPolygonF hull(std::vector<QPointF> p) {
  std::sort(p.begin(), p.end(), [](const QPointF& a, const QPointF& b) {
    return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
  });
  auto cross = [](const QPointF& o, const QPointF& a, const QPointF& b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
  };
  std::vector<QPointF> h(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
    h[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && cross(h[k - 2], h[k - 1], p[i - 1]) <= 0) --k;
    h[k++] = p[i - 1];
  }
  h.resize(k > 0 ? k - 1 : 0);
  return QPolygonF(QVector<QPointF>(h.begin(), h.end()));
}

}  // namespace

int analysisWalkthrough(QApplication& app, MainWindow& w, const QString& run,
                        const QString& shotsDir) {
  auto shot = [&](QWidget* widget, const char* name) {
    if (shotsDir.isEmpty()) return;
    settle(app);
    QDir().mkpath(shotsDir);
    widget->grab().save(QDir(shotsDir).filePath(QLatin1String(name)));
  };
  // A copy, so the run's own detector results stay as they are; the three detectors' files
  // are left out, so the window computes them anew.
  QTemporaryDir tmp;
  const fs::path copy = fs::path(tmp.path().toStdString()) / "run";
  fs::copy(run.toStdString(), copy, fs::copy_options::recursive);
  for (const char* stem : {"spectral", "activation-clustering", "influence"})
    for (const char* ext : {".csv", ".json"})
      fs::remove(copy / "detect" / (std::string(stem) + ext));
  Session* s = w.session();
  StallMonitor stall;
  std::printf("| step | time | what the window shows\n|---|---|---\n");
  QElapsedTimer clock;

  clock.start();
  w.openRun(QString::fromStdString(copy.string()));
  waitUntil([&] { return s->hasData() && !s->predictions().empty() && idle(w); });
  step("Open the run (data, model, results, predictions)", clock.elapsed() / 1e3,
       QStringLiteral("%1 model versions, %2 detector results from the CLI")
           .arg(s->versions().size())
           .arg(s->detections().size()));

  // 1. The three detectors, queued from the Detectors panel.
  QVector<QPair<QString, double>> jobTimes;
  QHash<Task*, qint64> started;
  QElapsedTimer wall;
  wall.start();
  auto track = QObject::connect(w.tasks(), &TaskManager::taskFinished, [&](Task* t) {
    jobTimes.append({t->title(), (wall.elapsed() - started.value(t, 0)) / 1e3});
  });
  auto trackStart = QObject::connect(w.tasks(), &TaskManager::taskStarted, [&](Task* t) {
    QObject::connect(t, &Task::progressChanged, [&, t] {
      if (!started.contains(t)) started.insert(t, wall.elapsed());
    });
  });
  clock.restart();
  stall.start();
  w.detectorPanel()->findChild<QPushButton*>("runAllDetectorsButton")->click();
  waitUntil([&] { return s->detections().size() >= 3 && idle(w) && s->detection("influence"); });
  stall.stop();
  QObject::disconnect(track);
  QObject::disconnect(trackStart);
  QStringList each;
  for (const auto& [title, sec] : jobTimes)
    each << QStringLiteral("%1 %2 s").arg(title).arg(sec, 0, 'f', 1);
  step("Run the three detectors (queued, one after another)", clock.elapsed() / 1e3,
       each.join(QStringLiteral("; ")) +
           QStringLiteral("; GUI's longest stall %1 ms").arg(stall.maxStallMs(), 0, 'f', 1));
  shot(w.detectorPanel(), "detector-panel.png");

  // 2. The attacked class stands out in the spectral view.
  SpectralView* spectral = w.spectralView();
  w.views()->setCurrentWidget(spectral);
  spectral->setDetector(QStringLiteral("spectral"));
  settle(app);
  const QStringList names = s->classNames();
  const int attacked = spectral->currentClass();
  step("See the attacked class (spectral view)", 0,
       QStringLiteral("opens on class %1: %2")
           .arg(names.value(attacked))
           .arg(spectral->findChild<QLabel*>("spectralSummary")->text()));
  // Dragging the threshold: 200 positions across the class's score range.
  std::vector<double> dragMs;
  {
    auto d = s->detection(QStringLiteral("spectral"));
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t k = 0; k < d->indices.size(); ++k)
      if (d->labels[k] == attacked) {
        lo = std::min(lo, d->scores[k]);
        hi = std::max(hi, d->scores[k]);
      }
    const double cut = spectral->threshold();
    for (int i = 0; i <= 200; ++i) {
      // What one mouse move costs: the new precision, recall and count, and the redraw.
      QElapsedTimer t;
      t.start();
      spectral->setThreshold(lo + (hi - lo) * i / 200.0);
      spectral->histogram()->replot(QCustomPlot::rpImmediateRefresh);
      dragMs.push_back(t.nsecsElapsed() / 1e6);
      app.processEvents();
    }
    spectral->setThreshold(cut);
  }
  step("Drag the spectral threshold (recompute + redraw)", 0, msStats(dragMs));
  step("  at the detector's own threshold", 0,
       spectral->findChild<QLabel*>("thresholdText")->text());
  shot(spectral, "spectral.png");

  // 3. The poison cluster, lassoed.
  ClusterView* clusters = w.clusterView();
  w.views()->setCurrentWidget(clusters);
  clusters->setDetector(QStringLiteral("activation-clustering"));
  clusters->setClass(attacked);
  clusters->setColouring(ClusterView::Colour::Cluster);
  settle(app);
  clock.restart();
  {
    auto d = s->detection(QStringLiteral("activation-clustering"));
    const std::vector<double>* cl = nullptr;
    for (const auto& [k, v] : d->columns)
      if (k == "cluster") cl = &v;
    // The smaller cluster of the class, as a user sees it: lasso around it.
    std::vector<int> count(2, 0);
    for (std::size_t k = 0; k < d->indices.size(); ++k)
      if (d->labels[k] == attacked) ++count[(*cl)[k] > 0.5];
    const int smaller = count[1] < count[0] ? 1 : 0;
    std::vector<QPointF> pts;
    const auto& idx = clusters->pointIndices();
    for (std::size_t k = 0; k < idx.size(); ++k) {
      const auto pos =
          std::lower_bound(d->indices.begin(), d->indices.end(), idx[k]) - d->indices.begin();
      if (int((*cl)[std::size_t(pos)] > 0.5) == smaller)
        pts.emplace_back(clusters->xs()[k], clusters->ys()[k]);
    }
    clusters->selectPolygon(hull(pts));
  }
  int poisonsSelected = 0;
  for (int i : s->selection()->indices())
    poisonsSelected += s->data()->poisonedMask[std::size_t(i)];
  step("Lasso the smaller cluster of that class", clock.elapsed() / 1e3,
       QStringLiteral("%1 samples selected, %2 of them poisons (ground truth, for this table)")
           .arg(s->selection()->size())
           .arg(poisonsSelected));
  shot(clusters, "clusters.png");

  // 4. The selection in the grid, with saliency on the trigger.
  w.views()->setCurrentIndex(0);
  w.browser()->showDetector(QStringLiteral("activation-clustering"));
  clock.restart();
  w.inspector()->setSaliencyMethod(int(SaliencyMethod::GradCam));
  const int first = s->selection()->indices().front();
  int poisonShown = first;
  for (int i : s->selection()->indices())
    if (s->data()->poisonedMask[std::size_t(i)]) {
      poisonShown = i;
      break;
    }
  s->selection()->setCurrent(poisonShown);
  waitUntil([&] { return w.inspector()->saliencyText().contains(QLatin1String("peak")); }, 60000);
  step("Saliency (Grad-CAM) of a selected poison in the inspector", clock.elapsed() / 1e3,
       w.inspector()->saliencyText());
  w.inspector()->setSaliencyMethod(int(SaliencyMethod::Gradient));
  clock.restart();
  waitUntil([&] { return w.inspector()->saliencyText().contains(QLatin1String("gradient")); },
            60000);
  step("Saliency (gradient) of the same sample", clock.elapsed() / 1e3,
       w.inspector()->saliencyText());
  shot(&w, "window-samples.png");
  shot(w.inspector(), "inspector.png");

  // 5. Unlearn the lassoed samples with SSD, then 10 % of the poisons; undo.
  UnlearnPanel* unlearn = w.unlearnPanel();
  w.views()->setCurrentWidget(unlearn);
  unlearn->setForget(QStringLiteral("selection"));
  unlearn->setAlpha(10);
  unlearn->setLambda(1);
  clock.restart();
  stall.start();
  clickAndWait(w, unlearn->findChild<QPushButton*>("applySsdButton"));
  stall.stop();
  step("SSD on the lassoed samples (alpha 10, lambda 1)", clock.elapsed() / 1e3,
       unlearn->headline().remove(QRegularExpression(QStringLiteral("<[^>]*>"))) +
           QStringLiteral("; GUI's longest stall %1 ms").arg(stall.maxStallMs(), 0, 'f', 1));
  shot(unlearn, "unlearning-lasso.png");
  unlearn->setForget(QStringLiteral("ground-truth:0.1"));
  clock.restart();
  stall.start();
  clickAndWait(w, unlearn->findChild<QPushButton*>("applySsdButton"));
  stall.stop();
  step("SSD on 10 % of the poisons (alpha 10, lambda 1)", clock.elapsed() / 1e3,
       unlearn->headline().remove(QRegularExpression(QStringLiteral("<[^>]*>"))) +
           QStringLiteral("; GUI's longest stall %1 ms").arg(stall.maxStallMs(), 0, 'f', 1));
  clock.restart();
  clickAndWait(w, unlearn->findChild<QPushButton*>("selectSsdButton"));
  step("Honest selection of alpha, lambda on the same 10 %", clock.elapsed() / 1e3,
       unlearn->headline().remove(QRegularExpression(QStringLiteral("<[^>]*>"))));
  shot(unlearn, "unlearning.png");
  clock.restart();
  s->undoStack()->undo();
  settle(app);
  step("Undo (Ctrl+Z)", clock.elapsed() / 1e3,
       QStringLiteral("current version: %1").arg(s->current() ? s->current()->name : QString()));
  s->undoStack()->redo();
  settle(app);

  // 6. Detectors compared; influence for one triggered test image.
  w.views()->setCurrentWidget(w.comparisonView());
  shot(w.comparisonView(), "detectors-compared.png");
  InfluenceView* influence = w.influenceView();
  w.views()->setCurrentWidget(influence);
  influence->setTestPoint(0, /*triggered=*/true);
  clock.restart();
  clickAndWait(w, influence->findChild<QPushButton*>("runInfluenceButton"));
  step("Influence ranking for triggered test image 0", clock.elapsed() / 1e3,
       influence->findChild<QListWidget*>("helpfulList")
           ? QStringLiteral("%1 thumbnails each side")
                 .arg(influence->findChild<QListWidget*>("helpfulList")->count())
           : QString());
  shot(influence, "influence.png");
  w.views()->setCurrentWidget(w.runsView());
  waitUntil([&] { return w.runsView()->runCount() > 0; }, 30000);
  shot(w.runsView(), "runs.png");

  // 7. Redraw times: a scatter of 50,000 points, and selecting 5,000 of them.
  w.views()->setCurrentWidget(clusters);
  std::vector<double> scatterMs, panMs, selectMs;
  for (int i = 0; i < 10; ++i) {
    clusters->showSyntheticPoints(50000, unsigned(i));
    scatterMs.push_back(clusters->lastRedrawMs());
  }
  for (int i = 0; i < 20; ++i) {
    // A pan or zoom step: the axes move, the 50,000 points are drawn again.
    QElapsedTimer t;
    t.start();
    clusters->plot()->xAxis->moveRange(i % 2 ? 0.2 : -0.2);
    clusters->plot()->replot(QCustomPlot::rpImmediateRefresh);
    panMs.push_back(t.nsecsElapsed() / 1e6);
  }
  for (int i = 0; i < 10; ++i) {
    std::vector<int> pick;
    for (int k = i; k < 50000; k += 10) pick.push_back(k);
    QElapsedTimer t;
    t.start();
    s->selection()->select(pick);
    clusters->plot()->replot(QCustomPlot::rpImmediateRefresh);
    selectMs.push_back(t.nsecsElapsed() / 1e6);
  }
  step("Scatter of 50,000 points: rebuild (colour groups) + redraw", 0, msStats(scatterMs));
  step("Scatter of 50,000 points: pan step (redraw)", 0, msStats(panMs));
  step("Select 5,000 of them (every view updates) + redraw", 0, msStats(selectMs));
  s->selection()->clear();
  std::printf("\nGUI thread's longest stall over the engine jobs above: %.1f ms\n",
              w.lastJobStallMs());
  return 0;
}

}  // namespace poisonlab::gui
