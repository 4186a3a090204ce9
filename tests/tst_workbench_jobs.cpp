// The analysis and unlearning views with real jobs, on the tests' tiny planted backdoor
// (tiny_backdoor.h) trained in the window: detectors run from the Detectors panel write
// RUN/detect/ and fill the views; the attacked class stands out; a lasso selects the poisons;
// saliency looks at the trigger; SSD from the Unlearning panel removes the backdoor as a new,
// current model version that Ctrl+Z takes back; the run opens again with everything in it.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QStatusBar>
#include <QtTest>

#include <algorithm>
#include <filesystem>

#include "views/cluster_view.h"
#include "views/comparison_view.h"
#include "core/detect/detect.h"
#include "core/train/saliency.h"
#include "panels/detector_panel.h"
#include "panels/experiment_panel.h"
#include "views/flip_view.h"
#include "views/influence_view.h"
#include "jobs.h"
#include "main_window.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "state/session.h"
#include "views/spectral_view.h"
#include "state/task_manager.h"
#include "test_support.h"
#include "tiny_backdoor.h"
#include "views/runs_view.h"
#include "panels/unlearn_panel.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

namespace {
bool waitIdle(MainWindow& w, int ms) {
  return QTest::qWaitFor([&] { return !w.tasks()->hasActiveTasks(); }, ms);
}
}  // namespace

