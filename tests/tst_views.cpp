// The analysis views and their shared state, on small made-up results (no training): the one
// selection and its modes, model versions with undo and redo, the lasso's hit test, each view
// over a detector report, the detector panel's options and its warning, the what-if dialog,
// and detector records read back as written.
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "cluster_view.h"
#include "comparison_view.h"
#include "core/detect/detect.h"
#include "core/unlearn/forget_set.h"
#include "core/util/error.h"
#include "detector_panel.h"
#include "experiment_model.h"
#include "experiment_panel.h"
#include "influence_view.h"
#include "plot_select.h"
#include "qcustomplot.h"
#include "runs_view.h"
#include "sample_browser.h"
#include "sample_inspector.h"
#include "sample_model.h"
#include "session.h"
#include "spectral_view.h"
#include "test_support.h"
#include "unlearn_panel.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

namespace {

/// A detector report over every training sample: poisons score high (with some overlap), the
/// top `flagTop` are flagged; x, y and cluster columns put the poisons apart in 2-D.
std::shared_ptr<DetectionReport> madeUpReport(const PoisonedDataset& pd, const std::string& name,
                                              const std::string& method, double shift) {
  auto r = std::make_shared<DetectionReport>();
  r->name = name;
  r->method = method;
  const std::size_t n = pd.train.count();
  std::vector<double> x, y, cluster;
  for (std::size_t i = 0; i < n; ++i) {
    const bool p = pd.poisonedMask[i];
    r->indices.push_back(std::int64_t(i));
    r->labels.push_back(pd.train.labels[i]);
    r->scores.push_back((p ? shift : 0.0) + double((i * 37) % 100) / 100.0);
    r->poisoned.push_back(p);
    x.push_back(p ? 5.0 + double(i % 7) / 10 : double(i % 11) / 10);
    y.push_back(double(i % 13) / 10);
    cluster.push_back(p ? 1 : 0);
  }
  for (std::size_t i = 0; i < n; ++i) r->flagged.push_back(r->scores[i] >= shift);
  r->columns = {{"cluster", cluster}, {"x", x}, {"y", y}};
  r->overall = detectionMetrics(r->scores, r->flagged, r->poisoned);
  for (int c = 0; c < int(pd.classNames().size()); ++c) {
    ClassSummary cs;
    cs.cls = c;
    std::vector<double> s;
    std::vector<std::uint8_t> f, t;
    for (std::size_t i = 0; i < n; ++i)
      if (r->labels[i] == c) {
        s.push_back(r->scores[i]);
        f.push_back(r->flagged[i]);
        t.push_back(r->poisoned[i]);
      }
    cs.metrics = detectionMetrics(s, f, t);
    cs.figures = {{"singular_ratio", c == pd.spec.target ? 2.5 : 1.1},
                  {"silhouette", 0.4},
                  {"cluster0_size", 10},
                  {"cluster1_size", 5}};
    r->classes.push_back(cs);
  }
  r->figures = {{"attacked_class", double(pd.spec.target)}};
  r->model.asr = 0.95;
  r->model.poisonFit = 0.97;
  return r;
}

}  // namespace

