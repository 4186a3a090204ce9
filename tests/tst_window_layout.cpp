// The window's layout: docks restored as saved, the first start on a laptop screen (the
// Inspector as a tab where a column of its own would be a sliver), the Inspector within its
// dock, and plots that export and whose titles wrap instead of widening the views.
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QScrollArea>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "core/run/train_report.h"
#include "core/util/error.h"
#include "main_window.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "views/sample_browser.h"
#include "views/sample_inspector.h"
#include "state/sample_model.h"
#include "test_support.h"
#include "views/training_view.h"
#include "view_fixtures.h"

using namespace poisonlab;
using namespace poisonlab::gui;
using namespace poisonlab::testing;

class TestWindowLayout : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

 private slots:
  void initTestCase() { useTemporarySettings(tmp_.path().toStdString()); }

  void dockLayoutPersists() {
    QSize size;
    {
      MainWindow w;
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QTest::qWait(50);  // the first-start layout (narrowWindowTabsTheInspector) settles
      // Fits a 1366 x 768 laptop screen.
      QVERIFY2(w.minimumSizeHint().width() <= 1366,
               qPrintable(QString::number(w.minimumSizeHint().width())));
      w.findChild<QDockWidget*>("jobsDock")->hide();
      size = w.minimumSizeHint().expandedTo(QSize(1200, 700)) + QSize(13, 7);
      w.resize(size);
      QTRY_COMPARE(w.size(), size);
      w.close();  // closeEvent saves geometry and dock state
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(!w.findChild<QDockWidget*>("jobsDock")->isVisible());
    QVERIFY(w.findChild<QDockWidget*>("inspectorDock")->isVisible());
    QCOMPARE(w.size(), size);
    w.findChild<QDockWidget*>("jobsDock")->show();
    w.close();
  }

  void narrowWindowTabsTheInspector_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("tabbed");
    QTest::newRow("1366 px laptop") << 1366 << true;
    QTest::newRow("1540 px (a column under the Inspector's own minimum)") << 1540 << true;
    QTest::newRow("1584 px (a 1600 px screen)") << 1584 << false;
    QTest::newRow("1700 px") << 1700 << false;
  }

  void narrowWindowTabsTheInspector() {
    // First start (no saved layout): where the views and the Experiment panel leave the right
    // column less than the Inspector needs, it and the Jobs become tabs of the left column
    // instead of a sliver; where there is room, the Inspector has a column of its own.
    QFETCH(int, width);
    QFETCH(bool, tabbed);
    QSettings().remove("window");
    MainWindow w;
    w.resize(width, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* experiment = w.findChild<QDockWidget*>("experimentDock");
    auto* inspector = w.findChild<QDockWidget*>("inspectorDock");
    auto* jobs = w.findChild<QDockWidget*>("jobsDock");
    QTest::qWait(50);  // the first-start layout runs once the window is laid out
    const auto tabs = w.tabifiedDockWidgets(experiment);
    QCOMPARE(tabs.contains(inspector), tabbed);
    QCOMPARE(tabs.contains(jobs), tabbed);
    if (tabbed) {
      // The dock tabs' bar (a tabified dock still reports itself visible).
      auto frontTab = [&] {
        for (auto* bar : w.findChildren<QTabBar*>())
          for (int i = 0; i < bar->count(); ++i)
            if (bar->tabText(i) == inspector->windowTitle())
              return bar->tabText(bar->currentIndex());
        return QString();
      };
      QCOMPARE(frontTab(), experiment->windowTitle());  // the Experiment panel stays in front
      QCOMPARE(inspector->width(), experiment->width());
      // Enter (or a double-click) on a sample brings the Inspector's tab forward.
      const auto data = smallPoisoned().pd;
      w.browser()->setDataset(data);
      w.browser()->selectSample(int(data->poisonedIndices.front()));
      auto* grid = w.browser()->findChild<QListView*>();
      QVERIFY(grid);
      QTest::keyClick(grid, Qt::Key_Return);
      QTRY_COMPARE(frontTab(), inspector->windowTitle());
    } else {
      QVERIFY(inspector->isVisible());
      QVERIFY2(inspector->width() >= 300, qPrintable(QString::number(inspector->width())));
      // Its column is wide enough for it: nothing cut off on the right.
      auto* scroll = qobject_cast<QScrollArea*>(inspector->widget());
      QVERIFY(scroll);
      QTRY_VERIFY2(w.inspector()->width() <= scroll->viewport()->width(),
                   qPrintable(QStringLiteral("inspector %1 px in a %2 px viewport")
                                  .arg(w.inspector()->width())
                                  .arg(scroll->viewport()->width())));
    }
    QVERIFY(inspector->width() >= 300);
    w.close();
    QSettings().remove("window");
  }

  void inspectorFitsANarrowDock() {
    // The Inspector's dock gets about 330 px beside the browser on a laptop screen. Its scroll
    // area has no horizontal bar (as in MainWindow), so anything wider than the dock is cut
    // off on the right: the clean image, the ends of lines. The widest part was the probability
    // chart, whose one-line title a plot cannot be narrower than.
    SampleModel model;
    const auto data = smallPoisoned().pd;
    model.setDataset(data);
    model.setPredictions(std::vector<float>(data->train.count() * 10, 0.1f),
                         10);  // any: the chart shows
    QScrollArea scroll;
    auto* inspector = new SampleInspector;
    scroll.setWidget(inspector);
    scroll.setWidgetResizable(true);
    scroll.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll.resize(330, 700);
    scroll.show();
    QVERIFY(QTest::qWaitForWindowExposed(&scroll));
    inspector->setTrigger(TriggerSpec{});
    inspector->showSample(model.index(int(data->poisonedIndices.front()), 0));
    QVERIFY(inspector->probabilityChart()->isVisible());
    QVERIFY(inspector->findChild<QLabel*>("details")->text().contains("POISONED"));
    // Once the chart shown for the sample has been laid out:
    QTest::qWait(50);
    QVERIFY2(inspector->width() <= scroll.viewport()->width(),
             qPrintable(QStringLiteral("inspector %1 px (wants %2) in a %3 px viewport")
                            .arg(inspector->width())
                            .arg(inspector->minimumSizeHint().width())
                            .arg(scroll.viewport()->width())));
  }

  void plotsExportAsPngAndPdf() {
    TrainingView view;
    view.resize(900, 300);
    view.show();
    view.start({"a", "b"}, 3);
    EpochStats e;
    e.epoch = 1;
    e.cleanAcc = 0.5;
    view.addEpoch(e);
    QCOMPARE(view.epochPoints(), 1);
    for (const char* name : {"acc.png", "acc.pdf"}) {
      const QString path = tmp_.filePath(name);
      savePlot(view.accuracyPlot(), path);
      QVERIFY(QFileInfo(path).size() > 1000);
    }
    QFile png(tmp_.filePath("acc.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QCOMPARE(png.read(4), QByteArray("\x89PNG"));
    QVERIFY_THROWS_EXCEPTION(Error, savePlot(view.accuracyPlot(), tmp_.filePath("acc.bmp")));
  }

  void plotTitlesWrapInsteadOfWidening() {
    // A title wraps at the plot's width: it neither sets the plot's minimum width (views wider
    // than the screen) nor runs past the plot's edges; wide, it keeps one line.
    const QString title =
        QStringLiteral("Outlier scores (drag the dashed line to move the threshold), and more");
    QCustomPlot* plot = makePlot(nullptr, QStringLiteral("wrapping"), title);
    std::unique_ptr<QCustomPlot> owner(plot);
    auto* element = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    QVERIFY(element);
    QVERIFY(element->textFlags() & Qt::TextWordWrap);  // drawn wrapped in the rows below
    QFont bold = plot->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int oneLine = metrics.horizontalAdvance(title);
    QVERIFY(plot->plotLayout()->minimumOuterSizeHint().width() < oneLine / 2);
    for (const int width : {250, oneLine + 100}) {
      plot->resize(width, 300);
      plot->show();
      QVERIFY(QTest::qWaitForWindowExposed(plot));
      plot->replot();
      // The title's row holds the text wrapped at the row's width: several lines when narrow,
      // one when wide.
      const QRect needed = metrics.boundingRect(0, 0, element->rect().width(), 0,
                                                Qt::AlignCenter | Qt::TextWordWrap, title);
      QVERIFY2(element->rect().height() >= needed.height(),
               qPrintable(QStringLiteral("%1 px wide: row %2 px high, text %3")
                              .arg(width)
                              .arg(element->rect().height())
                              .arg(needed.height())));
      if (width < oneLine)
        QVERIFY(element->rect().height() >= 2 * metrics.lineSpacing());
      else
        QVERIFY(element->rect().height() < 2 * metrics.lineSpacing());
    }
    // An export at another size lays the title out for that size.
    const QString path = tmp_.filePath("narrow.png");
    QVERIFY(plot->savePng(path, 250, 300));
    QVERIFY(element->rect().height() >= 2 * metrics.lineSpacing());
  }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_window_layout.moc"