class TestWorkbenchJobs : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString run_;
  PoisonSpec spec_;

 private slots:
  void initTestCase() {
    useTemporarySettings(tmp_.path().toStdString());
    writeTree(tmp_.filePath("data").toStdString(), binaryLayout(*colourDataset(kPerClass, 16)));
    spec_.source = 0;
    spec_.target = 1;
    spec_.count = kPoisons;
    spec_.seed = 3;
  }

  void analyseAndUnlearnInTheWindow() {
    MainWindow w;
    w.show();
    Session* s = w.session();
    // Open the data with the tiny attack, and train in the window.
    w.experiment()->setTrigger(whitePixel());
    w.experiment()->setPoison(spec_);
    QSignalSpy loaded(w.openData(tmp_.filePath("data")), &Task::finished);
    QVERIFY(loaded.wait(60000));
    QCOMPARE(s->data()->poisonedIndices.size(), std::size_t(kPoisons));
    w.experiment()->setTraining(tinyConfig(kEpochs));
    Task* train = w.startTraining();
    QVERIFY(train);
    // The data a training job runs on stay the window's until it ends.
    QVERIFY(!w.applyPoison());
    QSignalSpy trained(train, &Task::finished);
    QVERIFY(trained.wait(240000));
    QCOMPARE(train->state(), Task::State::Succeeded);
    QVERIFY(waitIdle(w, 60000));
    run_ = s->runDir();
    QVERIFY(s->current());
    QVERIFY2(s->current()->eval->asr > 0.9, "the tiny backdoor took");
    QVERIFY(!s->predictions().empty());
    QVERIFY(w.detectorPanel()->attackWarning().isEmpty());

    // Spectral and clustering from the Detectors panel, queued.
    DetectorPanel* panel = w.detectorPanel();
    DetectRequest r;
    r.method = DetectorMethod::Spectral;
    panel->setRequest(r);
    panel->findChild<QPushButton*>("runDetectorButton")->click();
    r.method = DetectorMethod::ActivationClustering;
    panel->setRequest(r);
    panel->findChild<QPushButton*>("runDetectorButton")->click();
    QCOMPARE(w.tasks()->activeTasks().size(), 2);  // the second waits for the engine
    QVERIFY(QTest::qWaitFor([&] { return s->detections().size() == 2; }, 120000));
    QVERIFY(std::filesystem::exists(run_.toStdString() + "/detect/spectral.csv"));
    QVERIFY(std::filesystem::exists(run_.toStdString() + "/detect/activation-clustering.json"));
    QCOMPARE(panel->resultsTable()->rowCount(), 2);
    QVERIFY(s->detection("spectral")->overall.auroc > 0.9);
    QVERIFY(w.lastJobStallMs() >= 0);

    // The attacked class stands out in the spectral view; the scatter shows that class.
    w.views()->setCurrentWidget(w.spectralView());
    w.spectralView()->setDetector("spectral");
    QCOMPARE(w.spectralView()->currentClass(), spec_.target);
    ClusterView* clusters = w.clusterView();
    w.views()->setCurrentWidget(clusters);
    clusters->setDetector("activation-clustering");
    clusters->setClass(spec_.target);
    QVERIFY(!clusters->pointIndices().empty());
    // A lasso around the poisons' points (the ground truth picks where to draw it here, as a
    // user's eye would) selects them everywhere.
    std::vector<double> px, py;
    for (std::size_t k = 0; k < clusters->pointIndices().size(); ++k)
      if (s->data()->poisonedMask[std::size_t(clusters->pointIndices()[k])]) {
        px.push_back(clusters->xs()[k]);
        py.push_back(clusters->ys()[k]);
      }
    const auto [x0, x1] = std::minmax_element(px.begin(), px.end());
    const auto [y0, y1] = std::minmax_element(py.begin(), py.end());
    clusters->selectPolygon(
        QPolygonF(QRectF(QPointF(*x0, *y0), QPointF(*x1, *y1)).adjusted(-1e-6, -1e-6, 1e-6, 1e-6)));
    QVERIFY(s->selection()->size() >= kPoisons);
    int poisons = 0;
    for (int i : s->selection()->indices()) poisons += s->data()->poisonedMask[std::size_t(i)];
    QCOMPARE(poisons, kPoisons);
    int drawnSelected = 0;
    for (int r = 0; r < w.browser()->filter()->rowCount(); ++r)
      drawnSelected += w.browser()->filter()->index(r, 0).data(SampleModel::SelectedRole).toBool();
    QCOMPARE(drawnSelected, s->selection()->size());

    // Saliency of a poison: the trigger pixel is among the most salient.
    const int poison = int(s->data()->poisonedIndices.front());
    QSignalSpy saliency(w.jobs(), &Jobs::saliencyReady);
    w.inspector()->setSaliencyMethod(int(SaliencyMethod::Gradient));
    s->selection()->setCurrent(poison);
    QVERIFY(saliency.wait(60000));
    QCOMPARE(saliency.last().at(1).toInt(), 0);  // the training set
    const auto map = saliency.last().at(2).value<SaliencyMap>();
    QCOMPARE(saliency.last().at(0).toInt(), poison);
    const float atTrigger = map.values[std::size_t(whitePixel().row * 32 + whitePixel().col)];
    const auto above =
        std::count_if(map.values.begin(), map.values.end(), [&](float v) { return v > atTrigger; });
    QVERIFY2(above < 10, qPrintable(QString("%1 pixels more salient than the trigger").arg(above)));
    QVERIFY(w.inspector()->saliencyText().contains("peak"));
    QVERIFY(w.inspector()->scoresText().contains("spectral"));

    // SSD on the selection from the Unlearning panel: a new, current version without the
    // backdoor; Ctrl+Z takes it back.
    UnlearnPanel* unlearn = w.unlearnPanel();
    unlearn->setForget("selection");
    unlearn->findChild<QPushButton*>("applySsdButton")->click();
    QVERIFY(QTest::qWaitFor([&] { return s->versions().size() == 2; }, 120000));
    QCOMPARE(s->currentVersion(), 1);
    QVERIFY2(s->current()->eval->asr < 0.3,
             qPrintable(QString("ASR after SSD %1").arg(s->current()->eval->asr)));
    QCOMPARE(s->current()->forgetPoisons, std::size_t(kPoisons));
    QVERIFY(std::filesystem::exists(s->current()->modelPath.toStdString()));
    QVERIFY(waitIdle(w, 120000));
    QVERIFY(unlearn->headline().contains("ASR"));
    s->undoStack()->undo();
    QCOMPARE(s->currentVersion(), 0);
    s->undoStack()->redo();
    QCOMPARE(s->currentVersion(), 1);
    QVERIFY(waitIdle(w, 120000));

    // What if the trigger sat elsewhere: the dialog changes one setting, a new run is poisoned
    // and trained, and the runs view compares the two.
    w.findChild<QAction*>("actionWhatIf")->trigger();
    auto* dialog = w.findChild<WhatIfDialog*>("whatIfDialog");
    QVERIFY(dialog);
    dialog->setSetting(WhatIfDialog::Setting::TriggerPosition);
    dialog->setValue("20, 5");
    QVERIFY(dialog->apply());
    dialog->accept();
    // (Generous: under a sanitizer build the tiny training takes minutes.)
    QVERIFY(QTest::qWaitFor([&] { return s->runDir() != run_ && !s->runDir().isEmpty(); }, 300000));
    QVERIFY(waitIdle(w, 240000));
    QCOMPARE(s->data()->trigger.row, 20);
    QCOMPARE(s->data()->trigger.col, 5);
    QVERIFY(s->trainResult());
    QVERIFY(QTest::qWaitFor([&] { return w.runsView()->runCount() == 2; }, 30000));
    QCOMPARE(w.runsView()->table()->rowCount(), 2);
  }

  // FLIP from the attack panel: the button starts the job (FLIP's quick settings do not fit
  // 1,024 images, and the FLIP view says why, naming the field); with settings that fit, the
  // FLIP view draws the matching loss live, and the label-only runs it made (one a budget)
  // join Runs, their files on disk.
  void flipInTheWindow() {
    MainWindow w;
    w.show();
    w.experiment()->setTrigger(whitePixel());
    w.experiment()->setPoison(spec_);
    QSignalSpy loaded(w.openData(tmp_.filePath("data")), &Task::finished);
    QVERIFY(loaded.wait(60000));
    QVERIFY(waitIdle(w, 60000));
    w.experiment()->setLabelOnly(true);
    QPushButton* button = w.experiment()->findChild<QPushButton*>("computeFlip");
    QVERIFY(button);
    button->click();
    QVERIFY2(QTest::qWaitFor([&] { return !w.flipView()->summaryText().isEmpty(); }, 60000),
             qPrintable(w.flipView()->statusText() + " / " + w.statusBar()->currentMessage()));
    QVERIFY2(w.flipView()->summaryText().contains("budgets"),
             qPrintable(w.flipView()->summaryText()));
    QVERIFY(waitIdle(w, 60000));

    FlipConfig c;
    c.model.arch = "resnet8p";
    c.model.width = 4;
    c.trigger = whitePixel();
    c.source = 0;
    c.target = 1;
    c.expertEpochs = 2;
    c.batch = 64;
    c.checkpointEvery = 4;
    c.passes = 2;
    c.budgets = {8, 16};
    c.threads = 2;
    const int before = w.runsView()->runCount();
    const QString dir = tmp_.filePath("flip");
    Task* t = w.startFlip(c, dir);
    QVERIFY(t);
    QSignalSpy done(t, &Task::finished);
    QVERIFY(done.wait(240000));
    QCOMPARE(t->state(), Task::State::Succeeded);
    QVERIFY(waitIdle(w, 60000));
    // 1,024 + 256 triggered items at batch 64: 20 batches a pass, each a point.
    QCOMPARE(w.flipView()->batchPoints(), 2 * 20);
    QCOMPARE(w.flipView()->passPoints(), 2);
    QVERIFY2(w.flipView()->summaryText().contains(dir), qPrintable(w.flipView()->summaryText()));
    QCOMPARE(w.runsView()->runCount(), before + 2);
    for (const char* f :
         {"8.npy", "16.npy", "flip.json", "runs/8/experiment.json", "runs/16/poison.csv"})
      QVERIFY2(QFileInfo::exists(dir + "/" + f), f);
    // For a person to look at (docs/workbench-flip.png): POISONLAB_SHOT_DIR=DIR saves the window.
    const QString shots = qEnvironmentVariable("POISONLAB_SHOT_DIR");
    if (!shots.isEmpty()) {
      w.resize(1500, 950);
      QTest::qWait(300);
      QVERIFY(w.grab().save(shots + "/flip-view.png"));
    }
  }

  void theRunOpensWithEverythingInIt() {
    QVERIFY(!run_.isEmpty());
    MainWindow w;
    w.show();
    QSignalSpy opened(w.openRun(run_), &Task::finished);
    QVERIFY(opened.wait(60000));
    Session* s = w.session();
    QCOMPARE(s->detections().size(), 2);
    QCOMPARE(s->versions().size(), 2);  // the trained model and the SSD result
    QCOMPARE(s->currentVersion(), 0);
    // Saving the run into a folder inside itself is refused (it would copy itself).
    Task* inside = w.saveRunAs(run_ + "/copy");
    QSignalSpy saved(inside, &Task::finished);
    QVERIFY(saved.wait(30000));
    QCOMPARE(inside->state(), Task::State::Failed);
    QVERIFY2(inside->errorMessage().contains("inside the run folder"),
             qPrintable(inside->errorMessage()));
    QVERIFY(!std::filesystem::exists((run_ + "/copy").toStdString()));
    // File > Export report: drawn here, written in the background into the run folder.
    QAction* exportReport = w.findChild<QAction*>("actionExportReport");
    QVERIFY(exportReport && exportReport->isEnabled());
    Task* report = w.exportReport(run_ + "/report.pdf");
    QSignalSpy written(report, &Task::finished);
    QVERIFY(written.wait(60000));
    QVERIFY2(report->state() == Task::State::Succeeded, qPrintable(report->errorMessage()));
    QFile pdf(run_ + "/report.pdf");
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    // Summary and attack, training, two detectors, their comparison, the SSD result.
    QVERIFY2(bytes.count("/Type /Page\n") >= 5,
             qPrintable(QString::number(bytes.count("/Type /Page\n"))));
    QVERIFY(w.statusBar()->currentMessage().startsWith("Report written to"));
    w.views()->setCurrentWidget(w.comparisonView());
    QCOMPARE(w.comparisonView()->table()->rowCount(), 2);
    w.showView("spectral");
    QCOMPARE(w.spectralView()->currentClass(), spec_.target);
    QVERIFY(waitIdle(w, 60000));
  }
};

QTEST_MAIN(TestWorkbenchJobs)
#include "tst_workbench_jobs.moc"
