// The workbench's panels and dialogs on small made-up results (no training): the detector
// panel's options and its warning, the unlearning panel's requests and versions, the
// influence view, the what-if dialog, the experiment model's field errors, the runs view, and
// detector records read back as written.
#include <QApplication>
#include <QCheckBox>
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

#include "views/cluster_view.h"
#include "views/comparison_view.h"
#include "core/detect/detect.h"
#include "core/unlearn/forget_set.h"
#include "core/util/error.h"
#include "panels/detector_panel.h"
#include "state/experiment_model.h"
#include "panels/experiment_panel.h"
#include "views/influence_view.h"
#include "plot/plot_select.h"
#include "qcustomplot.h"
#include "views/runs_view.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "state/session.h"
#include "views/spectral_view.h"
#include "test_support.h"
#include "panels/unlearn_panel.h"
#include "view_fixtures.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

class TestPanels : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::shared_ptr<const Dataset> clean_;
  std::shared_ptr<const PoisonedDataset> pd_;

  void fill(Session& s) { fillSession(s, clean_, pd_); }

 private slots:
  void initTestCase() {
    useTemporarySettings(tmp_.path().toStdString());
    const SmallPoisoned d = smallPoisoned();
    clean_ = d.clean;
    pd_ = d.pd;
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
    r.cl.probabilities = ClProbabilities::CrossValidation;
    r.cl.folds = 3;
    panel.setRequest(r);
    const DetectRequest back = panel.request();
    QCOMPARE(int(back.method), int(r.method));
    QCOMPARE(back.layer, r.layer);
    QCOMPARE(int(back.ac.reclassify), int(r.ac.reclassify));
    QCOMPARE(back.ac.dims, 7);
    QCOMPARE(back.spectral.eps, 0.05);
    QVERIFY(back.influence.network);
    QCOMPARE(back.influence.flagTop, std::size_t(40));
    QCOMPARE(int(back.cl.probabilities), int(ClProbabilities::CrossValidation));
    QCOMPARE(back.cl.folds, 3);
    QSignalSpy requested(&panel, &DetectorPanel::runRequested);
    panel.findChild<QPushButton*>("runAllDetectorsButton")->click();
    QCOMPARE(requested.count(), 4);
    QCOMPARE(int(requested.at(3).at(0).value<DetectRequest>().method),
             int(DetectorMethod::ConfidentLearning));
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
      out << "1000000,1,not-a-number,0,0,1,1,1\n";  // after the last index: only the score is bad
    }
    try {
      readDetection(run, "spectral");
      QFAIL("a bad cell was accepted");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("spectral.csv:"), e.what());
      QVERIFY2(QString(e.what()).contains("score"), e.what());
    }
  }

  void labelOnlyAttackImportsBeforeApplying() {
    // Label-only: nothing to apply until a label file was read; then the poison carries the
    // file's labels and provenance, the counts per (true, new) pair are shown, and the
    // stamped attack's count and seed are hidden.
    ExperimentPanel panel;
    panel.setDataset(pd_);
    QSignalSpy asked(&panel, &ExperimentPanel::labelImportRequested);
    auto* apply = panel.findChild<QPushButton*>("applyPoisonButton");
    QVERIFY(apply->isEnabled());
    panel.setLabelOnly(true);
    QVERIFY(!apply->isEnabled());
    QCOMPARE(panel.problemField(), QString("poison.labels"));
    panel.setLabelFiles("/data/flip/3xp/1500.npy", QString());
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QString("/data/flip/3xp/1500.npy"));
    panel.setLabelImportError("1500.npy: shape (10, 3), expected (200, 10)");
    QVERIFY(!apply->isEnabled());
    QVERIFY(panel.problem().contains("shape (10, 3)"));
    auto lp = std::make_shared<LabelPoison>();
    lp->labels = pd_->clean->train.labels;
    const std::size_t flipped = 7;
    std::size_t done = 0;
    for (std::size_t i = 0; i < lp->labels.size() && done < flipped; ++i)
      if (lp->labels[i] == 9) {
        lp->labels[i] = 4;
        ++done;
      }
    lp->flipped = flipped;
    lp->from.file = "/data/flip/3xp/1500.npy";
    lp->from.orderHow = "load order";
    lp->flips = flipCounts(pd_->clean->train.labels, lp->labels);
    panel.setLabelImport(lp);
    QVERIFY2(panel.problem().isEmpty(), qPrintable(panel.problem()));
    QVERIFY(apply->isEnabled());
    const PoisonSpec p = panel.poison();
    QVERIFY(p.labelOnly());
    QCOMPARE(p.count, 7);
    QVERIFY(p.labels == lp->labels);
    QVERIFY(panel.findChild<QLabel*>("labelSummary")->text().contains("-> "));
    QVERIFY(!panel.findChild<QSpinBox*>("poisonSeed")->isVisibleTo(&panel));
    // Another data set: labels read for this one no longer apply (a problem, not a silent
    // mismatch).
    PoisonSpec small;
    small.count = 3;
    panel.setDataset(std::make_shared<const PoisonedDataset>(applyPoison(
        std::make_shared<const Dataset>(makeDataset(10, 12, 2)), TriggerSpec{}, small)));
    QVERIFY(!panel.poison().labelOnly());  // its own (stamped) poison
    panel.setLabelOnly(true);
    QCOMPARE(panel.problem(), QString("Choose a label file"));  // not the old file's labels
    QVERIFY(!apply->isEnabled());
    panel.setDataset(pd_);
    // Back to stamping: the labels are dropped from the poison.
    panel.setLabelOnly(false);
    QVERIFY(!panel.poison().labelOnly());
    QVERIFY(panel.findChild<QSpinBox*>("poisonSeed")->isVisibleTo(&panel));
  }

  void computeFlipAsksWithTheQuickBox() {
    // "Compute FLIP labels" sits with the label-only attack and asks with the Quick box's
    // state (checked by default: the full settings take hours on a CPU).
    ExperimentPanel panel;
    panel.setDataset(pd_);
    auto* button = panel.findChild<QPushButton*>("computeFlip");
    auto* quick = panel.findChild<QCheckBox*>("flipQuick");
    QVERIFY(button && quick);
    QVERIFY(!button->isVisibleTo(&panel));
    panel.setLabelOnly(true);
    QVERIFY(button->isVisibleTo(&panel));
    QSignalSpy asked(&panel, &ExperimentPanel::flipRequested);
    button->click();
    quick->setChecked(false);
    button->click();
    QCOMPARE(asked.count(), 2);
    QCOMPARE(asked.at(0).at(0).toBool(), true);
    QCOMPARE(asked.at(1).at(0).toBool(), false);
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
    // Label smoothing: the recipe's value shown, edits reach the model.
    auto* smoothing = panel.findChild<QDoubleSpinBox*>("labelSmoothing");
    QVERIFY(smoothing);
    QCOMPARE(smoothing->value(), TrainConfig{}.labelSmoothing);
    smoothing->setValue(0);
    QCOMPARE(panel.training().labelSmoothing, 0.0);
    smoothing->setValue(0.1);
    QCOMPARE(panel.training().labelSmoothing, 0.1);
    // Small crops: the recipe's share of the epochs in percent, edits reach the model.
    auto* smallCrops = panel.findChild<QSpinBox*>("smallCrops");
    QVERIFY(smallCrops);
    QCOMPARE(smallCrops->value(), int(std::lround(100 * TrainConfig{}.smallCropsUntil)));
    smallCrops->setValue(0);
    QCOMPARE(panel.training().smallCropsUntil, 0.0);
    smallCrops->setValue(25);
    QCOMPARE(panel.training().smallCropsUntil, 0.25);
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

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
