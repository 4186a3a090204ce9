// The analysis views and their shared state, on small made-up results (no training): the one
// selection and its modes, model versions with undo and redo, the lasso's hit test, the
// spectral, cluster and comparison views, the grid with detector scores and the test sets.
// The panels and dialogs are in tst_panels.cpp.
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

#include "views/cluster_view.h"
#include "views/comparison_view.h"
#include "core/detect/detect.h"
#include "core/unlearn/forget_set.h"
#include "core/util/error.h"
#include "panels/detector_panel.h"
#include "state/experiment_model.h"
#include "panels/experiment_panel.h"
#include "views/influence_view.h"
#include "panels/jobs_panel.h"
#include "plot/plot_select.h"
#include "qcustomplot.h"
#include "views/runs_view.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "state/session.h"
#include "views/spectral_view.h"
#include "state/task_manager.h"
#include "test_support.h"
#include "panels/unlearn_panel.h"
#include "view_fixtures.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

class TestViews : public QObject {
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

  /// A detector's and a version's name are the user's (or a mailed run folder's): every label
  /// and tooltip that shows them shows text. Rich text would load what an <img src> names
  /// (here /dev/zero, until memory runs out). The property, over every label and tooltip of
  /// each widget: where it is rich text, the name is escaped; and the name is shown somewhere.
  void hostileNamesAreTextInTheWindow() {
    const QString evil = QStringLiteral("<img src=\"/dev/zero\">evil");
    Session s;
    fill(s);
    s.addDetection(madeUpReport(*pd_, evil.toStdString(), "spectral", 0.7));
    ModelVersion v;
    v.name = evil;
    v.method = "ssd";
    v.eval = s.versions()[0].eval;
    v.forgetSize = 3;
    s.addVersion(v);  // current: the unlearning panel's headline names it
    UnlearnPanel unlearn(&s);
    SpectralView spectral(&s);
    spectral.setDetector(evil);
    ClusterView cluster(&s);
    cluster.setColouring(ClusterView::Colour::Score, evil);
    SampleInspector inspector;
    inspector.setScores({{evil, 1.5, true}});
    TaskManager tasks;
    JobsPanel jobs(&tasks);
    Task* t = tasks.start(QStringLiteral("Unlearn %1").arg(evil), [](TaskContext&) {});
    QTRY_VERIFY(t->state() == Task::State::Succeeded);

    const auto isRich = [](Qt::TextFormat f, const QString& text) {
      return f == Qt::RichText || (f == Qt::AutoText && Qt::mightBeRichText(text));
    };
    for (QWidget* root :
         std::initializer_list<QWidget*>{&unlearn, &spectral, &cluster, &inspector, &jobs}) {
      int shown = 0;
      const auto check = [&](const QString& where, Qt::TextFormat f, const QString& text) {
        if (isRich(f, text)) {
          QVERIFY2(!text.contains(QLatin1String("<img")), qPrintable(where + ": " + text));
          shown += text.contains(evil.toHtmlEscaped());
        } else {
          shown += text.contains(evil);
        }
      };
      QList<QWidget*> widgets = root->findChildren<QWidget*>();
      widgets << root;
      for (QWidget* w : widgets) {
        const QString where =
            root->metaObject()->className() + QStringLiteral("/") + w->objectName();
        check(where + " tooltip", Qt::AutoText, w->toolTip());
        if (auto* l = qobject_cast<QLabel*>(w)) check(where, l->textFormat(), l->text());
        if (auto* box = qobject_cast<QComboBox*>(w))  // items are always plain text
          for (int i = 0; i < box->count(); ++i) shown += box->itemText(i).contains(evil);
        if (auto* table = qobject_cast<QTableWidget*>(w))
          for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
              if (auto* item = table->item(r, c))
                check(where + " item tooltip", Qt::AutoText, item->toolTip());
      }
      QVERIFY2(shown > 0, root->metaObject()->className());
    }
    QVERIFY(inspector.scoresText().contains(evil.toHtmlEscaped()));
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
    QVERIFY(view.lastUpdateMs() > 0);  // the threshold's update was timed
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
    // The scatter's "selected" legend entry shows only while something is selected in it.
    auto selectedInLegend = [&] {
      QCPLegend* legend = scatter.plot()->legend;
      for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
          if (item->plottable()->name() == QStringLiteral("selected")) return item->visible();
      return false;
    };
    QVERIFY(!selectedInLegend());
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
    QVERIFY(selectedInLegend());
    // Shift adds, Ctrl removes.
    scatter.selectPolygon(lasso, /*add=*/false, /*remove=*/true);
    QVERIFY(s.selection()->isEmpty());
    QVERIFY(!selectedInLegend());
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
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