class TestViews : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const Dataset> clean_;
  std::shared_ptr<const PoisonedDataset> pd_;

  /// A session with the data, two detector reports and the original model version.
  void fill(Session& s) {
    s.setData(clean_, pd_, QString());
    s.addDetection(madeUpReport(*pd_, "spectral", "spectral", 0.6));
    s.addDetection(madeUpReport(*pd_, "activation-clustering", "activation-clustering", 0.9));
    ModelVersion original;
    original.name = "original";
    original.method = "trained";
    EvalReport e;
    e.cleanAcc = 0.8;
    e.asr = 0.9;
    e.poisonFit = 0.95;
    e.perClassAcc.assign(10, 0.8);
    e.confusion.assign(10, std::vector<int>(10, 1));
    original.eval = e;
    s.setVersions({original});
  }

 private slots:
  void initTestCase() {
    useTemporarySettings(tmp_.path().toStdString());
    clean_ = std::make_shared<const Dataset>(makeDataset(10, 30, 3));
    PoisonSpec spec;
    spec.count = 12;
    pd_ = std::make_shared<const PoisonedDataset>(applyPoison(clean_, TriggerSpec{}, spec));
  }

  void selectionModes_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<std::vector<int>>("expected");
    // Start {2, 4, 6}; apply {4, 5} (unsorted, with a duplicate) in each mode.
    QTest::newRow("replace") << int(SampleSelection::Mode::Replace) << std::vector<int>{4, 5};
    QTest::newRow("add") << int(SampleSelection::Mode::Add) << std::vector<int>{2, 4, 5, 6};
    QTest::newRow("remove") << int(SampleSelection::Mode::Remove) << std::vector<int>{2, 6};
    QTest::newRow("toggle") << int(SampleSelection::Mode::Toggle) << std::vector<int>{2, 5, 6};
  }
  void selectionModes() {
    QFETCH(int, mode);
    QFETCH(std::vector<int>, expected);
    SampleSelection sel;
    sel.select({6, 2, 4});
    QSignalSpy changed(&sel, &SampleSelection::changed);
    sel.select({5, 4, 5}, static_cast<SampleSelection::Mode>(mode));
    QCOMPARE(sel.indices(), expected);
    QCOMPARE(changed.count(), 1);
    sel.select(expected);  // no change, no signal
    QCOMPARE(changed.count(), 1);
    QVERIFY(sel.contains(expected.front()));
  }

  void selectionExportsAForgetSet() {
    // The CSV is the CLI's --forget FILE.csv format: the engine reads it back.
    SampleSelection sel;
    sel.select({17, 3, 250});
    const QString path = tmp_.filePath("forget.csv");
    sel.exportCsv(path);
    const auto back = readIndexCsv(path.toStdString(), pd_->train.count(), false);
    QCOMPARE(back, (std::vector<std::int64_t>{3, 17, 250}));
    QVERIFY_THROWS_EXCEPTION(Error, sel.exportCsv(tmp_.filePath("no/such/dir/x.csv")));
  }

  void versionsUndoAndRedo() {
    Session s;
    fill(s);
    QSignalSpy current(&s, &Session::currentVersionChanged);
    QSignalSpy versions(&s, &Session::versionsChanged);
    ModelVersion v;
    v.name = "ssd-selection-a10-l1";
    v.method = "ssd";
    s.addVersion(v);
    QCOMPARE(s.versions().size(), 2);
    QCOMPARE(s.currentVersion(), 1);
    QVERIFY(current.count() >= 1);
    QVERIFY(versions.count() >= 1);
    QVERIFY(s.undoStack()->canUndo());
    s.undoStack()->undo();  // the result is taken back: the original is current again
    QCOMPARE(s.versions().size(), 1);
    QCOMPARE(s.current()->name, QString("original"));
    s.undoStack()->redo();
    QCOMPARE(s.versions().size(), 2);
    QCOMPARE(s.current()->name, QString("ssd-selection-a10-l1"));
    s.makeCurrent(0);  // revert to the original as its own step
    QCOMPARE(s.currentVersion(), 0);
    s.undoStack()->undo();
    QCOMPARE(s.currentVersion(), 1);
    QCOMPARE(s.undoStack()->count(), 2);
    // A new data set starts a new history.
    s.setData(clean_, pd_, QString());
    QCOMPARE(s.undoStack()->count(), 0);
    QVERIFY(s.versions().isEmpty());
  }

  void scoresOfASample() {
    Session s;
    fill(s);
    const int poison = int(pd_->poisonedIndices.front());
    const auto scores = s.scoresOf(poison);
    QCOMPARE(scores.size(), 2);
    QCOMPARE(scores[0].detector, QString("spectral"));
    QVERIFY(scores[0].score >= 0.6);
    QVERIFY(scores[0].flagged);
    const auto column = s.scoreColumn("activation-clustering");
    QCOMPARE(column.size(), pd_->train.count());
    QVERIFY(std::isnan(s.scoreColumn("no-such")[0]));
  }

  void polygonHitTest() {
    const std::vector<double> xs{0.5, 1.5, 0.5, 3, -1, 1.5};
    const std::vector<double> ys{0.5, 0.5, 1.5, 3, 0, 1.5};
    // An L-shaped (concave) lasso: the unit squares (0..2)x(0..1) and (0..1)x(1..2).
    QPolygonF l;
    l << QPointF(0, 0) << QPointF(2, 0) << QPointF(2, 1) << QPointF(1, 1) << QPointF(1, 2)
      << QPointF(0, 2);
    QCOMPARE(pointsInPolygon(xs, ys, l), (std::vector<int>{0, 1, 2}));  // (1.5, 1.5) is outside
    QCOMPARE(pointsInRect(xs, ys, QRectF(QPointF(2, 2), QPointF(0, 0))),
             (std::vector<int>{0, 1, 2, 5}));
    QVERIFY(pointsInPolygon(xs, ys, QPolygonF({QPointF(0, 0), QPointF(1, 1)})).empty());
  }

  void spectralViewThresholdAndSelection() {
    Session s;
    fill(s);
    SpectralView view(&s);
    const int target = pd_->spec.target;
    QCOMPARE(view.currentClass(), target);  // opens on the class the detector names
    QCOMPARE(view.detector(), QString("spectral"));
    // The stacked bars hold every sample of the class once.
    auto* plot = view.histogram();
    double total = 0;
    for (int k = 0; k < plot->plottableCount(); ++k) {
      auto* bars = qobject_cast<QCPBars*>(plot->plottable(k));
      if (!bars || bars->name() == "selected") continue;
      for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        total += it->value;
    }
    int inClass = 0;
    for (auto l : pd_->train.labels) inClass += l == target;
    QCOMPARE(int(total), inClass);
    // Moving the threshold updates precision, recall and the flagged count.
    QSignalSpy moved(&view, &SpectralView::thresholdChanged);
    view.setThreshold(0.6);
    QCOMPARE(moved.count(), 1);
    const DetectionMetrics m = view.thresholdMetrics();
    QCOMPARE(m.recall, 1.0);  // every poison scores at least 0.6
    QVERIFY(m.flagged >= m.poisons);
    view.setThreshold(10);
    QCOMPARE(view.thresholdMetrics().flagged, std::size_t(0));
    QVERIFY(view.lastUpdateMs() >= 0);
    // Selecting above the threshold selects in the shared selection.
    view.setThreshold(0.6);
    QSignalSpy selected(s.selection(), &SampleSelection::changed);
    view.selectAboveThreshold();
    QCOMPARE(selected.count(), 1);
    QCOMPARE(std::size_t(s.selection()->size()), m.flagged);
    // The grid's filter: with only clean samples shown, the class has no poisons left.
    std::vector<std::uint8_t> shown(pd_->train.count(), 1);
    for (auto i : pd_->poisonedIndices) shown[i] = 0;
    s.setShown(shown);
    view.setThreshold(0.0);
    QCOMPARE(view.thresholdMetrics().poisons, std::size_t(0));
  }

  void oneSelectionAcrossViews() {
    // A lasso in the scatter selects in the grid and the histogram; a grid selection reaches
    // the session; the count reads "selected / shown".
    Session s;
    fill(s);
    SampleBrowser grid;
    grid.setSession(&s);
    ClusterView scatter(&s);
    SpectralView histogram(&s);
    scatter.setDetector("activation-clustering");
    scatter.setClass(pd_->spec.target);
    QPolygonF lasso;
    lasso << QPointF(4, -1) << QPointF(7, -1) << QPointF(7, 3) << QPointF(4, 3);
    scatter.selectPolygon(lasso);
    std::vector<int> poisons(pd_->poisonedIndices.begin(), pd_->poisonedIndices.end());
    QCOMPARE(s.selection()->indices(), poisons);
    auto shownSelected = [&] {
      int n = 0;
      for (int r = 0; r < grid.filter()->rowCount(); ++r)
        n += grid.filter()->index(r, 0).data(SampleModel::SelectedRole).toBool();
      return n;
    };
    QCOMPARE(shownSelected(), int(poisons.size()));
    QVERIFY(grid.findChild<QLabel*>("sampleCount")->text().contains("12 selected / "));
    auto* selectedBars = qobject_cast<QCPBars*>(histogram.histogram()->plottable(2));
    QVERIFY(selectedBars && selectedBars->visible());
    // Shift adds, Ctrl removes.
    scatter.selectPolygon(lasso, /*add=*/false, /*remove=*/true);
    QVERIFY(s.selection()->isEmpty());
    QCOMPARE(shownSelected(), 0);
    // Clicks in the grid select in the session: a click replaces, Ctrl+click toggles, Shift+click
    // takes the range from the last click (as in any desktop list).
    grid.resize(800, 600);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    auto click = [&](int row, Qt::KeyboardModifiers mods) {
      const QRect r = grid.view()->visualRect(grid.filter()->index(row, 0));
      QTest::mouseClick(grid.view()->viewport(), Qt::LeftButton, mods, r.center());
    };
    click(2, {});
    QCOMPARE(s.selection()->indices(), std::vector<int>{2});
    QCOMPARE(s.selection()->current(), 2);
    click(5, Qt::ControlModifier);
    QCOMPARE(s.selection()->indices(), (std::vector<int>{2, 5}));
    click(3, Qt::ShiftModifier);
    QCOMPARE(s.selection()->indices(), (std::vector<int>{3, 4, 5}));
    click(5, Qt::ControlModifier);
    QCOMPARE(s.selection()->indices(), (std::vector<int>{3, 4}));
    click(0, {});
    QCOMPARE(s.selection()->size(), 1);
    // The grid sorts and filters by a detector's score and flag.
    grid.showDetector("spectral");
    grid.setFlagFilter(int(SampleFilter::Flag::FlaggedOnly));
    QVERIFY(grid.filter()->rowCount() > 0);
    for (int r = 0; r < grid.filter()->rowCount(); ++r)
      QVERIFY(grid.filter()->index(r, 0).data(SampleModel::FlaggedRole).toBool());
    grid.filter()->setSortKey(SampleFilter::SortKey::Score);
    const double first = grid.filter()->index(0, 0).data(SampleModel::ScoreRole).toDouble();
    const double last = grid.filter()
                            ->index(grid.filter()->rowCount() - 1, 0)
                            .data(SampleModel::ScoreRole)
                            .toDouble();
    QVERIFY(first >= last);
    // The filter reaches the session: only the flagged are shown to every view.
    QTRY_COMPARE(s.shownCount(), grid.filter()->rowCount());
    int flaggedInClass = 0;
    auto d = s.detection("spectral");
    for (std::size_t k = 0; k < d->indices.size(); ++k)
      flaggedInClass += d->flagged[k] && d->labels[k] == pd_->spec.target;
    histogram.setDetector("spectral");
    QVERIFY(histogram.findChild<QLabel*>("spectralSummary")
                ->text()
                .contains(QString("%1 samples shown").arg(flaggedInClass)));
  }

  void gridBrowsesTheTestSets() {
    // The grid lists the clean and the triggered test set too; a test image chosen there is a
    // test point (for influence), never part of the training selection.
    Session s;
    fill(s);
    SampleBrowser grid;
    grid.setSession(&s);
    s.selection()->select({1, 2});
    QSignalSpy chosen(&grid, &SampleBrowser::testSampleChosen);
    grid.setSplit(2);
    QCOMPARE(grid.model()->rowCount(), int(pd_->triggeredTest.count()));
    const QModelIndex first = grid.filter()->index(0, 0);
    QVERIFY(!first.data(SampleModel::PoisonedRole).toBool());
    QVERIFY(!first.data(SampleModel::SelectedRole).toBool());
    QCOMPARE(first.data(SampleModel::SplitRole).toInt(), int(SampleModel::Split::TriggeredTest));
    // The triggered image differs from its clean original at the trigger pixel.
    const QImage seen = first.data(SampleModel::ImageRole).value<QImage>();
    const QImage clean = first.data(SampleModel::CleanImageRole).value<QImage>();
    QVERIFY(seen.pixel(pd_->trigger.col, pd_->trigger.row) !=
            clean.pixel(pd_->trigger.col, pd_->trigger.row));
    QCOMPARE(first.data(SampleModel::LabelRole).toInt(), pd_->spec.source);
    QCOMPARE(grid.model()->rowCount(), 3);  // three truck test images in this data set
    grid.view()->setCurrentIndex(grid.filter()->index(2, 0));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.last().at(0).toInt(), 2);
    QVERIFY(chosen.last().at(1).toBool());
    QCOMPARE(s.selection()->indices(), (std::vector<int>{1, 2}));  // untouched
    grid.setSplit(1);
    QCOMPARE(grid.model()->rowCount(), int(clean_->test.count()));
    grid.selectSample(5);  // a training index: back to the training set
    QCOMPARE(grid.model()->split(), SampleModel::Split::Train);
  }

  void comparisonView() {
    Session s;
    fill(s);
    ComparisonView view(&s);
    emit s.dataChanged();
    QCOMPARE(view.table()->rowCount(), 2);
    QCOMPARE(view.rocPlot()->graphCount(), 3);  // two detectors and chance
    QVERIFY(view.rocPlot()->graph(0)->name().contains("AUROC"));
    view.setScope(pd_->spec.target);
    QCOMPARE(view.table()->item(0, 2)->text(), QString::number(pd_->poisonedIndices.size()));
  }

  void detectorPanelOptionsAndWarning() {
    Session s;
    fill(s);
    DetectorPanel panel(&s);
    DetectRequest r;
    r.method = DetectorMethod::ActivationClustering;
    r.layer = "stage3";
    r.ac.reclassify = Reclassify::Classifier;
    r.ac.dims = 7;
    r.spectral.eps = 0.05;
    r.influence.network = true;
    r.influence.flagTop = 40;
    panel.setRequest(r);
    const DetectRequest back = panel.request();
    QCOMPARE(int(back.method), int(r.method));
    QCOMPARE(back.layer, r.layer);
    QCOMPARE(int(back.ac.reclassify), int(r.ac.reclassify));
    QCOMPARE(back.ac.dims, 7);
    QCOMPARE(back.spectral.eps, 0.05);
    QVERIFY(back.influence.network);
    QCOMPARE(back.influence.flagTop, std::size_t(40));
    QSignalSpy requested(&panel, &DetectorPanel::runRequested);
    panel.findChild<QPushButton*>("runAllDetectorsButton")->click();
    QCOMPARE(requested.count(), 3);
    QCOMPARE(panel.resultsTable()->rowCount(), 2);
    QVERIFY(panel.attackWarning().isEmpty());
    // A model whose attack did not take (the weak attack a new user tried: ASR 16 %, 22 % of
    // its poisons fitted): the panel says so before any detector result is read.
    ModelVersion weak = s.versions()[0];
    weak.eval->asr = 0.16;
    weak.eval->poisonFit = 0.22;
    s.setVersions({weak});
    QVERIFY(panel.attackWarning().contains("did not take"));
    QVERIFY(panel.findChild<QLabel*>("attackWarning")->isVisibleTo(&panel));
  }

  void unlearnPanelRequestsAndVersions() {
    Session s;
    fill(s);
    UnlearnPanel panel(&s);
    panel.setAlpha(5);
    panel.setLambda(0.1);
    QVERIFY(std::abs(panel.alpha() - 5) < 0.1);
    QVERIFY(std::abs(panel.lambda() - 0.1) < 0.005);
    panel.setForget("ground-truth:0.25");
    QCOMPARE(panel.forgetSpec(), QString("ground-truth:0.25"));
    s.selection()->select({1, 2, 3});
    panel.setForget("selection");
    QVERIFY(panel.forgetSpec().isEmpty());
    QSignalSpy asked(&panel, &UnlearnPanel::unlearnRequested);
    panel.findChild<QPushButton*>("applySsdButton")->click();
    QCOMPARE(asked.count(), 1);
    const auto r = asked.at(0).at(0).value<UnlearnRequest>();
    QCOMPARE(r.forget.indices, (std::vector<std::int64_t>{1, 2, 3}));
    QVERIFY(std::abs(r.ssd.alpha - 5) < 0.1);
    panel.findChild<QPushButton*>("selectSsdButton")->click();
    QVERIFY(asked.at(1).at(0).value<UnlearnRequest>().select.enabled);
    // Versions: a result appears, is current, and the undo button takes it back.
    ModelVersion v;
    v.name = "ssd-x";
    v.method = "ssd";
    v.recordPath = "x.json";
    EvalReport e;
    e.cleanAcc = 0.79;
    e.asr = 0.01;
    e.perClassAcc.assign(10, 0.79);
    e.confusion.assign(10, std::vector<int>(10, 1));
    v.eval = e;
    s.addVersion(v);
    QCOMPARE(panel.versionsTable()->rowCount(), 2);
    QCOMPARE(panel.versionsTable()->item(1, 0)->text(), QString("▶"));
    QVERIFY(panel.headline().contains("ASR 1.00 %"));
    QCOMPARE(panel.perClassPlot()->plottableCount(), 2);  // original and current, overlaid
    panel.findChild<QPushButton*>("undoVersionButton")->click();
    QCOMPARE(panel.versionsTable()->rowCount(), 1);
  }

  void influenceViewRanksThumbnails() {
    Session s;
    fill(s);
    auto r = madeUpReport(*pd_, "influence-test-3", "influence", 0.9);
    s.addDetection(r);
    InfluenceView view(&s);
    view.setResult("influence-test-3");
    QCOMPARE(view.helpfulList()->count(), InfluenceView::kThumbnails);
    // The first helpful thumbnail is the highest score; the first harmful, the lowest.
    const auto best = std::max_element(r->scores.begin(), r->scores.end()) - r->scores.begin();
    QCOMPARE(view.helpfulList()->item(0)->data(Qt::UserRole).toInt(), int(best));
    view.helpfulList()->item(0)->setSelected(true);
    QCOMPARE(s.selection()->indices(), std::vector<int>{int(best)});
    QCOMPARE(s.selection()->current(), int(best));
    QVERIFY(view.foundPlot()->graphCount() == 2);
    // One test image's ranking has a name of its own.
    DetectRequest q;
    q.method = DetectorMethod::Influence;
    q.influence.testIndex = 3;
    QCOMPARE(detectionName(q), std::string("influence-test-3"));
    q.influence.testTriggered = true;
    QCOMPARE(detectionName(q), std::string("influence-triggered-3"));
  }

  void whatIfDialogNamesTheField_data() {
    QTest::addColumn<int>("setting");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");  // empty: valid
    QTest::newRow("moved") << int(WhatIfDialog::Setting::TriggerPosition) << "20, 5"
                           << "";
    QTest::newRow("off the image") << int(WhatIfDialog::Setting::TriggerPosition) << "40, 5"
                                   << "row";
    QTest::newRow("not numbers") << int(WhatIfDialog::Setting::TriggerPosition) << "a, b"
                                 << "trigger position";
    QTest::newRow("colour") << int(WhatIfDialog::Setting::TriggerColour) << "0 255 0"
                            << "";
    QTest::newRow("too many poisons") << int(WhatIfDialog::Setting::PoisonCount) << "1000"
                                      << "count";
    QTest::newRow("fewer poisons") << int(WhatIfDialog::Setting::PoisonCount) << "5"
                                   << "";
    QTest::newRow("unknown type") << int(WhatIfDialog::Setting::TriggerType) << "star"
                                  << "trigger type";
    QTest::newRow("patch") << int(WhatIfDialog::Setting::TriggerType) << "patch"
                           << "";
  }
  void whatIfDialogNamesTheField() {
    QFETCH(int, setting);
    QFETCH(QString, value);
    QFETCH(QString, error);
    WhatIfDialog d(pd_->trigger, pd_->spec, TrainConfig{}, *clean_);
    d.setSetting(static_cast<WhatIfDialog::Setting>(setting));
    d.setValue(value);
    QCOMPARE(d.apply(), error.isEmpty());
    if (!error.isEmpty()) {
      QVERIFY2(d.error().contains(error), qPrintable(d.error()));
      return;
    }
    if (value == "20, 5") {
      QCOMPARE(d.trigger().row, 20);
      QCOMPARE(d.trigger().col, 5);
      QCOMPARE(d.poison().count, pd_->spec.count);  // nothing else changed
    }
    if (value == "patch") QCOMPARE(d.trigger().size, 3);
  }

  void detectionRecordReadsBack() {
    // Written by the engine, read by the window: the same scores, flags, columns and figures.
    const std::string run = tmp_.filePath("run").toStdString();
    auto r = madeUpReport(*pd_, "spectral", "spectral", 0.6);
    r->settingsJson = R"({"eps":0.1})";
    r->classes[4].figures.emplace_back("singular_1", 12.5);
    writeDetection(run, *pd_, *r);
    QCOMPARE(listDetections(run), std::vector<std::string>{"spectral"});
    const DetectionReport back = readDetection(run, "spectral");
    QCOMPARE(back.indices, r->indices);
    QCOMPARE(back.labels, r->labels);
    QCOMPARE(back.flagged, r->flagged);
    QCOMPARE(back.poisoned, r->poisoned);
    QCOMPARE(back.scores.size(), r->scores.size());
    for (std::size_t k = 0; k < r->scores.size(); ++k)
      QVERIFY(std::abs(back.scores[k] - r->scores[k]) < 1e-9);
    QCOMPARE(back.columns.size(), std::size_t(3));
    QCOMPARE(back.columns[1].first, std::string("x"));
    QCOMPARE(back.overall.flagged, r->overall.flagged);
    QCOMPARE(figureOf(back.classes[4].figures, "singular_1"), 12.5);
    QCOMPARE(figureOf(back.figures, "attacked_class"), double(pd_->spec.target));
    QVERIFY(back.attackTook);
    // A damaged CSV names the file and line.
    const std::string csv = detectDir(run) + "/spectral.csv";
    {
      std::ofstream out(csv, std::ios::app);
      out << "5,1,not-a-number,0,0,1,1,1\n";
    }
    try {
      readDetection(run, "spectral");
      QFAIL("a bad cell was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("spectral.csv:"), e.what());
      QVERIFY2(QString(e.what()).contains("score"), e.what());
    }
  }

  void experimentSettingsNameTheFieldAsAValue() {
    // The panel's inputs are views of the model: setting the model moves them, editing them
    // changes the model, and what is wrong comes as the field's name, not as English text.
    ExperimentPanel panel;
    panel.setDataset(pd_);
    QVERIFY(panel.problem().isEmpty());
    TriggerSpec patch = TriggerSpec::defaults(TriggerType::Patch);
    patch.row = 30;  // 30 + 3 rows do not fit
    panel.model()->setTrigger(patch);
    QCOMPARE(panel.problemField(), QString("trigger.row"));
    QCOMPARE(panel.findChild<QSpinBox*>("triggerRow")->value(), 30);
    patch.row = 11;
    panel.setTrigger(patch);
    QVERIFY(panel.problem().isEmpty());
    PoisonSpec many = pd_->spec;
    many.count = 100000;
    panel.setPoison(many);
    QCOMPARE(panel.problemField(), QString("poison.count"));
    panel.setPoison(pd_->spec);
    TrainConfig c;
    c.momentum = 0.5;  // not an input of the panel: kept by the model through edits
    c.model.arch = "vgg16";
    panel.setTraining(c);
    QCOMPARE(panel.problemField(), QString("model.arch"));
    c.model.arch = "resnet8";
    panel.setTraining(c);
    panel.findChild<QSpinBox*>("epochs")->setValue(3);
    QCOMPARE(panel.training().epochs, 3);
    QCOMPARE(panel.training().momentum, 0.5);
    QVERIFY(panel.problem().isEmpty());
    QSignalSpy changed(panel.model(), &ExperimentModel::changed);
    panel.findChild<QSpinBox*>("poisonSeed")->setValue(9);
    QCOMPARE(panel.poison().seed, std::uint64_t(9));
  }

  void runsViewComparesRuns() {
    RunsView view;
    RunSummary a;
    a.dir = "/tmp/a";
    a.classNames = pd_->classNames();
    a.config = TrainConfig{};
    TrainResult t;
    EpochStats e;
    e.epoch = 1;
    e.cleanAcc = 0.5;
    e.asr = 0.2;
    t.history = {e};
    t.final.cleanAcc = 0.5;
    t.final.asr = 0.2;
    a.train = t;
    a.detectorAuroc = {{"spectral", 0.99}};
    RunSummary b = a;
    b.dir = "/tmp/b";
    b.trigger.row = 20;
    view.addRun(a);
    view.addRun(b);
    view.addRun(a);  // the same folder replaces its row
    QCOMPARE(view.table()->rowCount(), 2);
    QVERIFY(view.table()->item(1, 1)->text().contains("row 20"));
    QVERIFY(view.table()->item(0, 8)->text().contains("spectral 0.990"));
    QCOMPARE(view.curves()->graphCount(), 4);
    view.removeRun("/tmp/a");
    QCOMPARE(view.runCount(), 1);
  }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
