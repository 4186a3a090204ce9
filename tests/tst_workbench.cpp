// The first window: the sample model and its filters (data-driven), and a smoke test that
// opens the main window on a small generated data set and finds the poisoned samples.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QSpinBox>

#include <filesystem>
#include <fstream>

#include "core/util/error.h"
#include "core/attack/poison.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include "panels/experiment_panel.h"
#include "main_window.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/stall_monitor.h"
#include "views/training_view.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "state/task_manager.h"
#include "test_support.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

class TestWorkbench : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const PoisonedDataset> pd_;

 private slots:
  void initTestCase() {
    useTemporarySettings(tmp_.path().toStdString());
    PoisonSpec spec;
    spec.count = 7;
    pd_ = std::make_shared<const PoisonedDataset>(
        applyPoison(std::make_shared<const Dataset>(makeDataset(10, 20, 2)), TriggerSpec{}, spec));
  }

  void modelRoles() {
    SampleModel model;
    QCOMPARE(model.rowCount(), 0);
    model.setDataset(pd_);
    QCOMPARE(model.rowCount(), 200);
    const int i = static_cast<int>(pd_->poisonedIndices.front());
    const QModelIndex idx = model.index(i, 0);
    QCOMPARE(idx.data(SampleModel::PoisonedRole).toBool(), true);
    QCOMPARE(idx.data(SampleModel::LabelRole).toInt(), 4);
    QCOMPARE(idx.data(SampleModel::OriginalLabelRole).toInt(), 9);
    QCOMPARE(idx.data(SampleModel::ClassNameRole).toString(), QString("deer"));
    const QImage img = idx.data(SampleModel::ImageRole).value<QImage>();
    QCOMPARE(img.size(), QSize(32, 32));
    QCOMPARE(img.pixelColor(16, 11), QColor(101, 0, 25));  // x = column 16, y = row 11
    const QImage clean = idx.data(SampleModel::CleanImageRole).value<QImage>();
    QVERIFY(clean.pixelColor(16, 11) != QColor(101, 0, 25) || img != clean);
  }

  void filters_data() {
    QTest::addColumn<int>("cls");
    QTest::addColumn<int>("poison");
    QTest::addColumn<QString>("index");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << -1 << 0 << "" << 200;
    QTest::newRow("poisoned only") << -1 << 1 << "" << 7;
    QTest::newRow("clean only") << -1 << 2 << "" << 193;
    QTest::newRow("deer (poisoned label)") << 4 << 0 << "" << 27;
    QTest::newRow("truck") << 9 << 0 << "" << 13;
    QTest::newRow("deer and poisoned") << 4 << 1 << "" << 7;
    QTest::newRow("truck and poisoned") << 9 << 1 << "" << 0;
    QTest::newRow("index 5") << -1 << 0 << "5" << 1;
    QTest::newRow("index 5 in class 3") << 3 << 0 << "5" << 0;
    QTest::newRow("not a number") << -1 << 0 << "abc" << 200;
  }
  void filters() {
    QFETCH(int, cls);
    QFETCH(int, poison);
    QFETCH(QString, index);
    QFETCH(int, rows);
    SampleModel model;
    model.setDataset(pd_);
    SampleFilter filter;
    filter.setSourceModel(&model);
    filter.setClassFilter(cls);
    filter.setPoisonFilter(static_cast<SampleFilter::Poison>(poison));
    filter.setIndexFilter(index);
    QCOMPARE(filter.rowCount(), rows);
  }

  void mainWindowSmoke() {
    const QString data = tmp_.filePath("mini.tar.gz");
    Dataset big = makeDataset(10, 520, 3);  // room for the default 500 poisons
    writeTarGz(data.toStdString(), binaryLayout(big));
    MainWindow w;
    w.show();
    Task* task = w.openData(data);
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(task->state(), Task::State::Succeeded);
    QVERIFY(w.dataset());
    QCOMPARE(w.dataset()->poisonedIndices.size(), std::size_t(500));
    auto* grid = w.findChild<QListView*>("sampleGrid");
    QVERIFY(grid);
    QTRY_COMPARE(grid->model()->rowCount(), 5200);
    QVERIFY(w.findChild<QAction*>("actionTrain")->isEnabled());
    // The first poisoned sample is selected and inspected, trigger pixel readable.
    auto* details = w.findChild<QLabel*>("details");
    QVERIFY(details);
    QTRY_VERIFY(details->text().contains("POISONED"));
    QVERIFY2(details->text().contains("(101, 0, 25)"), qPrintable(details->text()));
    // Filtering to poisoned samples shows exactly the 500.
    w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::PoisonedOnly);
    QCOMPARE(grid->model()->rowCount(), 500);
    // Docks are named, so their layout persists.
    QVERIFY(w.findChild<QWidget*>("inspectorDock"));
    QVERIFY(w.findChild<QWidget*>("jobsDock"));
    QVERIFY(w.findChild<QWidget*>("experimentDock"));
    QVERIFY(w.findChild<QWidget*>("trainingDock"));
    // Left/Right in the inspector step through the filtered list (here: the 500 poisons).
    const QModelIndex before = grid->currentIndex();
    QTest::keyClick(w.inspector(), Qt::Key_Right);
    QCOMPARE(grid->currentIndex().row(), before.row() + 1);
    QVERIFY(grid->currentIndex().data(SampleModel::PoisonedRole).toBool());
    QTest::keyClick(w.inspector(), Qt::Key_Left);
    QCOMPARE(grid->currentIndex().row(), before.row());
  }

  void labelOnlyRunInTheWindow() {
    // The official binary layout is read in its own (official) order: a label file's rows are
    // its images. The panel reads the file through a job, shows the pair counts, and Apply
    // poison makes a label-only run whose images are clean.
    const QString data = tmp_.filePath("label-only.tar.gz");
    Dataset ds = makeDataset(10, 30, 3);
    writeTarGz(data.toStdString(), binaryLayout(ds));
    const QString labels = tmp_.filePath("flips.csv");
    {
      QFile f(labels);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("index,label\n270,4\n271,4\n272,4\n");  // three trucks -> deer
    }
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.openData(data), &Task::finished);
    QVERIFY(loaded.wait(30000));
    ExperimentPanel* panel = w.experiment();
    panel->setLabelOnly(true);
    QVERIFY(!panel->problem().isEmpty());
    panel->setLabelFiles(labels, QString());
    auto* summary = panel->findChild<QLabel*>("labelSummary");
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains("truck -> deer: 3"), 20000);
    QVERIFY2(panel->problem().isEmpty(), qPrintable(panel->problem()));
    QSignalSpy poisoned(w.applyPoison(), &Task::finished);
    QVERIFY(poisoned.wait(30000));
    const auto pd = w.dataset();
    QVERIFY(pd->spec.labelOnly());
    QCOMPARE(pd->poisonedIndices, (std::vector<std::size_t>{270, 271, 272}));
    for (std::size_t i : pd->poisonedIndices)
      QVERIFY(std::equal(pd->train.image(i), pd->train.image(i) + kImageBytes,
                         pd->clean->train.image(i)));
    // The grid's "Label changed" filter shows exactly them.
    w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::LabelChanged);
    QTRY_COMPARE(w.findChild<QListView*>("sampleGrid")->model()->rowCount(), 3);
    // A file that does not fit is refused in the panel, naming the file.
    panel->setLabelFiles(tmp_.filePath("missing.npy"), QString());
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains("missing.npy"), 20000);
    QVERIFY(!panel->problem().isEmpty());
  }

  void newRunFoldersNeverCollide() {
    // Several in one second: each is new and empty, none reuses another run's folder.
    QSet<QString> seen;
    for (int i = 0; i < 5; ++i) {
      const QString dir = MainWindow::newRunFolder();
      QVERIFY(QDir(dir).exists());
      QVERIFY(QDir(dir).isEmpty());
      QVERIFY(!seen.contains(dir));
      seen.insert(dir);
      QFile(dir + "/model.pt").open(QIODevice::WriteOnly);  // as if trained
    }
  }

  /// Probabilities that predict class (i % 3) for sample i, with confidence rising with i.
  static std::vector<float> fakePredictions(std::size_t n, int classes) {
    std::vector<float> p(n * classes, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
      const float top = 0.5f + 0.4f * float(i) / float(n);
      for (int c = 0; c < classes; ++c) p[i * classes + c] = (1 - top) / float(classes - 1);
      p[i * classes + i % 3] = top;
    }
    return p;
  }

  void predictionFiltersAndSorting_data() {
    QTest::addColumn<int>("predicted");
    QTest::addColumn<bool>("misclassified");
    QTest::addColumn<int>("rows");
    QTest::newRow("any") << -1 << false << 200;
    QTest::newRow("predicted 0") << 0 << false << 67;
    QTest::newRow("predicted 2") << 2 << false << 66;
    QTest::newRow("predicted 5 (never)") << 5 << false << 0;
    // labels are i % 10 except the 7 poisons (labelled 4); predictions i % 3
    QTest::newRow("misclassified") << -1 << true << 200 - 7 - 0;
  }
  void predictionFiltersAndSorting() {
    QFETCH(int, predicted);
    QFETCH(bool, misclassified);
    QFETCH(int, rows);
    SampleModel model;
    model.setDataset(pd_);
    model.setPredictions(fakePredictions(200, 10), 10);
    QVERIFY(model.hasPredictions());
    SampleFilter filter;
    filter.setSourceModel(&model);
    filter.setPredictedFilter(predicted);
    filter.setMisclassifiedOnly(misclassified);
    if (!misclassified) QCOMPARE(filter.rowCount(), rows);
    // Misclassified: prediction differs from the current label; count it independently.
    int expected = 0;
    for (int i = 0; i < 200; ++i) {
      const int p = i % 3;
      const int label = pd_->train.labels[i];
      if ((predicted < 0 || p == predicted) && (!misclassified || p != label)) ++expected;
    }
    QCOMPARE(filter.rowCount(), expected);
    // Sorting by confidence puts the most confident last; by label, labels ascend.
    filter.setSortKey(SampleFilter::SortKey::Confidence);
    for (int r = 1; r < filter.rowCount(); ++r)
      QVERIFY(filter.index(r - 1, 0).data(SampleModel::ConfidenceRole).toDouble() <=
              filter.index(r, 0).data(SampleModel::ConfidenceRole).toDouble());
    filter.setSortKey(SampleFilter::SortKey::Label);
    for (int r = 1; r < filter.rowCount(); ++r)
      QVERIFY(filter.index(r - 1, 0).data(SampleModel::LabelRole).toInt() <=
              filter.index(r, 0).data(SampleModel::LabelRole).toInt());
    filter.setSortKey(SampleFilter::SortKey::Index);
    for (int r = 1; r < filter.rowCount(); ++r)
      QVERIFY(filter.index(r - 1, 0).data(SampleModel::IndexRole).toInt() <
              filter.index(r, 0).data(SampleModel::IndexRole).toInt());
    // Clearing the predictions clears the roles.
    model.setPredictions({}, 0);
    QCOMPARE(model.index(0).data(SampleModel::PredictedRole).toInt(), -1);
  }

  void experimentPanelValidates_data() {
    QTest::addColumn<int>("type");  // 0 pixel, 1 patch, 2 blend
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("errorLabel");  // empty: valid
    QTest::addColumn<QString>("message");
    QTest::newRow("the log's attack") << 0 << 11 << 1 << 9 << 4 << 5 << ""
                                      << "";
    QTest::newRow("patch off the edge") << 1 << 30 << 3 << 9 << 4 << 5 << "triggerError"
                                        << "row 30";
    QTest::newRow("target equals source") << 0 << 11 << 1 << 4 << 4 << 5 << "poisonError"
                                          << "equals";
    QTest::newRow("more poisons than trucks") << 0 << 11 << 1 << 9 << 4 << 21 << "poisonError"
                                              << "poison count";
  }
  void experimentPanelValidates() {
    QFETCH(int, type);
    QFETCH(int, row);
    QFETCH(int, size);
    QFETCH(int, source);
    QFETCH(int, target);
    QFETCH(int, count);
    QFETCH(QString, errorLabel);
    QFETCH(QString, message);
    ExperimentPanel panel;
    panel.show();
    panel.setDataset(pd_);  // 20 images per class
    auto* train = panel.findChild<QPushButton*>("trainButton");
    QVERIFY(train && train->isEnabled());
    TriggerSpec t = TriggerSpec::defaults(static_cast<TriggerType>(type));
    t.row = row;
    t.size = size;
    panel.setTrigger(t);
    PoisonSpec p;
    p.source = source;
    p.target = target;
    p.count = count;
    panel.setPoison(p);
    QCOMPARE(panel.trigger().row, row);
    QCOMPARE(panel.poison().count, count);
    if (errorLabel.isEmpty()) {
      QVERIFY2(panel.problem().isEmpty(), qPrintable(panel.problem()));
      QVERIFY(train->isEnabled());
      return;
    }
    auto* label = panel.findChild<QLabel*>(errorLabel);
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(message), qPrintable(label->text()));
    QVERIFY(!train->isEnabled());
    // The training-settings group stays quiet: the message is where the value was entered.
    QVERIFY(!panel.findChild<QLabel*>("trainingError")->isVisible());
  }

  void stallMonitorSeesABlockedEventLoop() {
    StallMonitor m;
    m.start();
    QTest::qWait(50);
    QTimer::singleShot(0, [] { QThread::msleep(120); });  // a deliberate 120 ms stall
    QTest::qWait(200);
    QVERIFY(m.ticks() > 5);
    QVERIFY2(m.maxStallMs() > 90, qPrintable(QString::number(m.maxStallMs())));
    QCOMPARE(m.stallsOver(90), qint64(1));
  }

  void trainInTheWorkbench() {
    // The whole loop in the GUI: open data, poison, train in the background while the grid
    // stays usable, curves and results arrive, predictions fill the inspector's chart, the run
    // folder is the CLI's, and it opens again with its history.
    const QString data = tmp_.filePath("train.tar.gz");
    Dataset ds = makeDataset(10, 60, 10, 7);
    writeTarGz(data.toStdString(), binaryLayout(ds));
    MainWindow w;
    w.show();
    QSignalSpy loaded(w.openData(data), &Task::finished);
    QVERIFY(loaded.wait(30000));
    // The log's 500 poisons do not fit 60 trucks: the same attack at its rate (1 %) is used.
    ExperimentPanel* panel = w.experiment();
    QCOMPARE(w.dataset()->poisonedIndices.size(), std::size_t(6));
    QVERIFY(panel->problem().isEmpty());
    // More poisons than trucks: the panel says so where the count is entered; no training.
    PoisonSpec p;
    p.count = 100;
    panel->setPoison(p);
    QVERIFY(panel->findChild<QLabel*>("poisonError")->isVisible());
    QVERIFY(!w.startTraining());
    p.count = 30;
    panel->setPoison(p);
    QVERIFY2(panel->problem().isEmpty(), qPrintable(panel->problem()));
    Task* poisonTask = w.applyPoison();
    QVERIFY(poisonTask);
    QSignalSpy poisoned(poisonTask, &Task::finished);
    QVERIFY(poisoned.wait(10000));
    QCOMPARE(w.dataset()->poisonedIndices.size(), std::size_t(30));
    TrainConfig c;
    c.model.width = 8;
    c.epochs = 2;
    c.batchSize = 50;
    c.precision = Precision::Fp32;
    panel->setTraining(c);
    Task* task = w.startTraining();
    QVERIFY(task);
    QVERIFY(!w.startTraining());  // one training at a time
    QVERIFY(!panel->findChild<QPushButton*>("trainButton")->isEnabled());
    QSignalSpy progress(task, &Task::progressChanged);
    QSignalSpy finished(task, &Task::finished);
    // Browsing while it trains: the grid answers.
    w.browser()->step(1);
    QVERIFY(finished.wait(120000));
    QCOMPARE(task->state(), Task::State::Succeeded);
    QVERIFY(progress.count() >= 2);
    TrainingView* view = w.trainingView();
    QTRY_COMPARE(view->epochPoints(), 2);
    QVERIFY(view->lossPlot()->graph(1)->dataCount() >= 2);  // live loss points
    QCOMPARE(view->confusionPlot(false)->plottableCount(), 1);
    QCOMPARE(view->confusionPlot(true)->plottableCount(), 1);
    QVERIFY(view->findChild<QLabel*>("cleanAccuracy")->text().contains('%'));
    QVERIFY(view->findChild<QLabel*>("attackSuccessRate")->text().contains('%'));
    // The GUI thread never waits on the engine: its longest stall during training stays far
    // under the seconds a blocking call would take (2 s at this machine's time scale).
    QVERIFY2(w.lastTrainingStallMs() < 2000.0 * timeScale(),
             qPrintable(QString::number(w.lastTrainingStallMs())));
    qInfo("GUI-thread longest stall during training: %.1f ms", w.lastTrainingStallMs());
    const QString run = w.runFolder();
    QVERIFY(run.startsWith(tmp_.filePath("runs")));
    QVERIFY(QFileInfo::exists(run + "/model.pt"));
    QVERIFY(QFileInfo::exists(run + "/experiment.json"));
    QCOMPARE(int(readTrainResult(run.toStdString()).history.size()), 2);
    QVERIFY(QSettings()
                .value("runs/recent")
                .toStringList()
                .contains(QFileInfo(run).absoluteFilePath()));
    // Predictions arrive: the filter offers them and the inspector shows the bar chart.
    auto* predicted = w.browser()->findChild<QComboBox*>("predictedFilter");
    QTRY_VERIFY_WITH_TIMEOUT(predicted->isEnabled(), 30000);
    QCOMPARE(predicted->count(), 12);  // any, misclassified, 10 classes
    w.browser()->selectSample(int(w.dataset()->poisonedIndices.front()));
    QTRY_VERIFY(w.inspector()->probabilityChart()->isVisible());
    QVERIFY(w.inspector()->probabilityChart()->plottableCount() >= 2);
    // The shown list exports as CSV: the 30 poisons, with their predictions.
    w.browser()->filter()->setPoisonFilter(SampleFilter::Poison::PoisonedOnly);
    const QString csv = tmp_.filePath("poisons.csv");
    w.browser()->exportCsv(csv);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 31);
    QCOMPARE(lines[0],
             QByteArray("index,label,label_name,original_label,poisoned,predicted,confidence"));
    QVERIFY(lines[1].contains(",4,deer,9,1,"));
    // Save as copies the whole run; opening it shows the history and predictions again.
    const QString saved = tmp_.filePath("saved-run");
    QSignalSpy savedSpy(w.saveRunAs(saved), &Task::finished);
    QVERIFY(savedSpy.wait(10000));
    QCOMPARE(w.runFolder(), saved);
    QVERIFY(QFileInfo::exists(saved + "/model.pt"));
    // Saving over a folder that is not empty is refused, naming it; nothing is touched.
    Task* again = w.saveRunAs(saved);
    QSignalSpy againSpy(again, &Task::finished);
    QVERIFY(againSpy.wait(10000));
    QCOMPARE(again->state(), Task::State::Failed);
    QVERIFY2(again->errorMessage().contains(saved) && again->errorMessage().contains("not empty"),
             qPrintable(again->errorMessage()));
    QTRY_VERIFY(w.findChild<QMessageBox*>("errorDialog"));
    w.findChild<QMessageBox*>("errorDialog")->accept();
    QCOMPARE(w.runFolder(), saved);
    MainWindow w2;
    w2.show();
    QSignalSpy opened(w2.openRun(saved), &Task::finished);
    QVERIFY(opened.wait(30000));
    QTRY_COMPARE(w2.trainingView()->epochPoints(), 2);
    QCOMPARE(w2.experiment()->training().model.width, 8);
    QTRY_VERIFY_WITH_TIMEOUT(w2.browser()->model()->hasPredictions(), 30000);
    // The predictions came from the run's cache (copied by Save as), not a second inference.
    QVERIFY(!QDir(saved + "/cache").entryList({"probabilities-train-*.npy"}).isEmpty());
  }

  // Not a test: a helper of the two below.
 private:
  /// Opens a small generated data set (the log's attack at 1 %) in `w` and starts a long
  /// training on it (width 8, fp32).
  Task* startLongTraining(MainWindow& w, const char* archive, std::uint32_t salt) {
    const QString data = tmp_.filePath(archive);
    writeTarGz(data.toStdString(), binaryLayout(makeDataset(10, 60, 10, salt)));
    w.show();
    QSignalSpy loaded(w.openData(data), &Task::finished);
    if (!loaded.wait(30000)) return nullptr;
    TrainConfig c;
    c.model.width = 8;
    c.epochs = 500;
    c.precision = Precision::Fp32;
    w.experiment()->setTraining(c);
    return w.startTraining();
  }

 private slots:
  void cancelTrainingKeepsTheRunFolder() {
    MainWindow w;
    Task* task = startLongTraining(w, "cancel.tar.gz", 8);
    QVERIFY(task);
    QSignalSpy finished(task, &Task::finished);
    QTRY_VERIFY_WITH_TIMEOUT(w.trainingView()->epochPoints() >= 1, 60000);
    QElapsedTimer clock;
    clock.start();
    task->cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY2(clock.elapsed() < 1000 * timeScale(), qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(task->state(), Task::State::Cancelled);
    QVERIFY(QFileInfo::exists(w.runFolder() + "/checkpoint.pt"));
    QVERIFY(!QFileInfo::exists(w.runFolder() + "/model.pt"));
    QVERIFY(w.experiment()->findChild<QPushButton*>("trainButton")->isEnabled());
  }

  void closingWithAJobRunningAsksThenCancels() {
    MainWindow w;
    Task* task = startLongTraining(w, "close.tar.gz", 9);
    QVERIFY(task);
    QSignalSpy progress(task, &Task::progressChanged);
    QVERIFY(progress.wait(30000));
    // First answer No: the window stays and the job goes on; then Yes: it cancels and closes.
    QMessageBox::StandardButton answer = QMessageBox::No;
    int asked = 0;
    QTimer poll;
    connect(&poll, &QTimer::timeout, [&] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        ++asked;
        box->button(answer)->click();
      }
    });
    poll.start(20);
    QVERIFY(!w.close());
    QCOMPARE(asked, 1);
    QVERIFY(task->isActive());
    answer = QMessageBox::Yes;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(w.close());
    QCOMPARE(asked, 2);
    QVERIFY2(clock.elapsed() < 2000 * timeScale(), qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE(task->state(), Task::State::Cancelled);
  }

  void badDataShowsError() {
    MainWindow w;
    w.show();
    // The error dialog is modal; close it as soon as it appears.
    QTimer::singleShot(0, [] {});
    bool sawDialog = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, [&] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        sawDialog = box->detailedText().contains("no such file or folder");
        box->accept();
      }
    });
    poll.start(20);
    Task* task = w.openData(tmp_.filePath("missing.tar.gz"));
    QSignalSpy finished(task, &Task::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(task->state(), Task::State::Failed);
    QTRY_VERIFY(sawDialog);
    QVERIFY(!w.dataset());
    // Without data, what needs it is disabled.
    QVERIFY(!w.findChild<QAction*>("actionTrain")->isEnabled());
    QVERIFY(!w.findChild<QAction*>("actionApplyPoison")->isEnabled());
  }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
